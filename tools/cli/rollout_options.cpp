#include "cli/rollout_options.h"

#include "geo/core/errors.h"
#include "geo/rollout/generators.h"
#include "geo/rollout/priority.h"

#include <fmt/format.h>

#include <algorithm>

namespace cli {
namespace {

geo::Date date_option(const std::string& text) {
    const auto date = geo::parse_date(text);
    if (!date) throw geo::InputError("", "--start " + text, "not a date", "Dates are YYYY-MM-DD, e.g. 2004-04-01.");
    return *date;
}

// The ward order a count-based rollout fills its phases in.
geo::WardOrder ward_order(const geo::UnitSet& set, const geo::Grouping& grouping, const RolloutOptions& o,
                          const std::vector<geo::MeasureTable>& priority_tables, const geo::Adjacency& adjacency,
                          std::vector<geo::JoinResult>& joins) {
    geo::Priority priority;
    if (o.priority == "demand" || o.priority == "access") {
        priority.kind = o.priority == "demand" ? geo::PriorityKind::highest : geo::PriorityKind::lowest;
        JoinedMeasures joined = geo::join_measure_tables(set, grouping, priority_tables);
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

geo::Rollout generate(const geo::UnitSet& set, const geo::Grouping& grouping, const RolloutOptions& o,
                      const std::vector<geo::MeasureTable>& priority_tables,
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
    const geo::WardOrder order = ward_order(set, grouping, o, priority_tables, adjacency, joins);
    notes = order.notes;
    return geo::by_counts(set, order.units, counts, o.remainder == "own" ? geo::Remainder::own_phase : geo::Remainder::last_phase);
}

}  // namespace

void add_generator_options(CLI::App& command, RolloutOptions& o) {
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
}

std::string describe(const RolloutOptions& o) {
    std::string what = o.step_change       ? fmt::format("Step Change option {}", o.step_change)
                       : o.per_year        ? fmt::format("{} wards a year from {}", o.per_year, o.start)
                       : !o.counts.empty() ? fmt::format("{} yearly phases from {}", o.counts.size(), o.start)
                       : o.plan_phases     ? std::string("the plan's phase column")
                                           : fmt::format("SLP tranches ({})", o.tranches.empty() ? "bundled 2017-2019" : o.tranches);
    if (o.step_change || o.per_year || !o.counts.empty()) what += ", priority " + o.priority;
    if (!o.moves.empty()) what += fmt::format(", {} hand move(s)", o.moves.size());
    return what;
}

bool needs_priority_table(const RolloutOptions& o) {
    const bool by_counts = o.step_change || o.per_year || !o.counts.empty();
    return by_counts && (o.priority == "demand" || o.priority == "access");
}

bool bundled_tranches(const RolloutOptions& o) {
    return !o.step_change && !o.per_year && o.counts.empty() && !o.plan_phases && o.tranches.empty();
}

std::vector<geo::MeasureTable> read_priority_tables(const RolloutOptions& o, const MeasureOptions& measures, const geo::OfficerRules* rules) {
    if (!needs_priority_table(o)) return {};
    return read_measure_tables(measures, rules, {o.priority == "demand" ? "crime" : "access"});
}

MadeRollout make_rollout(const geo::UnitSet& set, const geo::Grouping& grouping, const RolloutOptions& o,
                         const std::vector<geo::MeasureTable>& priority_tables, const geo::Adjacency& adjacency) {
    MadeRollout made;
    made.rollout = generate(set, grouping, o, priority_tables, adjacency, made.joins, made.notes);
    for (const std::string& move : o.moves) {
        const auto equals = move.find('=');
        if (equals == std::string::npos) throw geo::InputError("", "--move " + move, "expected CODE=PHASE", "e.g. --move E05000026=2005/06");
        geo::move_to_phase(made.rollout, set, grouping, move.substr(0, equals), move.substr(equals + 1));
    }
    made.notes.insert(made.notes.end(), made.rollout.notes.begin(), made.rollout.notes.end());
    return made;
}

}  // namespace cli
