#pragma once
// Two planners' edits of one plan made one: a three-way merge of the ward assignments against the
// version both started from. A ward moved by one side only takes that move; moved by both to the
// same command unit, that unit; moved by both to different units, it is a conflict and nothing is
// merged. Pure: plan files in, a plan file and the conflicts out.
#include "geo/planner/plan_file.h"

#include <string>
#include <vector>

namespace geo::store {

struct PlanMerge {
    PlanFile merged;                     // theirs, with my moves and my new command units
    std::vector<std::string> conflicts;  // "E05000026 moved by both (from EA to CN and to NE)", by ward
};

PlanMerge merge_plans(const PlanFile& base, const PlanFile& theirs, const PlanFile& mine);

}  // namespace geo::store
