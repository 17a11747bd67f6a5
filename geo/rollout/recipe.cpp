#include "geo/rollout/recipe.h"

#include "geo/core/bundled.h"
#include "geo/core/errors.h"
#include "geo/rollout/generators.h"
#include "geo/rollout/priority.h"

#include <fmt/format.h>

#include <algorithm>

namespace geo {
namespace {

Date date_option(const std::string& text) {
    const auto date = parse_date(text);
    if (!date) throw InputError("", "--start " + text, "not a date", "Dates are YYYY-MM-DD, e.g. 2004-04-01.");
    return *date;
}

// The ward order a count-based rollout fills its phases in.
WardOrder ward_order(const WardSet& set, const Grouping& grouping, const RolloutRecipe& o, const std::vector<MeasureTable>& priority_tables,
                     const Adjacency& adjacency, std::vector<JoinResult>& joins) {
    Priority priority;
    if (o.priority == "demand" || o.priority == "access") {
        priority.kind = o.priority == "demand" ? PriorityKind::highest : PriorityKind::lowest;
        JoinedMeasures joined = join_measure_tables(set, grouping, priority_tables);
        priority.values = joined.measures[0].of_unit;
        joins.insert(joins.end(), joined.joins.begin(), joined.joins.end());
    } else if (o.priority == "boroughs") {
        priority.kind = PriorityKind::borough_order;
        priority.boroughs = o.boroughs;
    } else if (o.priority == "outward") {
        priority.kind = PriorityKind::outward;
        priority.seeds = o.seeds;
        priority.adjacency = &adjacency;
    }
    return priority_order(set, grouping, priority);
}

Rollout generate(const WardSet& set, const Grouping& grouping, const RolloutRecipe& o, const std::vector<MeasureTable>& priority_tables,
                 const Adjacency& adjacency, std::vector<JoinResult>& joins, std::vector<std::string>& notes) {
    std::vector<PhaseCount> counts;
    const auto in_plan = static_cast<int>(std::count_if(grouping.group_of_unit.begin(), grouping.group_of_unit.end(), [](int g) { return g >= 0; }));
    if (o.step_change) counts = step_change_option(o.step_change);
    else if (o.per_year) counts = level_growth(o.per_year, in_plan, date_option(o.start));
    else if (!o.counts.empty()) {
        Date start = date_option(o.start);
        for (int count : o.counts) {
            counts.push_back({{fmt::format("{}/{:02}", start.year, (start.year + 1) % 100), start}, count});
            ++start.year;
        }
    }
    if (counts.empty() && o.plan_phases) return from_unit_phases(set, grouping);
    if (counts.empty()) {
        const auto tranches = read_tranches(o.tranches.empty() ? bundled("datasets/rollout/slp-2017-2019.csv") : o.tranches);
        return by_command_unit(set, grouping, tranches);
    }
    const WardOrder order = ward_order(set, grouping, o, priority_tables, adjacency, joins);
    notes = order.notes;
    return by_counts(set, order.units, counts, o.remainder == "own" ? Remainder::own_phase : Remainder::last_phase);
}

}  // namespace

bool RolloutRecipe::needs_priority_table() const {
    const bool by_counts = step_change || per_year || !counts.empty();
    return by_counts && (priority == "demand" || priority == "access");
}

bool RolloutRecipe::bundled_tranches() const {
    return !step_change && !per_year && counts.empty() && !plan_phases && tranches.empty();
}

std::string describe(const RolloutRecipe& o) {
    std::string what = o.step_change       ? fmt::format("Step Change option {}", o.step_change)
                       : o.per_year        ? fmt::format("{} wards a year from {}", o.per_year, o.start)
                       : !o.counts.empty() ? fmt::format("{} yearly phases from {}", o.counts.size(), o.start)
                       : o.plan_phases     ? std::string("the plan's phase column")
                                           : fmt::format("SLP tranches ({})", o.tranches.empty() ? "bundled 2017-2019" : o.tranches);
    if (o.step_change || o.per_year || !o.counts.empty()) what += ", priority " + o.priority;
    if (!o.moves.empty()) what += fmt::format(", {} hand move(s)", o.moves.size());
    return what;
}

std::vector<MeasureTable> read_priority_tables(const RolloutRecipe& o, const MeasureChoice& measures, const OfficerRules* rules) {
    if (!o.needs_priority_table()) return {};
    return read_measure_tables(measures, rules, {o.priority == "demand" ? "crime" : "access"});
}

MadeRollout make_rollout(const WardSet& set, const Grouping& grouping, const RolloutRecipe& o, const std::vector<MeasureTable>& priority_tables,
                         const Adjacency& adjacency) {
    MadeRollout made;
    made.rollout = generate(set, grouping, o, priority_tables, adjacency, made.joins, made.notes);
    for (const std::string& move : o.moves) {
        const auto equals = move.find('=');
        if (equals == std::string::npos) throw InputError("", "--move " + move, "expected CODE=PHASE", "e.g. --move E05000026=2005/06");
        move_to_phase(made.rollout, set, grouping, move.substr(0, equals), move.substr(equals + 1));
    }
    made.notes.insert(made.notes.end(), made.rollout.notes.begin(), made.rollout.notes.end());
    return made;
}

}  // namespace geo
