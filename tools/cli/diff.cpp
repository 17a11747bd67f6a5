// `wardmap diff PLAN_A PLAN_B [SOURCE]`: what changes between two plans of the same wards, as a
// planner briefs it: the moves (whole boroughs, else wards), what goes with them, and each command
// unit before and after, its officers allocated by the rules exactly as `wardmap allocate` does.
#include "cli/officer_options.h"
#include "cli/progress_bar.h"
#include "cli/subcommands.h"
#include "cli/summary.h"
#include "geo/compare/diff_layers.h"
#include "geo/compare/ward_figures.h"
#include "geo/export/plan_layers.h"
#include "geo/export/write.h"
#include "geo/model/plan_figures.h"
#include "geo/planner/plan_at_version.h"
#include "geo/planner/plan_file.h"
#include "geo/store/plan_store.h"
#include "geo/store/store_location.h"

#include <fmt/ostream.h>
#include <filesystem>
#include <iostream>
#include <optional>
#include <memory>

namespace cli {
namespace {

struct DiffCommand {
    std::string plan_a, plan_b;
    SourceOptions source;
    geo::PlanColumns columns;
    MeasureOptions measures;
    std::string output, format, target_srs, table;
    bool overwrite = false;
    // The plans are names in the team's plan store (NAME, NAME@N): --store CONNECTION, or --stored
    // for the store $WARDMAP_STORE or the settings file names.
    std::string store;
    bool stored = false;
};

// One side of the comparison, with what was worked out on it.
struct Side {
    geo::Plan plan;
    geo::PlanResolution resolution;
    geo::OfficerRules rules;
    geo::OfficerFigures officers;
};

geo::Plan read_version(const geo::WardSet& set, const geo::VersionedPath& at, const geo::PlanColumns& columns) {
    if (!at.version) return read_plan_for(set, at.path, columns);
    read_plan_for(set, at.path, columns);  // the file as it is: on these wards, and unchanged since any sign-off
    geo::PlanFile plan = geo::plan_at_version(geo::read_plan_file(at.path), *at.version);
    plan.name += fmt::format(", version {}", *at.version);
    geo::assignment_from(set, plan);
    return geo::plan_from_file(plan);
}

// A version of a plan in the store (the current one without @N), as it was saved.
geo::Plan read_stored(const geo::WardSet& set, const geo::VersionedPath& at, const DiffCommand& o) {
    geo::store::PlanStore store(geo::store::store_connection(o.store, "--stored"));
    const auto [info, text] = store.load(at.path, at.version);
    geo::PlanFile file = geo::parse_plan_file(text, fmt::format("{} version {} in {}", info.plan, info.version, store.shown()));
    file.name = fmt::format("{}, version {}", info.plan, info.version);
    geo::assignment_from(set, file);
    return geo::plan_from_file(file);
}

Side work_out(const geo::WardSet& set, const std::string& argument, const DiffCommand& o) {
    const bool stored = o.stored || !o.store.empty();
    const geo::VersionedPath at = stored ? geo::versioned_name(argument) : geo::versioned_path(argument);
    Side side;
    side.plan = stored ? read_stored(set, at, o) : read_version(set, at, o.columns);
    side.resolution = geo::resolve_plan(set, side.plan);
    // As `allocate --plan PATH` finds them: beside a plan file; the bundled ones for a stored plan.
    side.rules = geo::read_rules_for(o.measures, stored ? "" : at.path);
    side.officers = geo::allocate_plan(set, side.resolution.grouping, side.rules,
                                       geo::read_measure_tables(o.measures, &side.rules, side.rules.measures_used()));
    return side;
}

// "34 → 35 +1"; "-" for a figure the plan has not.
std::string cell(std::optional<double> before, std::optional<double> after, int decimals = 0) {
    const auto number = [&](std::optional<double> value) { return value ? fmt::format("{:.{}f}", *value, decimals) : std::string("-"); };
    std::string text = number(before) + " → " + number(after);
    if (before && after && std::abs(*after - *before) >= 0.5 * std::pow(10.0, -decimals))
        text += fmt::format(" {:+.{}f}", *after - *before, decimals);
    return text;
}

std::optional<double> known(const geo::UnitFigures& unit, double value, bool figure_known = true) {
    return unit.in_plan && figure_known ? std::optional(value) : std::nullopt;
}

void print_diff(std::ostream& out, const geo::WardSet& set, const geo::PlanDiff& diff) {
    fmt::print(out, "{} ward(s) change command unit, in {} move(s)\n", diff.wards_moved, diff.moves.size());
    for (const geo::Move& move : diff.moves)
        fmt::print(out, "  {}\n      {}\n", geo::describe(set, move), geo::move_figures(move, diff.officers));
    fmt::print(out, "  {:<6} {:<20} {:<16} {:<18} {:<16} {:<22} {:<24} {}\n", "code", "name", "wards", "officers", "PCSOs", "crime",
               "population", "area km²");
    for (const geo::UnitChange& unit : diff.units) {
        const auto& a = unit.before;
        const auto& b = unit.after;
        fmt::print(out, "{} {:<6} {:<20} {:<16} {:<18} {:<16} {:<22} {:<24} {}\n", unit.changed() ? '*' : ' ', unit.code,
                   unit.name.substr(0, 20), cell(known(a, a.wards), known(b, b.wards)),
                   cell(known(a, a.officers, diff.officers), known(b, b.officers, diff.officers)),
                   cell(known(a, a.pcso, diff.officers), known(b, b.pcso, diff.officers)),
                   cell(known(a, a.crime.sum, a.crime.known), known(b, b.crime.sum, b.crime.known)),
                   cell(known(a, a.population.sum, a.population.known), known(b, b.population.sum, b.population.known)),
                   cell(known(a, a.area_km2), known(b, b.area_km2), 2));
    }
    fmt::print(out, "  (* command units whose wards or posts change)\n");
    for (const auto& [what, total] : {std::pair{"crime", &geo::UnitFigures::crime}, std::pair{"population", &geo::UnitFigures::population}}) {
        std::string units;
        for (const geo::UnitChange& unit : diff.units)
            if (const std::size_t missing = std::max((unit.before.*total).missing, (unit.after.*total).missing))
                units += fmt::format("{}{} {}", units.empty() ? "" : ", ", unit.code, missing);
        if (!units.empty()) fmt::print(out, "note    {}: wards without a value are left out of the sums ({})\n", what, units);
    }
}

nlohmann::json total_json(const geo::Total& total) {
    if (!total.known) return nullptr;
    return {{"sum", total.sum}, {"wards_without_value", total.missing}};
}

nlohmann::json figures_json(const geo::UnitFigures& unit, bool officers) {
    if (!unit.in_plan) return nullptr;
    nlohmann::json out{{"wards", unit.wards}, {"crime", total_json(unit.crime)}, {"population", total_json(unit.population)},
                       {"area_km2", unit.area_km2}};
    if (officers) {
        out["officers"] = unit.officers, out["dwo"] = unit.dwo, out["pcso"] = unit.pcso, out["leadership"] = unit.leadership;
        for (const auto& [pool, posts] : unit.pools) out["pools"][pool] = posts;
    }
    return out;
}

nlohmann::json diff_json(const geo::WardSet& set, const geo::PlanDiff& diff) {
    nlohmann::json moves = nlohmann::json::array();
    for (const geo::Move& move : diff.moves) {
        nlohmann::json wards = nlohmann::json::array();
        for (std::size_t w : move.wards) wards.push_back({{"code", set.units[w].code}, {"name", set.units[w].name}});
        nlohmann::json item{{"text", geo::describe(set, move)}, {"borough", {{"code", move.borough_code}, {"name", move.borough_name}}},
                            {"whole_borough", move.whole_borough}, {"from", {{"code", move.from_code}, {"name", move.from_name}}},
                            {"to", {{"code", move.to_code}, {"name", move.to_name}}}, {"wards", wards},
                            {"crime", total_json(move.crime)}, {"population", total_json(move.population)}, {"area_km2", move.area_km2}};
        if (diff.officers) item["dwo"] = move.dwo, item["pcso"] = move.pcso;
        moves.push_back(std::move(item));
    }
    nlohmann::json units = nlohmann::json::array();
    for (const geo::UnitChange& unit : diff.units)
        units.push_back({{"code", unit.code}, {"name", unit.name}, {"changed", unit.changed()},
                         {"before", figures_json(unit.before, diff.officers)}, {"after", figures_json(unit.after, diff.officers)}});
    return {{"wards_moved", diff.wards_moved}, {"moves", moves}, {"command_units", units}};
}

std::string write_moved_wards(const geo::WardSet& set, const geo::PlanDiff& diff, const geo::WardFigures& figures, const DiffCommand& o) {
    geo::WriteOptions write;
    write.path = o.output;
    write.format = o.format.empty() ? &geo::format_for_path(o.output) : &geo::format_named(o.format);
    if (!o.target_srs.empty()) write.target_crs = geo::crs_from_user(o.target_srs, "-t_srs");
    write.overwrite = o.overwrite;
    write.provenance = fmt::format("Wards moved between {} and {}. ", o.plan_a, o.plan_b) + geo::provenance(set, nullptr);
    const geo::OutputLayer layer = geo::moved_wards_layer(set, diff, figures);
    geo::write_layers({layer}, set.working_crs, write);
    return fmt::format("wrote {} ({}: {} {})", o.output, write.format->name, layer.name, layer.features.size());
}

void run(const DiffCommand& o, const CommonOptions& common) {
    ProgressBar progress(common.quiet);
    const geo::WardSet set = load_sources(o.source, progress.callback());
    const Side a = work_out(set, o.plan_a, o), b = work_out(set, o.plan_b, o);
    const geo::WardFigures figures =
        geo::ward_figures(set, geo::read_measure_tables(o.measures, &a.rules, geo::figure_measures(o.measures, a.rules)));
    const geo::PlanDiff diff = geo::diff_plans(set, {a.plan.name, o.plan_a, &a.resolution.grouping, &a.officers.allocation},
                                               {b.plan.name, o.plan_b, &b.resolution.grouping, &b.officers.allocation}, figures);
    const std::string written = o.output.empty() ? "" : write_moved_wards(set, diff, figures, o);
    std::optional<geo::WrittenOutput> table;
    if (!o.table.empty()) table = write_table(geo::unit_changes_table(diff), set.working_crs, o.table, o.overwrite);
    if (common.json) {
        nlohmann::json out = diff_json(set, diff);
        out["plan_a"] = {{"name", a.plan.name}, {"path", o.plan_a}, {"rules", a.rules.path}};
        out["plan_b"] = {{"name", b.plan.name}, {"path", o.plan_b}, {"rules", b.rules.path}};
        if (!written.empty()) out["output"] = written;
        if (table) out["table"] = table->path;
        print_json(out);
        return;
    }
    fmt::print(common.report(), "{} units from {} file(s)\nA: {} ({}; rules {})\nB: {} ({}; rules {})\n", set.units.size(), set.sources.size(),
               a.plan.name, o.plan_a, a.rules.path, b.plan.name, o.plan_b, b.rules.path);
    print_diff(common.report(), set, diff);
    if (!written.empty()) fmt::print(common.report(), "{}\n", written);
    if (table) print_written(common.report(), *table);
}

}  // namespace

void add_diff(CLI::App& app, const CommonOptions& common, int& result) {
    auto options = std::make_shared<DiffCommand>();
    CLI::App* command = app.add_subcommand("diff", "Compare two plans: wards and boroughs that change command unit, what moves with them, each command unit before and after");
    command->add_option("plan_a", options->plan_a, "The plan before: a CSV plan table or a plan file (.wardplan, .toml); PLAN@N: version N of a plan file (`wardmap plan log`)")->required();
    command->add_option("plan_b", options->plan_b, "The plan after, on the same wards; PLAN@N as for plan_a")->required();
    add_source_options(*command, options->source);
    auto* plan = command->add_option_group("Plan");
    plan->add_option("--plan-key", options->columns.key, "Plan column with the unit or parent code (CSV plans)");
    plan->add_option("--plan-unit", options->columns.unit_code, "Plan column with the command unit code");
    plan->add_option("--plan-unit-name", options->columns.unit_name, "Plan column with the command unit name");
    add_measure_options(*command, options->measures);
    command->add_option("-o,--output", options->output, "Write the moved wards (from, to, crime, population, area) here: GPKG, GeoJSON, CSV, ...");
    command->add_option("-f,--format", options->format, "Format of -o (default: from its extension)");
    command->add_option("--t_srs", options->target_srs, "CRS of -o, also -t_srs");
    command->add_option("--table", options->table, "Also write each command unit before, after and change to this CSV");
    command->add_flag("--overwrite", options->overwrite, "Replace outputs that exist");
    command->add_option("--store", options->store, "The plans are in this plan store, by name: NAME (its current version) or NAME@N, e.g. \"PG:dbname=plans host=gis.example\"");
    command->add_flag("--stored", options->stored, "The plans are in the plan store by name ($WARDMAP_STORE, else [store] in ~/.config/wardmap/settings.toml)");
    command->callback([options, &common, &result] {
        run(*options, common);
        result = 0;
    });
}

}  // namespace cli
