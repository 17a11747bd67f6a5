#pragma once
// Which wards share a stretch of boundary (not just a corner): for growing a rollout outward from
// the pathfinders and for spotting a ward left out among live neighbours.
#include "geo/source/ward.h"

#include <vector>

namespace geo {

struct Adjacency {
    std::vector<std::vector<std::size_t>> neighbours;  // per unit, ascending
};

Adjacency ward_adjacency(const WardSet& set);

// Which command units share a stretch of boundary, from the wards': per unit (0 .. `units` - 1),
// ascending. `unit_of` gives each ward's unit (negative: in none).
std::vector<std::vector<std::size_t>> command_unit_neighbours(const Adjacency& wards, const std::vector<int>& unit_of,
                                                             std::size_t units);

}  // namespace geo
