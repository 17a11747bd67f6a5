#include "geo/candidates/groupings.h"

#include "geo/core/errors.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <utility>

namespace geo {
namespace {

NodeSet bit(int node) { return NodeSet{1} << node; }
int lowest(NodeSet nodes) { return std::countr_zero(nodes); }
int size(NodeSet nodes) { return std::popcount(nodes); }

std::uint64_t add_saturating(std::uint64_t a, std::uint64_t b, bool& saturated) {
    if (a > std::numeric_limits<std::uint64_t>::max() - b) return saturated = true, std::numeric_limits<std::uint64_t>::max();
    return a + b;
}

}  // namespace

std::vector<NodeSet> connected_parts(NodeSet nodes, const std::vector<NodeSet>& neighbours) {
    std::vector<NodeSet> parts;
    while (nodes) {
        NodeSet part = bit(lowest(nodes)), frontier = part;
        while (frontier) {
            NodeSet next = 0;
            for (NodeSet f = frontier; f; f &= f - 1) next |= neighbours[static_cast<std::size_t>(lowest(f))];
            frontier = next & nodes & ~part;
            part |= frontier;
        }
        parts.push_back(part);
        nodes &= ~part;
    }
    return parts;
}

namespace {

// A breadth-first order (Cuthill–McKee: neighbours by fewest neighbours first) from the start
// that keeps the front narrowest: the nodes left to group then stay a band behind a moving front,
// and the sets of nodes left that the search meets are few. In the borough codes' order London's
// 32 boroughs took the count 31 s; from a poor start 2.6 s; from the best, a tenth of a second.
std::vector<int> breadth_first_from(int start, const std::vector<NodeSet>& neighbours) {
    const int n = static_cast<int>(neighbours.size());
    const auto degree = [&](int v) { return std::popcount(neighbours[static_cast<std::size_t>(v)]); };
    std::vector<int> order;
    std::vector<bool> placed(static_cast<std::size_t>(n), false);
    for (int next_start = start; static_cast<int>(order.size()) < n;) {
        std::vector<int> queue{next_start};
        placed[static_cast<std::size_t>(next_start)] = true;
        for (std::size_t i = 0; i < queue.size(); ++i) {
            std::vector<int> next;
            for (NodeSet m = neighbours[static_cast<std::size_t>(queue[i])]; m; m &= m - 1)
                if (const int w = std::countr_zero(m); !placed[static_cast<std::size_t>(w)]) placed[static_cast<std::size_t>(w)] = true, next.push_back(w);
            std::stable_sort(next.begin(), next.end(), [&](int a, int b) { return degree(a) < degree(b); });
            queue.insert(queue.end(), next.begin(), next.end());
        }
        order.insert(order.end(), queue.begin(), queue.end());
        for (int v = 0; v < n; ++v)
            if (!placed[static_cast<std::size_t>(v)]) {
                next_start = v;
                break;
            }
    }
    return order;
}

// The search's cost grows with 2 to the power of the front: the nodes not yet placed that touch
// placed ones.
double front_cost(const std::vector<int>& order, const std::vector<NodeSet>& neighbours) {
    NodeSet placed = 0;
    double cost = 0;
    for (int v : order) {
        placed |= NodeSet{1} << v;
        NodeSet front = 0;
        for (NodeSet p = placed; p; p &= p - 1) front |= neighbours[static_cast<std::size_t>(std::countr_zero(p))];
        cost += std::ldexp(1.0, std::popcount(front & ~placed));
    }
    return cost;
}

std::vector<int> banded_order(const std::vector<NodeSet>& neighbours) {
    std::vector<int> best;
    double best_cost = INFINITY;
    for (int start = 0; start < static_cast<int>(neighbours.size()); ++start) {
        std::vector<int> order = breadth_first_from(start, neighbours);
        if (const double cost = front_cost(order, neighbours); cost < best_cost) best_cost = cost, best = std::move(order);
    }
    return best;
}

}  // namespace

NodeSet GroupingSpace::to_caller(NodeSet inside) const {
    NodeSet out = 0;
    for (; inside; inside &= inside - 1) out |= bit(caller_node_[static_cast<std::size_t>(lowest(inside))]);
    return out;
}

std::size_t GroupingSpace::states() const {
    std::size_t total = 0;
    for (const auto& memo : memo_) total += memo.size();
    return total;
}

GroupingSpace::GroupingSpace(std::vector<NodeSet> neighbours, GroupLimits limits, std::function<bool(NodeSet)> allowed)
    : limits_(limits), allowed_(std::move(allowed)) {
    if (neighbours.size() > 64) throw std::invalid_argument("a grouping search takes at most 64 nodes");
    caller_node_ = banded_order(neighbours);
    std::vector<int> search_node(neighbours.size());
    for (std::size_t i = 0; i < caller_node_.size(); ++i) search_node[static_cast<std::size_t>(caller_node_[i])] = static_cast<int>(i);
    neighbours_.resize(neighbours.size());
    for (std::size_t i = 0; i < neighbours.size(); ++i)
        for (NodeSet m = neighbours[static_cast<std::size_t>(caller_node_[i])]; m; m &= m - 1) neighbours_[i] |= bit(search_node[static_cast<std::size_t>(lowest(m))]);
    if (limits_.groups < 1 || limits_.min_nodes < 1 || limits_.max_nodes < limits_.min_nodes)
        throw std::invalid_argument("group limits need groups >= 1 and 1 <= min <= max");
    groups_of_node_.resize(neighbours_.size());
    memo_.resize(static_cast<std::size_t>(limits_.groups) + 1);
    // Every connected set is listed once, from its lowest node (ESU: a set grows only by nodes above
    // its root that are next to the newest node and to no earlier one).
    for (std::size_t root = 0; root < neighbours_.size(); ++root) {
        const int r = static_cast<int>(root);
        const NodeSet above = r == 63 ? 0 : ~(bit(r + 1) - 1);
        collect_groups(bit(r), neighbours_[root] | bit(r), neighbours_[root] & above, above, 1);
    }
}

void GroupingSpace::collect_groups(NodeSet group, NodeSet next_to_group, NodeSet extension, NodeSet above_root, int group_size) {
    if (group_size >= limits_.min_nodes && (!allowed_ || allowed_(to_caller(group)))) {
        groups_of_node_[static_cast<std::size_t>(lowest(group))].push_back(group);
        candidates_.push_back(to_caller(group));
    }
    if (group_size == limits_.max_nodes) return;
    while (extension) {
        const int w = lowest(extension);
        extension &= extension - 1;
        const NodeSet exclusive = neighbours_[static_cast<std::size_t>(w)] & above_root & ~next_to_group;
        collect_groups(group | bit(w), next_to_group | neighbours_[static_cast<std::size_t>(w)] | bit(w), extension | exclusive,
                       above_root, group_size + 1);
    }
}


template <typename F>
void GroupingSpace::for_each_group_of(NodeSet left, F&& f) const {
    for (NodeSet group : groups_of_node_[static_cast<std::size_t>(lowest(left))])
        if ((group & ~left) == 0) f(group);
}

// Each connected part of what is left must be cut into whole groups on its own.
bool GroupingSpace::could_finish(NodeSet left, int groups) const {
    const int n = size(left);
    if (n < groups * limits_.min_nodes || n > groups * limits_.max_nodes) return false;
    int fewest = 0, most = 0;
    for (NodeSet part : connected_parts(left, neighbours_)) {
        const int s = size(part);
        const int lo = (s + limits_.max_nodes - 1) / limits_.max_nodes, hi = s / limits_.min_nodes;
        if (lo > hi) return false;
        fewest += lo, most += hi;
    }
    return fewest <= groups && groups <= most;
}

std::uint64_t GroupingSpace::ways(NodeSet left, int groups) {
    if (left == 0) return groups == 0 ? 1 : 0;
    if (groups == 0) return 0;
    auto& memo = memo_[static_cast<std::size_t>(groups)];
    if (const auto found = memo.find(left); found != memo.end()) return found->second;
    std::uint64_t total = 0;
    if (could_finish(left, groups))
        for_each_group_of(left, [&](NodeSet group) { total = add_saturating(total, ways(left & ~group, groups - 1), saturated_); });
    memo.emplace(left, total);
    return total;
}

std::uint64_t GroupingSpace::count() {
    const NodeSet all = neighbours_.size() == 64 ? ~NodeSet{0} : bit(static_cast<int>(neighbours_.size())) - 1;
    return ways(all, limits_.groups);
}

bool GroupingSpace::walk(NodeSet left, int groups, std::vector<NodeSet>& chosen,
                         const std::function<bool(const std::vector<NodeSet>&)>& visit) {
    if (left == 0) {
        std::vector<NodeSet> groups(chosen.size());
        std::transform(chosen.begin(), chosen.end(), groups.begin(), [&](NodeSet g) { return to_caller(g); });
        return visit(groups);
    }
    bool go_on = true;
    for_each_group_of(left, [&](NodeSet group) {
        if (!go_on || ways(left & ~group, groups - 1) == 0) return;
        chosen.push_back(group);
        go_on = walk(left & ~group, groups - 1, chosen, visit);
        chosen.pop_back();
    });
    return go_on;
}

void GroupingSpace::for_each(const std::function<bool(const std::vector<NodeSet>&)>& visit) {
    if (count() == 0) return;
    const NodeSet all = neighbours_.size() == 64 ? ~NodeSet{0} : bit(static_cast<int>(neighbours_.size())) - 1;
    std::vector<NodeSet> chosen;
    walk(all, limits_.groups, chosen, visit);
}

std::vector<NodeSet> GroupingSpace::draw(std::mt19937_64& random) {
    const std::uint64_t total = count();
    if (total == 0) throw std::logic_error("no grouping to draw from");
    if (saturated_) throw std::logic_error("too many groupings to draw uniformly from");
    NodeSet left = neighbours_.size() == 64 ? ~NodeSet{0} : bit(static_cast<int>(neighbours_.size())) - 1;
    std::vector<NodeSet> chosen;
    for (int groups = limits_.groups; left; --groups) {
        std::uint64_t pick = std::uniform_int_distribution<std::uint64_t>(0, ways(left, groups) - 1)(random);
        NodeSet taken = 0;
        for_each_group_of(left, [&](NodeSet group) {
            if (taken) return;
            const std::uint64_t w = ways(left & ~group, groups - 1);
            if (pick < w) taken = group;
            else pick -= w;
        });
        chosen.push_back(to_caller(taken));
        left &= ~taken;
    }
    return chosen;
}

}  // namespace geo
