#pragma once
// Which wards go first: the order a count-based rollout fills its phases in.
#include "geo/dissolve/grouping.h"
#include "geo/rollout/adjacency.h"
#include "geo/source/ward.h"

#include <optional>
#include <string>
#include <vector>

namespace geo {

enum class PriorityKind {
    plan_order,     // command unit by command unit, wards by code within
    highest,        // highest value first (demand: recorded crime)
    lowest,         // lowest value first (access: PTAI)
    borough_order,  // boroughs in the order given (codes or names), wards by code within
    outward,        // from the seeds outward, neighbour by neighbour (shared boundaries)
};

struct Priority {
    PriorityKind kind = PriorityKind::plan_order;
    std::vector<std::optional<double>> values;  // highest/lowest: per unit; wards with none go last, named
    std::vector<std::string> boroughs;          // borough_order
    std::vector<std::string> seeds;             // outward: command unit, borough or ward codes
    const Adjacency* adjacency = nullptr;       // outward
};

struct WardOrder {
    std::vector<std::size_t> units;  // every unit in a group, first to go live first
    std::vector<std::string> notes;  // wards with no value, wards no neighbour reaches, ...
};

// Throws InputError for a borough or seed that matches nothing.
WardOrder priority_order(const WardSet& set, const Grouping& grouping, const Priority& priority);

}  // namespace geo
