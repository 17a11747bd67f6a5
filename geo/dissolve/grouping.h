#pragma once
// Which group (borough, command unit, district) each unit goes into.
#include "geo/source/ward.h"

#include <string>
#include <vector>

namespace geo {

struct GroupInfo {
    std::string code, name, colour, phase;
};

struct Grouping {
    std::vector<GroupInfo> groups;
    std::vector<int> group_of_unit;  // index into groups, or -1 when the unit is in none
};

// Units grouped by their parent code (ward -> borough), named by the parent name.
Grouping group_by_parent(const WardSet& set);

// Units grouped by the text of any field. Throws InputError listing the fields if it is unknown.
Grouping group_by_field(const WardSet& set, const std::string& field);

}  // namespace geo
