#pragma once
// How a rollout is made: a generator (the SLP tranches, a Step Change option, counts a year, the
// plan's own phase column), the priority wards go in by, and hand moves. `wardmap rollout` makes it
// once; the planner remakes it after every edit of the plan from the same recipe.
#include "geo/officers/inputs.h"
#include "geo/rollout/adjacency.h"
#include "geo/rollout/phase.h"

#include <string>
#include <vector>

namespace geo {

struct RolloutRecipe {
    int step_change = 0, per_year = 0;
    std::vector<int> counts;
    std::string tranches, start = "2004-04-01", remainder = "last", priority = "plan";
    std::vector<std::string> boroughs, seeds, moves;
    bool plan_phases = false;

    // True when a demand (crime) or access priority orders the wards: it needs a ward table.
    bool needs_priority_table() const;
    // Nothing chose a generator: the bundled SLP tranches.
    bool bundled_tranches() const;
};

// "SLP tranches (bundled 2017-2019)", "Step Change option 2, priority demand", ...: for the panels.
std::string describe(const RolloutRecipe& recipe);

// The table a demand or access priority orders wards by, read once (the planner remakes the rollout
// on every edit): the file the planner named, else the one the officer rules name. Empty for the
// other priorities and generators. Throws InputError.
std::vector<MeasureTable> read_priority_tables(const RolloutRecipe& recipe, const MeasureChoice& measures, const OfficerRules* rules);

struct MadeRollout {
    Rollout rollout;
    std::vector<std::string> notes;  // the ward order's, then the rollout's (remainder, hand moves)
    std::vector<JoinResult> joins;   // the table a demand or access priority read
};

// Throws InputError for a bad date, tranche, move or priority table.
MadeRollout make_rollout(const WardSet& wards, const Grouping& grouping, const RolloutRecipe& recipe,
                         const std::vector<MeasureTable>& priority_tables, const Adjacency& adjacency);

}  // namespace geo
