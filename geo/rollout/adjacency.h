#pragma once
// Which wards share a stretch of boundary (not just a corner): for growing a rollout outward from
// the pathfinders and for spotting a ward left out among live neighbours.
#include "geo/source/unit.h"

#include <vector>

namespace geo {

struct Adjacency {
    std::vector<std::vector<std::size_t>> neighbours;  // per unit, ascending
};

Adjacency ward_adjacency(const UnitSet& set);

}  // namespace geo
