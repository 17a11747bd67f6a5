#pragma once
// How a rollout is made, shared by `wardmap rollout` and `wardmap view` (whose timeline remakes it
// on every edit of the plan): a generator (SLP tranches, Step Change option, counts, the plan's own
// phase column), the priority wards go in, and hand moves.
#include "cli/officer_options.h"
#include "geo/rollout/adjacency.h"
#include "geo/rollout/phase.h"

#include <string>
#include <vector>

namespace cli {

struct RolloutOptions {
    int step_change = 0, per_year = 0;
    std::vector<int> counts;
    std::string tranches, start = "2004-04-01", remainder = "last", priority = "plan";
    std::vector<std::string> boroughs, seeds, moves;
    bool plan_phases = false;
};

void add_generator_options(CLI::App& command, RolloutOptions& options);
// "SLP tranches (slp-2017-2019.csv)", "Step Change option 2", ...: for the planner's panel.
std::string describe(const RolloutOptions& options);

struct MadeRollout {
    geo::Rollout rollout;
    std::vector<std::string> notes;       // the ward order's, then the rollout's (remainder, hand moves)
    std::vector<geo::JoinResult> joins;   // the table a demand or access priority read
};

// True when a demand (crime) or access priority needs a ward table.
bool needs_priority_table(const RolloutOptions& options);
// Nothing chose a generator: the bundled SLP tranches.
bool bundled_tranches(const RolloutOptions& options);

// The table a demand (crime) or access priority orders wards by, read once: the planner remakes
// the rollout on every edit. The file given on the command line, else the one the officer rules
// name (null: none). Empty for the other priorities and generators.
std::vector<geo::MeasureTable> read_priority_tables(const RolloutOptions& options, const MeasureOptions& measures,
                                                   const geo::OfficerRules* rules);

// Throws InputError for a bad date, tranche, move or priority table.
MadeRollout make_rollout(const geo::UnitSet& set, const geo::Grouping& grouping, const RolloutOptions& options,
                         const std::vector<geo::MeasureTable>& priority_tables, const geo::Adjacency& adjacency);

}  // namespace cli
