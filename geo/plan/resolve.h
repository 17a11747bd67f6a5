#pragma once
// A plan against the units it is applied to: each unit's command unit, and what did not fit
// (rows that match nothing, units that no row covers, units the plan leaves out on purpose).
#include "geo/dissolve/grouping.h"
#include "geo/plan/plan.h"
#include "geo/source/ward.h"

#include <string>
#include <vector>

namespace geo {

struct PlanResolution {
    Grouping grouping;                       // groups parallel to Plan::units
    std::vector<PlanRow> unknown_rows;       // keys matching no unit code or parent code
    std::vector<std::size_t> unassigned;     // units no row covers
    std::vector<std::size_t> left_out;       // units the plan leaves out on purpose
    std::size_t by_unit_row = 0, by_parent_row = 0;
    std::map<std::string, std::string> code_changes_used;  // old -> new, applied to parents
};

// Ward rows win over parent rows, so single wards can be moved out of their borough's unit.
PlanResolution resolve_plan(const WardSet& set, const Plan& plan, const CodeChanges& changes = {});

}  // namespace geo
