// `wardmap rollout`: which wards or command units go live when. Generators for the real options
// (Step Change 2003, SLP 2017-2019), a priority for which wards go first, hand edits, and per phase
// what is live, the officers needed and the findings.
#include "cli/officer_options.h"
#include "cli/rollout_options.h"
#include "cli/progress_bar.h"
#include "cli/subcommands.h"
#include "cli/summary.h"
#include "geo/model/plan_figures.h"

#include "geo/core/errors.h"
#include "geo/officers/allocation_columns.h"
#include "geo/rollout/generators.h"
#include "geo/rollout/phase_results.h"
#include "geo/rollout/priority.h"
#include "geo/rollout/rollout_columns.h"

#include <fmt/ostream.h>
#include <iostream>
#include <memory>

namespace cli {
namespace {

struct RolloutCommand {
    SourceOptions source;
    PlanOptions plan;
    OutputOptions output;
    MeasureOptions measures;
    RolloutOptions generator;
    std::string table;
    bool officers = false;
};

nlohmann::json phases_json(const std::vector<geo::PhaseResult>& results) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : results) {
        nlohmann::json item{{"phase", r.phase.name}, {"start", r.phase.start.iso()}, {"wards_new", r.wards_new}, {"wards_live", r.wards_live},
                            {"wards_in_plan", r.wards_in_plan}, {"units_live", r.units_live}, {"units_partial", r.units_partial}, {"findings", findings_json(r.findings)}};
        if (r.officers) item["officers"] = *r.officers, item["pcsos"] = *r.pcsos;
        if (r.establishment) item["establishment"] = *r.establishment;
        out.push_back(std::move(item));
    }
    return out;
}

void print_phases(std::ostream& out, const std::vector<geo::PhaseResult>& results) {
    fmt::print(out, "  {:<28} {:<10} {:>5} {:>5} {:>5} {:>5} {:>9}  live command units\n", "phase", "start", "new", "live", "units", "part", "officers");
    for (const auto& r : results) {
        std::string live;
        for (const auto& code : r.units_live) live += (live.empty() ? "" : " ") + code;
        fmt::print(out, "  {:<28} {:<10} {:>5} {:>5} {:>5} {:>5} {:>9}  {}\n", r.phase.name, r.phase.start.iso(), r.wards_new, r.wards_live,
                   r.units_live.size(), r.units_partial.size(), r.officers ? fmt::format("{}", *r.officers) : "-", live);
    }
    if (!results.empty() && results.back().establishment && results.back().officers) {
        const int gap = *results.back().establishment - *results.back().officers;
        fmt::print(out, "at the end: {} officers needed against an establishment of {} ({} {})\n", *results.back().officers,
                   *results.back().establishment, std::abs(gap), gap >= 0 ? "to spare" : "short");
    }
    for (const auto& r : results)
        for (std::size_t i = 0; i < r.findings.size(); ++i) {
            if (i == 10) {
                fmt::print(out, "{:<9} {}: {} more finding(s); --json lists all\n", "finding", r.phase.name, r.findings.size() - 10);
                break;
            }
            fmt::print(out, "{:<9} {}: {}\n", geo::to_string(r.findings[i].kind), r.phase.name, r.findings[i].message);
        }
}

void run(const RolloutCommand& o, const CommonOptions& common) {
    ProgressBar progress(common.quiet);
    const geo::WardSet set = load_sources(o.source, progress.callback());
    const geo::AppliedPlan applied = apply_plan_options(set, o.plan, geo::writes_parents(o.output), progress.callback());
    const geo::Adjacency adjacency = geo::ward_adjacency(set);
    // Read once, only when something needs them: bad rules must not stop a rollout that has no use for them.
    std::optional<geo::OfficerRules> rules;
    if (o.officers || o.generator.needs_priority_table()) rules = geo::read_rules_for(o.measures, o.plan.plan);
    std::optional<geo::OfficerFigures> officers;
    if (o.officers)
        officers = geo::allocate_plan(set, applied.grouping, *rules, geo::read_measure_tables(o.measures, &*rules, rules->measures_used()));
    geo::RolloutFigures made = geo::roll_out_plan(set, applied.grouping, o.generator,
                                                  geo::read_priority_tables(o.generator, o.measures, rules ? &*rules : nullptr), adjacency,
                                                  officers ? &officers->allocation : nullptr);
    const geo::Rollout& rollout = made.made.rollout;
    std::vector<geo::JoinResult>& joins = made.made.joins;
    const std::vector<std::string>& notes = made.made.notes;
    const auto& results = made.phases;
    geo::LayerExtras extras = geo::rollout_columns(set, applied.grouping, rollout);
    if (officers) {
        joins.insert(joins.end(), officers->joins.begin(), officers->joins.end());
        const geo::LayerExtras columns = geo::allocation_columns(set, officers->allocation);
        extras.units.append(columns.units);
        extras.command_units.append(columns.command_units);
    }
    const geo::WrittenOutput written = geo::write_plan(set, applied, styled_output(o.output, set, applied), progress.callback(), extras);
    const std::optional<geo::WrittenOutput> table = o.table.empty() ? std::nullopt : std::optional(write_table(geo::phase_table(results), set.working_crs, o.table, o.output.overwrite));
    if (common.json) {
        nlohmann::json out{{"phases", phases_json(results)}, {"notes", notes}, {"joins", joins_json(set, joins)},
                           {"hygiene", hygiene_json(plan_hygiene(set, applied))}, {"output", written_json(written)}};
        note_renamed(written);
        if (table) out["table"] = written_json(*table);
        print_json(out);
        return;
    }
    fmt::print(common.report(), "{} units from {} file(s); {} wards in the plan\n", set.units.size(), set.sources.size(),
               results.empty() ? 0 : results.front().wards_in_plan);
    print_hygiene(common.report(), plan_hygiene(set, applied), 5);
    print_joins(common.report(), set, joins);
    print_phases(common.report(), results);
    for (const std::string& note : notes) fmt::print(common.report(), "note      {}\n", note);
    print_written(common.report(), written);
    if (table) print_written(common.report(), *table);
}

}  // namespace

void add_rollout(CLI::App& app, const CommonOptions& common, int& result) {
    auto options = std::make_shared<RolloutCommand>();
    CLI::App* command = app.add_subcommand("rollout", "Rollout phases: which wards or command units go live when, and what each phase needs");
    add_source_options(*command, options->source);
    add_plan_options(*command, options->plan, false);
    add_output_options(*command, options->output, false);
    add_generator_options(*command, options->generator);
    command->add_flag("--officers", options->officers, "Officers needed per phase, from the rules (--rules) and their tables");
    add_measure_options(*command, options->measures);
    command->add_option("--table", options->table, "Also write one row per phase to this CSV");
    command->callback([options, &common, &result] {
        run(*options, common);
        result = 0;
    });
}

}  // namespace cli
