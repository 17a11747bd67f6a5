#include "geo/planner/assignment.h"

#include <algorithm>

namespace geo {

int Assignment::find(const std::string& code) const {
    for (std::size_t i = 0; i < units.size(); ++i)
        if (units[i].code == code) return static_cast<int>(i);
    return -1;
}

std::size_t Assignment::wards_in(int unit) const {
    return static_cast<std::size_t>(std::count(unit_of.begin(), unit_of.end(), unit));
}

Assignment assignment_from(const WardSet& wards, const Plan& plan, const PlanResolution& resolution) {
    Assignment assignment;
    assignment.units = plan.units;
    assignment.unit_of = resolution.grouping.group_of_unit;
    assignment.unit_of.resize(wards.units.size(), unassigned);
    for (std::size_t ward : resolution.left_out) assignment.unit_of[ward] = left_out;
    return assignment;
}

Grouping grouping_of(const Assignment& assignment) {
    Grouping grouping;
    for (const CommandUnit& unit : assignment.units)
        grouping.groups.push_back({unit.code, unit.name, unit.colour, unit.phase});
    grouping.group_of_unit.reserve(assignment.unit_of.size());
    for (int unit : assignment.unit_of) grouping.group_of_unit.push_back(unit >= 0 ? unit : -1);
    return grouping;
}

}  // namespace geo
