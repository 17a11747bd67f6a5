#pragma once
// The editable heart of a plan: its command units and which one each ward is in. Plain data: the
// planner window, the plan file and the tests all speak it.
#include "geo/plan/plan.h"
#include "geo/plan/resolve.h"
#include "geo/source/ward.h"

#include <string>
#include <vector>

namespace geo {

inline constexpr int unassigned = -1;  // no command unit yet: a finding
inline constexpr int left_out = -2;    // kept out of the plan on purpose (the City of London)

struct Assignment {
    std::vector<CommandUnit> units;
    std::vector<int> unit_of;  // per ward (index into WardSet::units): index into `units`, unassigned or left_out

    int find(const std::string& code) const;  // index of a command unit, or -1
    std::size_t wards_in(int unit) const;
};

// A resolved CSV plan as an assignment (unit rows and parent rows already applied).
Assignment assignment_from(const WardSet& wards, const Plan& plan, const PlanResolution& resolution);

// The grouping the dissolve and validation code take.
Grouping grouping_of(const Assignment& assignment);

}  // namespace geo
