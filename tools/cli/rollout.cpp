// `wardmap rollout`: which wards or command units go live when. Generators for the real options
// (Step Change 2003, SLP 2017-2019), a priority for which wards go first, hand edits, and per phase
// what is live, the officers needed and the findings.
#include "cli/officer_options.h"
#include "cli/progress_bar.h"
#include "cli/subcommands.h"
#include "cli/summary.h"
#include "cli/write_outputs.h"

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
    int step_change = 0, per_year = 0;
    std::vector<int> counts;
    std::string tranches, start = "2004-04-01", remainder = "last", priority = "plan", table;
    std::vector<std::string> boroughs, seeds, moves;
    bool officers = false, plan_phases = false;
};

geo::Date date_option(const std::string& text) {
    const auto date = geo::parse_date(text);
    if (!date) throw geo::InputError("", "--start " + text, "not a date", "Dates are YYYY-MM-DD, e.g. 2004-04-01.");
    return *date;
}

// The ward order a count-based rollout fills its phases in.
geo::WardOrder ward_order(const geo::UnitSet& set, const geo::Grouping& grouping, const RolloutCommand& o,
                          const geo::Adjacency& adjacency, std::vector<geo::JoinResult>& joins) {
    geo::Priority priority;
    if (o.priority == "demand" || o.priority == "access") {
        priority.kind = o.priority == "demand" ? geo::PriorityKind::highest : geo::PriorityKind::lowest;
        JoinedMeasures joined = join_measures(set, grouping, o.measures, nullptr, {o.priority == "demand" ? "crime" : "access"});
        priority.values = joined.measures[0].of_unit;
        joins.insert(joins.end(), joined.joins.begin(), joined.joins.end());
    } else if (o.priority == "boroughs") {
        priority.kind = geo::PriorityKind::borough_order;
        priority.boroughs = o.boroughs;
    } else if (o.priority == "outward") {
        priority.kind = geo::PriorityKind::outward;
        priority.seeds = o.seeds;
        priority.adjacency = &adjacency;
    }
    return geo::priority_order(set, grouping, priority);
}

geo::Rollout make_rollout(const geo::UnitSet& set, const geo::Grouping& grouping, const RolloutCommand& o,
                          const geo::Adjacency& adjacency, std::vector<geo::JoinResult>& joins, std::vector<std::string>& notes) {
    std::vector<geo::PhaseCount> counts;
    const auto in_plan = static_cast<int>(std::count_if(grouping.group_of_unit.begin(), grouping.group_of_unit.end(), [](int g) { return g >= 0; }));
    if (o.step_change) counts = geo::step_change_option(o.step_change);
    else if (o.per_year) counts = geo::level_growth(o.per_year, in_plan, date_option(o.start));
    else if (!o.counts.empty()) {
        geo::Date start = date_option(o.start);
        for (int count : o.counts) {
            counts.push_back({{fmt::format("{}/{:02}", start.year, (start.year + 1) % 100), start}, count});
            ++start.year;
        }
    }
    if (counts.empty() && o.plan_phases) return geo::from_unit_phases(set, grouping);
    if (counts.empty()) {
        const auto tranches = geo::read_tranches(o.tranches.empty() ? bundled("datasets/rollout/slp-2017-2019.csv") : o.tranches);
        return geo::by_command_unit(set, grouping, tranches);
    }
    const geo::WardOrder order = ward_order(set, grouping, o, adjacency, joins);
    notes = order.notes;
    return geo::by_counts(set, order.units, counts, o.remainder == "own" ? geo::Remainder::own_phase : geo::Remainder::last_phase);
}

nlohmann::json phases_json(const std::vector<geo::PhaseResult>& results) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : results) {
        nlohmann::json findings = nlohmann::json::array();
        for (const auto& f : r.findings) findings.push_back({{"kind", f.kind}, {"subject", f.subject}, {"message", f.message}});
        nlohmann::json item{{"phase", r.phase.name}, {"start", r.phase.start.iso()}, {"wards_new", r.wards_new}, {"wards_live", r.wards_live},
                            {"wards_in_plan", r.wards_in_plan}, {"units_live", r.units_live}, {"units_partial", r.units_partial}, {"findings", findings}};
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
            fmt::print(out, "{:<9} {}: {}\n", r.findings[i].kind, r.phase.name, r.findings[i].message);
        }
}

void run(const RolloutCommand& o, const CommonOptions& common) {
    ProgressBar progress(common.quiet);
    const geo::UnitSet set = load_sources(o.source, progress.callback());
    const geo::AppliedPlan applied = apply_plan_options(set, o.plan, writes_parents(o.output), progress.callback());
    const geo::Adjacency adjacency = geo::ward_adjacency(set);
    std::vector<geo::JoinResult> joins;
    std::vector<std::string> notes;
    geo::Rollout rollout = make_rollout(set, applied.grouping, o, adjacency, joins, notes);
    for (const std::string& move : o.moves) {
        const auto equals = move.find('=');
        if (equals == std::string::npos) throw geo::InputError("", "--move " + move, "expected CODE=PHASE", "e.g. --move E05000026=2005/06");
        geo::move_to_phase(rollout, set, applied.grouping, move.substr(0, equals), move.substr(equals + 1));
    }
    notes.insert(notes.end(), rollout.notes.begin(), rollout.notes.end());
    std::optional<geo::Allocation> allocation;
    geo::LayerExtras extras = geo::rollout_columns(set, applied.grouping, rollout);
    if (o.officers) {
        const geo::OfficerRules rules = read_rules_option(o.measures);
        JoinedMeasures joined = join_measures(set, applied.grouping, o.measures, &rules, rules.measures_used());
        joins.insert(joins.end(), joined.joins.begin(), joined.joins.end());
        allocation = geo::allocate(set, applied.grouping, rules, joined.measures);
        const geo::LayerExtras officers = geo::allocation_columns(set, *allocation);
        extras.units.append(officers.units);
        extras.command_units.append(officers.command_units);
    }
    const auto results = geo::phase_results(set, applied.grouping, rollout, adjacency, allocation ? &*allocation : nullptr);
    const std::string written = write_outputs(set, applied, o.output, progress.callback(), extras);
    const std::string table = o.table.empty() ? "" : write_table(geo::phase_table(results), set.working_crs, o.table, o.output.overwrite);
    if (common.json) {
        nlohmann::json out{{"phases", phases_json(results)}, {"notes", notes}, {"joins", joins_json(set, joins)}, {"output", written}};
        if (!table.empty()) out["table"] = table;
        std::cout << out.dump(2) << '\n';
        return;
    }
    fmt::print(std::cout, "{} units from {} file(s); {} wards in the plan\n", set.units.size(), set.sources.size(),
               results.empty() ? 0 : results.front().wards_in_plan);
    print_joins(std::cout, set, joins);
    print_phases(std::cout, results);
    for (const std::string& note : notes) fmt::print(std::cout, "note      {}\n", note);
    fmt::print(std::cout, "{}\n", written);
    if (!table.empty()) fmt::print(std::cout, "{}\n", table);
}

void add_generator_options(CLI::App& command, RolloutCommand& o) {
    auto* group = command.add_option_group("Rollout (default: the SLP tranches, BCU by BCU, pathfinders first)");
    auto* step = group->add_option("--step-change", o.step_change, "Step Change option 1-6 of 2003 (1: 208 wards a year; 2: 96,264,264; 3: 96,176,176,176; 6: 1 deferred a year)")
                     ->check(CLI::Range(1, 6));
    auto* per_year = group->add_option("--per-year", o.per_year, "So many wards a year from --start until all are live")->excludes(step);
    auto* counts = group->add_option("--counts", o.counts, "Wards per yearly phase from --start, e.g. 96,264,264")->delimiter(',')->excludes(step)->excludes(per_year);
    group->add_option("--tranches", o.tranches, "CSV unit_code,phase,start: whole command units per phase (default: bundled SLP 2017-2019)")
        ->excludes(step)->excludes(per_year)->excludes(counts);
    group->add_flag("--plan-phases", o.plan_phases, "Each command unit goes live whole on the date in the plan's phase column")
        ->excludes(step)->excludes(per_year)->excludes(counts);
    group->add_option("--start", o.start, "Start of the first yearly phase (default 2004-04-01)");
    group->add_option("--remainder", o.remainder, "Wards the counts leave over: into the last phase, or a phase of their own")
        ->check(CLI::IsMember({"last", "own"}));
    group->add_option("--priority", o.priority, "Which wards first: plan, demand (most crime, --crime), access (least, --access), boroughs (--boroughs), outward (--from)")
        ->check(CLI::IsMember({"plan", "demand", "access", "boroughs", "outward"}));
    group->add_option("--boroughs", o.boroughs, "Borough order, codes or names, for --priority boroughs")->delimiter(',');
    group->add_option("--from", o.seeds, "Command units, boroughs or wards to grow outward from, e.g. EA,CN")->delimiter(',');
    group->add_option("--move", o.moves, "Hand edit: CODE=PHASE moves a ward, a borough or a command unit (repeatable)");
    group->add_flag("--officers", o.officers, "Officers needed per phase, from the rules (--rules) and their tables");
}

}  // namespace

void add_rollout(CLI::App& app, const CommonOptions& common, int& result) {
    auto options = std::make_shared<RolloutCommand>();
    CLI::App* command = app.add_subcommand("rollout", "Rollout phases: which wards or command units go live when, and what each phase needs");
    add_source_options(*command, options->source);
    add_plan_options(*command, options->plan, false);
    add_output_options(*command, options->output, false);
    add_generator_options(*command, *options);
    add_measure_options(*command, options->measures);
    command->add_option("--table", options->table, "Also write one row per phase to this CSV");
    command->callback([options, &common, &result] {
        run(*options, common);
        result = 0;
    });
}

}  // namespace cli
