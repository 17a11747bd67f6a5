#pragma once
// Every way of grouping a small graph's nodes (London's 32 boroughs) into k connected groups of a
// bounded size: counted exactly, listed, or drawn uniformly at random from the counted set.
//
// The groupings are built canonically (the group holding the lowest node not yet grouped is chosen
// next), so each is made once. What makes it fast is a memo of how many ways the nodes still to be
// grouped can be finished with g groups: the count is read off it, the listing never enters a branch
// the memo knows to be empty, and a uniform draw picks each group with probability proportional to
// the ways that remain after it (the idea of frontier-based counting, as redist's `enumpart`, on a
// graph small enough for one bitmask).
#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

namespace geo {

using NodeSet = std::uint64_t;  // bit i: node i

struct GroupLimits {
    int groups = 12;
    int min_nodes = 2, max_nodes = 4;
};

class GroupingSpace {
public:
    // neighbours[i]: the nodes next to node i. At most 64 nodes. `allowed(set)` says whether a
    // connected set of nodes of an allowed size may be a group (balance limits); it is asked once per set.
    GroupingSpace(std::vector<NodeSet> neighbours, GroupLimits limits, std::function<bool(NodeSet)> allowed);

    std::size_t nodes() const { return neighbours_.size(); }
    const GroupLimits& limits() const { return limits_; }
    // How many groupings there are (saturates at UINT64_MAX, then `count_saturated()`).
    std::uint64_t count();
    bool count_saturated() const { return saturated_; }
    // Every connected node set that may be a group (allowed and of an allowed size).
    const std::vector<NodeSet>& candidate_groups() const { return candidates_; }
    // Distinct sets of nodes left that the count passed through (its memo's size).
    std::size_t states() const;

    // Calls visit(groups) for each grouping, groups in canonical order; stops when visit returns false.
    void for_each(const std::function<bool(const std::vector<NodeSet>&)>& visit);
    // One grouping drawn uniformly from all of them (count() must be > 0).
    std::vector<NodeSet> draw(std::mt19937_64& random);

private:
    std::uint64_t ways(NodeSet left, int groups);
    // The groups that may hold the lowest node of `left` and lie inside it.
    template <typename F>
    void for_each_group_of(NodeSet left, F&& f) const;
    bool could_finish(NodeSet left, int groups) const;
    void collect_groups(NodeSet group, NodeSet next_to_group, NodeSet extension, NodeSet above_root, int size);
    bool walk(NodeSet left, int groups, std::vector<NodeSet>& chosen,
              const std::function<bool(const std::vector<NodeSet>&)>& visit);

    NodeSet to_caller(NodeSet inside) const;  // from the search's node order to the caller's

    std::vector<NodeSet> neighbours_;           // in the search's order (see the constructor)
    std::vector<int> caller_node_;              // search node -> the caller's node
    GroupLimits limits_;
    std::function<bool(NodeSet)> allowed_;
    std::vector<std::vector<NodeSet>> groups_of_node_;  // per node: allowed groups whose lowest node it is
    std::vector<std::unordered_map<NodeSet, std::uint64_t>> memo_;  // per groups left: nodes left -> ways
    std::vector<NodeSet> candidates_;
    bool saturated_ = false;
};

// The connected parts of `nodes` (as node sets), by the neighbour masks.
std::vector<NodeSet> connected_parts(NodeSet nodes, const std::vector<NodeSet>& neighbours);

}  // namespace geo
