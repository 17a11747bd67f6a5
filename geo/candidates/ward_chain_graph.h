#pragma once
// The graph the ward chain walks: each keep-whole group contracted into one node, every other
// free ward a node of its own; wards left out or in a locked unit are not in it (they never move).
// Flat arrays, built once and shared read-only by every chain.
#include "geo/candidates/spanning_tree.h"
#include "geo/candidates/ward_chain.h"

#include <cstdint>
#include <string>
#include <vector>

namespace geo {

struct ChainGraph {
    std::size_t units = 0;
    std::size_t measures = 0;
    std::vector<std::int32_t> start_unit;    // per node
    std::vector<std::int32_t> locked_to;     // per node: the unit it must stay in, or -1
    std::vector<std::uint32_t> wards;        // per node: how many wards it stands for
    std::vector<double> weight;              // per node × measure (node * measures + m)
    std::vector<double> mean, low, high;     // per measure: the limits every unit must meet
    std::vector<double> tolerance;           // per measure
    CompactGraph adjacency;                  // between nodes, each neighbour once, both ways
    std::vector<std::uint32_t> edge_ends;    // every edge once: ends 2e and 2e + 1
    std::vector<std::int32_t> node_of_ward;  // per ward: its node, or -1 (fixed: left out or locked unit)

    std::size_t size() const { return start_unit.size(); }
};

// Mean and limits of each measure over the wards in the plan (start >= 0).
void balance_limits(const WardChainInput& input, std::vector<double>& mean, std::vector<double>& low,
                    std::vector<double>& high);

// Which ward group each ward is in (-1: none). Throws std::invalid_argument for a ward index out
// of range; a ward in two groups keeps the first (ward_chain_problems reports it).
std::vector<std::int32_t> group_of_wards(const WardChainInput& input);

// "Central West", or "command unit 3" when the input names no units: for messages.
std::string unit_label(const WardChainInput& input, std::size_t unit);

// Whether a ward takes part in the chain: in the plan and not in a locked unit.
bool ward_is_free(const WardChainInput& input, std::size_t ward);

ChainGraph contract_wards(const WardChainInput& input);

// A plan of the graph's nodes back to wards: fixed wards keep their start value.
void expand_plan(const ChainGraph& graph, const std::vector<int>& start, const std::vector<std::int32_t>& unit_of_node,
                 std::vector<int>& unit_of_ward);

}  // namespace geo
