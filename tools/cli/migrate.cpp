// `wardmap migrate PLAN --to NEW_WARDS -o NEW_PLAN [SOURCE]`: a plan carried to a new ward set.
// Each new ward takes the command unit holding most of its area; the wards whose best share is
// under --threshold are listed with their shares for a planner to review.
#include "cli/progress_bar.h"
#include "cli/subcommands.h"
#include "cli/summary.h"
#include "geo/core/errors.h"
#include "geo/export/atomic_output.h"
#include "geo/migrate/migrate.h"
#include "geo/planner/plan_file.h"

#include <fmt/ostream.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <iostream>
#include <map>
#include <memory>

namespace cli {
namespace {

struct MigrateCommand {
    std::string plan;
    SourceOptions source;  // the old wards the plan is on
    std::vector<std::string> to;
    std::string to_code_field, to_name_field, to_parent_field, to_parent_name_field, to_srs;
    geo::PlanColumns columns;
    std::string output;
    double threshold = 0.9;
    bool overwrite = false;
    std::size_t listed = 20;
};

std::vector<std::string> unit_of_old_wards(const geo::WardSet& wards, const geo::PlanResolution& resolution) {
    std::vector<std::string> unit(wards.units.size(), geo::no_unit);
    for (std::size_t w = 0; w < wards.units.size(); ++w)
        if (const int group = resolution.grouping.group_of_unit[w]; group >= 0)
            unit[w] = resolution.grouping.groups[static_cast<std::size_t>(group)].code;
    for (std::size_t w : resolution.left_out) unit[w] = geo::left_out_unit;
    return unit;
}

geo::WardSet load_new_wards(const MigrateCommand& o, const geo::WardSet& old_wards, const geo::Progress& progress) {
    geo::LoadOptions load;
    load.sources = o.to;
    auto given = [](const std::string& text) { return text.empty() ? std::nullopt : std::optional(text); };
    load.fields = {given(o.to_code_field), given(o.to_name_field), given(o.to_parent_field), given(o.to_parent_name_field)};
    load.source_srs = given(o.to_srs);
    load.snap_tolerance = o.source.snap;
    geo::WardSet wards = geo::load_units(load, progress);
    // Areas are compared in one CRS: both sets are worked in the one chosen for their place.
    if (!wards.working_crs.srs.IsSame(&old_wards.working_crs.srs))
        throw geo::InputError(o.to.front(), "--to", fmt::format("the new wards are worked in {}, the plan's wards in {}",
                                                                wards.working_crs.label, old_wards.working_crs.label),
                              "Give ward sets of the same place.");
    return wards;
}

// Writes text in place of `path` atomically (the CSV form of the migrated plan).
void write_text(const std::string& path, const std::string& text, bool overwrite) {
    geo::AtomicOutput output(path, overwrite);
    {
        std::ofstream out(output.path(), std::ios::binary);
        out << text;
        out.flush();
        if (!out) throw geo::OutputError(fmt::format("{}: could not write the plan (disk full?)", path));
    }
    output.commit();
}

struct Written {
    geo::Plan table;                   // the migrated plan as a table
    geo::PlanResolution resolution;    // on the new wards
};

Written write_migrated(const MigrateCommand& o, const geo::Plan& old_plan, const geo::WardSet& old_wards, const geo::WardSet& new_wards,
                       const geo::Migration& migration) {
    Written written;
    written.table = geo::migrated_plan_table(old_plan, old_wards, new_wards, migration);
    written.table.path = o.output;
    written.resolution = geo::resolve_plan(new_wards, written.table);
    if (!geo::is_plan_file(o.output)) {
        write_text(o.output, geo::plan_table_csv(written.table, new_wards), o.overwrite);
        return written;
    }
    if (!o.overwrite && std::filesystem::exists(o.output))
        throw geo::OutputError(fmt::format("{} exists; --overwrite replaces it", o.output));
    geo::PlanFile meta;
    meta.name = old_plan.name;
    meta.boundary_path = std::filesystem::absolute(o.to.front()).string();
    meta.migrated_from = {std::filesystem::absolute(o.plan).string(), old_wards.sources.empty() ? "" : std::filesystem::absolute(old_wards.sources.front().path).string(),
                          geo::ward_set_fingerprint(old_wards), old_wards.units.size(), "area", o.threshold, migration.review.size()};
    const geo::Assignment assignment = geo::assignment_from(new_wards, written.table, written.resolution);
    geo::write_plan_file(o.output, geo::plan_file_from(new_wards, assignment, meta));
    return written;
}

std::string shares_text(const geo::MigratedWard& ward) {
    std::string text;
    for (const geo::UnitShare& share : ward.shares)
        text += fmt::format("{}{} {:.1f}%", text.empty() ? "" : ", ", share.unit_code.empty() ? "(none)" : share.unit_code, 100 * share.share);
    return text;
}

// Per command unit: wards and km² before (old wards) and after (new wards), by the plans' own lists.
struct UnitArea {
    std::size_t old_wards = 0, new_wards = 0;
    double old_area = 0, new_area = 0;
};

std::map<std::string, UnitArea> unit_areas(const geo::WardSet& old_wards, const geo::PlanResolution& before, const geo::WardSet& new_wards,
                                           const geo::PlanResolution& after) {
    std::map<std::string, UnitArea> areas;
    for (std::size_t w = 0; w < old_wards.units.size(); ++w)
        if (const int g = before.grouping.group_of_unit[w]; g >= 0) {
            UnitArea& unit = areas[before.grouping.groups[static_cast<std::size_t>(g)].code];
            ++unit.old_wards, unit.old_area += geo::geos::area(*old_wards.units[w].shape) / 1e6;
        }
    for (std::size_t w = 0; w < new_wards.units.size(); ++w)
        if (const int g = after.grouping.group_of_unit[w]; g >= 0) {
            UnitArea& unit = areas[after.grouping.groups[static_cast<std::size_t>(g)].code];
            ++unit.new_wards, unit.new_area += geo::geos::area(*new_wards.units[w].shape) / 1e6;
        }
    return areas;
}

nlohmann::json migration_json(const MigrateCommand& o, const geo::WardSet& new_wards, const geo::Migration& migration,
                              const std::map<std::string, UnitArea>& areas, const Written& written) {
    nlohmann::json review = nlohmann::json::array();
    for (std::size_t n : migration.review) {
        const geo::MigratedWard& ward = migration.wards[n];
        nlohmann::json shares = nlohmann::json::array();
        for (const geo::UnitShare& share : ward.shares) shares.push_back({{"unit", share.unit_code}, {"share", share.share}, {"area_m2", share.area}});
        review.push_back({{"code", new_wards.units[n].code}, {"name", new_wards.units[n].name}, {"unit", ward.unit_code},
                          {"share", ward.share}, {"covered", ward.covered}, {"shares", shares}});
    }
    nlohmann::json units = nlohmann::json::array();
    for (const auto& [code, unit] : areas)
        units.push_back({{"code", code}, {"old_wards", unit.old_wards}, {"new_wards", unit.new_wards}, {"old_area_km2", unit.old_area},
                         {"new_area_km2", unit.new_area}});
    nlohmann::json assigned = nlohmann::json::object();
    for (std::size_t n = 0; n < new_wards.units.size(); ++n) {
        const int g = written.resolution.grouping.group_of_unit[n];
        assigned[new_wards.units[n].code] = g >= 0 ? written.resolution.grouping.groups[static_cast<std::size_t>(g)].code : "-";
    }
    return {{"plan", o.plan}, {"output", o.output}, {"new_wards", new_wards.units.size()}, {"threshold", migration.threshold},
            {"review", review}, {"vanished", migration.vanished}, {"command_units", units}, {"assigned", assigned},
            {"unassigned", written.resolution.unassigned.size()}, {"left_out", written.resolution.left_out.size()},
            {"old_area_km2", migration.old_area / 1e6}, {"new_area_km2", migration.new_area / 1e6},
            {"covered_area_km2", migration.covered_area / 1e6}, {"rows_written", written.table.rows.size()}};
}

void print_migration(std::ostream& out, const MigrateCommand& o, const geo::WardSet& new_wards, const geo::Migration& migration,
                     const std::map<std::string, UnitArea>& areas, const Written& written) {
    fmt::print(out, "{} new wards: {} in a command unit, {} left out, {} unassigned\n", new_wards.units.size(),
               new_wards.units.size() - written.resolution.left_out.size() - written.resolution.unassigned.size(),
               written.resolution.left_out.size(), written.resolution.unassigned.size());
    fmt::print(out, "area: old wards {:.2f} km², new wards {:.2f} km², of which {:.2f} km² ({:.2f}%) lies on old wards\n",
               migration.old_area / 1e6, migration.new_area / 1e6, migration.covered_area / 1e6,
               100 * migration.covered_area / std::max(migration.new_area, 1.0));
    fmt::print(out, "  {:<6} {:>9} {:>9} {:>12} {:>12}\n", "unit", "old wards", "new wards", "old km²", "new km²");
    for (const auto& [code, unit] : areas)
        fmt::print(out, "  {:<6} {:>9} {:>9} {:>12.2f} {:>12.2f}\n", code, unit.old_wards, unit.new_wards, unit.old_area, unit.new_area);
    fmt::print(out, "{} ward(s) for review (best share under {:.0f}%)\n", migration.review.size(), 100 * migration.threshold);
    for (std::size_t i = 0; i < migration.review.size() && i < o.listed; ++i) {
        const std::size_t n = migration.review[i];
        fmt::print(out, "  review  {} ({}): {}\n", new_wards.units[n].where(), new_wards.units[n].parent_name, shares_text(migration.wards[n]));
    }
    if (migration.review.size() > o.listed) fmt::print(out, "  ... {} more (--json lists all)\n", migration.review.size() - o.listed);
    if (!migration.vanished.empty()) {
        std::string codes;
        for (const std::string& code : migration.vanished) codes += (codes.empty() ? "" : " ") + code;
        fmt::print(out, "{} ward code(s) of the plan are not in the new wards: {}\n", migration.vanished.size(), codes);
    }
    if (geo::is_plan_file(o.output)) fmt::print(out, "wrote {} (a plan file, one line per ward: {})\n", o.output, new_wards.units.size());
    else fmt::print(out, "wrote {} ({} rows: the plan's borough rows and the wards whose unit differs from their borough's)\n", o.output, written.table.rows.size());
}

void run(const MigrateCommand& o, const CommonOptions& common) {
    ProgressBar progress(common.quiet);
    const geo::WardSet old_wards = load_sources(o.source, progress.callback());
    const geo::Plan plan = read_plan_for(old_wards, o.plan, o.columns);
    const geo::PlanResolution before = geo::resolve_plan(old_wards, plan);
    const geo::WardSet new_wards = load_new_wards(o, old_wards, progress.callback());
    const auto overlaps = geo::overlap_wards(old_wards, new_wards, progress.callback());
    const geo::Migration migration =
        geo::migrate_plan(old_wards, unit_of_old_wards(old_wards, before), plan, new_wards, overlaps, o.threshold);
    const Written written = write_migrated(o, plan, old_wards, new_wards, migration);
    const auto areas = unit_areas(old_wards, before, new_wards, written.resolution);
    if (common.json) print_json(migration_json(o, new_wards, migration, areas, written));
    else print_migration(common.report(), o, new_wards, migration, areas, written);
}

}  // namespace

void add_migrate(CLI::App& app, const CommonOptions& common, int& result) {
    auto options = std::make_shared<MigrateCommand>();
    CLI::App* command = app.add_subcommand("migrate", "Carry a plan to another ward set: each new ward to the command unit holding most of it, the doubtful ones listed");
    command->add_option("plan", options->plan, "The plan: a CSV plan table or a plan file (.wardplan, .toml)")->required();
    add_source_options(*command, options->source);
    command->add_option("--to", options->to, "The new wards (any OGR source; several files or a folder)")->required();
    auto* to = command->add_option_group("New wards");
    to->add_option("--to-code-field", options->to_code_field, "Field of the new wards holding the ward code (guessed: WD22CD, GSS_Code, ...)");
    to->add_option("--to-name-field", options->to_name_field, "Field holding the ward name");
    to->add_option("--to-parent-field", options->to_parent_field, "Field holding the borough code");
    to->add_option("--to-parent-name-field", options->to_parent_name_field, "Field holding the borough name");
    to->add_option("--to-s_srs", options->to_srs, "CRS of the new wards when missing or wrong");
    auto* plan = command->add_option_group("Plan");
    plan->add_option("--plan-key", options->columns.key, "Plan column with the unit or parent code (CSV plans)");
    plan->add_option("--plan-unit", options->columns.unit_code, "Plan column with the command unit code");
    plan->add_option("--plan-unit-name", options->columns.unit_name, "Plan column with the command unit name");
    command->add_option("-o,--output", options->output, "The migrated plan: .wardplan/.toml (a plan file recording where it came from) or .csv (borough rows and the wards that differ)")->required();
    command->add_option("--threshold", options->threshold, "List for review the wards whose best share is under this (0 to 1)")
        ->check(CLI::Range(0.0, 1.0))
        ->capture_default_str();
    command->add_option("--list", options->listed, "How many wards for review to print (--json lists all)")->capture_default_str();
    command->add_flag("--overwrite", options->overwrite, "Replace the output if it exists");
    command->callback([options, &common, &result] {
        run(*options, common);
        result = 0;
    });
}

}  // namespace cli
