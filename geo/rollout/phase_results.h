#pragma once
// What each phase of a rollout means: wards and command units live so far, officers needed against
// the establishment, and findings (a command unit half live when it should go live whole, a ward
// left behind with every neighbour live).
#include "geo/dissolve/grouping.h"
#include "geo/officers/allocation.h"
#include "geo/rollout/adjacency.h"
#include "geo/rollout/phase.h"
#include "geo/validate/finding.h"

#include <optional>
#include <string>
#include <vector>

namespace geo {

struct PhaseResult {
    Phase phase;
    std::size_t wards_new = 0, wards_live = 0, wards_in_plan = 0;  // live: cumulative
    std::vector<std::string> units_live;     // every ward live
    std::vector<std::string> units_partial;  // some wards live
    // With an allocation: the posts of live wards, plus leadership and pools of every command unit
    // with a live ward (they are needed from the first live ward on).
    std::optional<int> officers, pcsos, establishment;
    std::vector<Finding> findings;  // half_live, gap
};

// Live at the end of each phase, in phase order.
std::vector<PhaseResult> phase_results(const WardSet& set, const Grouping& grouping, const Rollout& rollout,
                                       const Adjacency& adjacency, const Allocation* allocation = nullptr);

// Per unit: live on `date` (its phase has started). For the planner's timeline.
std::vector<bool> live_on(const Rollout& rollout, Date date);

}  // namespace geo
