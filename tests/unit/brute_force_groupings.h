#pragma once
// Counting groupings the slow way, to check geo::GroupingSpace: every set partition of a small
// graph's nodes (restricted growth strings), kept when it meets the limits.
#include "geo/candidates/groupings.h"

#include <algorithm>
#include <bit>
#include <functional>
#include <vector>

namespace wardmap_test {

inline std::uint64_t brute_force(const std::vector<geo::NodeSet>& neighbours, geo::GroupLimits limits,
                                 const std::function<bool(geo::NodeSet)>& allowed = {}) {
    using geo::NodeSet;
    const auto connected = [&](NodeSet set) { return geo::connected_parts(set, neighbours).size() == 1; };

    const int n = static_cast<int>(neighbours.size());
    std::vector<int> block(static_cast<std::size_t>(n), 0);
    std::uint64_t valid = 0;
    std::function<void(int, int)> place = [&](int node, int blocks) {
        if (node == n) {
            if (blocks != limits.groups) return;
            std::vector<NodeSet> sets(static_cast<std::size_t>(blocks), 0);
            for (int i = 0; i < n; ++i) sets[static_cast<std::size_t>(block[static_cast<std::size_t>(i)])] |= NodeSet{1} << i;
            for (NodeSet s : sets) {
                const int size = std::popcount(s);
                if (size < limits.min_nodes || size > limits.max_nodes || !connected(s) || (allowed && !allowed(s))) return;
            }
            ++valid;
            return;
        }
        for (int b = 0; b <= blocks && b < limits.groups; ++b) {
            block[static_cast<std::size_t>(node)] = b;
            place(node + 1, std::max(blocks, b + 1));
        }
    };
    place(0, 0);
    return valid;
}

}  // namespace wardmap_test
