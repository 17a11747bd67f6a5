#include "geo/candidates/ward_chain_walk.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace geo {

ReComWalk::ReComWalk(const ChainGraph& graph, std::uint64_t seed, std::uint64_t stream)
    : graph_(graph), random_(seed, stream), unit_(graph.start_unit), unit_weight_(graph.units * graph.measures, 0), low_(graph.low), high_(graph.high), local_(graph.size(), -1) {
    for (std::size_t v = 0; v < graph.size(); ++v)
        for (std::size_t j = 0; j < graph.measures; ++j)
            unit_weight_[static_cast<std::size_t>(unit_[v]) * graph.measures + j] += graph.weight[v * graph.measures + j];
}

namespace {

double excess_of(const ChainGraph& graph, std::size_t measure, double weight) {
    if (!(graph.mean[measure] > 0)) return 0;
    const double off = std::abs(weight / graph.mean[measure] - 1), tolerance = graph.tolerance[measure];
    return tolerance > 0 ? off / tolerance : (off > 0 ? std::numeric_limits<double>::infinity() : 0);
}

}  // namespace

double ReComWalk::excess(std::int32_t unit) const {
    double worst = 0;
    for (std::size_t j = 0; j < graph_.measures; ++j)
        worst = std::max(worst, excess_of(graph_, j, unit_weight_[static_cast<std::size_t>(unit) * graph_.measures + j]));
    return worst;
}

// A plain step keeps both sides within the tolerance; a balance-seeking step on a pair out of it
// keeps them within the pair's present excess, so that no unit ever gets worse.
void ReComWalk::set_limits() {
    const double widen = seek_ ? std::max({1.0, excess(a_), excess(b_)}) : 1.0;
    for (std::size_t j = 0; j < graph_.measures; ++j) {
        const double mean = graph_.mean[j];
        low_[j] = widen == 1.0 ? graph_.low[j] : mean - (mean - graph_.low[j]) * widen;
        high_[j] = widen == 1.0 ? graph_.high[j] : mean + (graph_.high[j] - mean) * widen;
    }
}

double ReComWalk::pair_excess(std::uint32_t node) const {
    const std::size_t m = graph_.measures;
    const std::uint32_t root = tree_.order[0];
    double worst = 0;
    for (std::size_t j = 0; j < m; ++j)
        worst = std::max({worst, excess_of(graph_, j, sum_[node * m + j]), excess_of(graph_, j, sum_[root * m + j] - sum_[node * m + j])});
    return worst;
}

std::uint32_t ReComWalk::closest_cut() const {
    std::uint32_t best = cuts_.front();
    double best_excess = pair_excess(best);
    for (std::uint32_t node : cuts_)
        if (const double e = pair_excess(node); e < best_excess) best = node, best_excess = e;
    return best;
}

// A uniformly random edge between two different units: pairs that share a long boundary are
// merged more often, as in GerryChain's recom. Such an edge always exists (ward_chain_problems
// checks it at the start, and a step never changes how many units each piece of the graph holds).
void ReComWalk::pick_units(std::int32_t& a, std::int32_t& b) {
    const auto edges = static_cast<std::uint32_t>(graph_.edge_ends.size() / 2);
    do {
        const std::uint32_t e = random_.below(edges);
        a = unit_[graph_.edge_ends[2 * e]];
        b = unit_[graph_.edge_ends[2 * e + 1]];
    } while (a == b);
}

void ReComWalk::gather_region(std::int32_t a, std::int32_t b) {
    region_.clear();
    for (std::uint32_t v = 0; v < unit_.size(); ++v)
        if (unit_[v] == a || unit_[v] == b) {
            local_[v] = static_cast<std::int32_t>(region_.size());
            region_.push_back(v);
        }
    // Written through pointers into buffers grown once to the whole graph's size: this runs once
    // a step, and push_back's checks were a fifth of the chain's time.
    const std::size_t m = graph_.measures;
    sum_.resize(region_.size() * m);
    tally_.resize(region_.size());
    subgraph_.offset.resize(region_.size() + 1);
    subgraph_.adjacent.resize(graph_.adjacency.adjacent.size());
    std::uint32_t* offset = subgraph_.offset.data();
    std::uint32_t* adjacent = subgraph_.adjacent.data();
    const std::uint32_t* from = graph_.adjacency.offset.data();
    const std::uint32_t* to = graph_.adjacency.adjacent.data();
    std::uint32_t written = 0, widest = 0;
    offset[0] = 0;
    for (std::size_t i = 0; i < region_.size(); ++i) {
        const std::uint32_t v = region_[i];
        for (std::uint32_t e = from[v]; e < from[v + 1]; ++e) {
            const std::int32_t x = local_[to[e]];
            adjacent[written] = static_cast<std::uint32_t>(x);
            written += x >= 0;
        }
        offset[i + 1] = written;
        // The root: Wilson's trees are uniform from any root, and walks end sooner at a hub.
        if (written - offset[i] > offset[widest + 1] - offset[widest]) widest = static_cast<std::uint32_t>(i);
    }
    root_ = widest;
}

// Subtree sums, children before parents (the reverse of the tree's order), from each node's own.
void ReComWalk::add_subtrees() {
    const std::size_t m = graph_.measures;
    for (std::size_t i = 0; i < region_.size(); ++i) {
        const std::uint32_t v = region_[i];
        std::copy_n(graph_.weight.data() + v * m, m, sum_.data() + i * m);
        const std::uint32_t wards = graph_.wards[v];
        const std::int32_t lock = graph_.locked_to[v];
        tally_[i] = {wards, unit_[v] == a_ ? wards : 0, lock == a_, lock == b_};
    }
    for (std::size_t i = region_.size(); i-- > 1;) {
        const std::uint32_t v = tree_.order[i];
        const auto p = static_cast<std::uint32_t>(tree_.parent[v]);
        for (std::size_t j = 0; j < m; ++j) sum_[p * m + j] += sum_[v * m + j];
        tally_[p].wards += tally_[v].wards;
        tally_[p].wards_of_a += tally_[v].wards_of_a;
        tally_[p].locked_a += tally_[v].locked_a;
        tally_[p].locked_b += tally_[v].locked_b;
    }
}

bool ReComWalk::balanced(std::uint32_t node) const {
    const std::size_t m = graph_.measures;
    const std::uint32_t root = tree_.order[0];
    for (std::size_t j = 0; j < m; ++j) {
        const double side = sum_[node * m + j], rest = sum_[root * m + j] - side;
        if (side < low_[j] || side > high_[j] || rest < low_[j] || rest > high_[j]) return false;
    }
    // Locked wards: all of one unit's on one side and none of the other's.
    const Tally& s = tally_[node];
    const Tally& all = tally_[root];
    return (s.locked_a == all.locked_a && s.locked_b == 0) || (s.locked_a == 0 && s.locked_b == all.locked_b);
}

void ReComWalk::note_closest(std::int32_t a, std::int32_t b) {
    const std::size_t m = graph_.measures;
    const std::uint32_t root = tree_.order[0];
    for (std::size_t i = 1; i < region_.size(); ++i) {
        const std::uint32_t v = tree_.order[i];
        double worst = 0;
        for (std::size_t j = 0; j < m; ++j) {
            if (!(graph_.mean[j] > 0)) continue;
            const double side = sum_[v * m + j], rest = sum_[root * m + j] - side;
            worst = std::max({worst, std::abs(side / graph_.mean[j] - 1), std::abs(rest / graph_.mean[j] - 1)});
        }
        if (worst < closest_deviation_) {
            closest_deviation_ = worst;
            closest_a_ = std::min(a, b);
            closest_b_ = std::max(a, b);
        }
    }
}

void ReComWalk::apply_cut(std::uint32_t node) {
    const std::int32_t a = a_, b = b_;
    const Tally& s = tally_[node];
    const Tally& all = tally_[tree_.order[0]];
    bool subtree_is_a;
    if (all.locked_a + all.locked_b > 0) {
        // balanced() let exactly one naming through.
        subtree_is_a = s.locked_a == all.locked_a && s.locked_b == 0;
    } else {
        // Keep each unit's name on the side holding more of its wards, so that names stay with
        // places and "wards that changed unit" means what it says.
        const std::uint32_t b_in_subtree = s.wards - s.wards_of_a;
        const std::uint32_t b_total = all.wards - all.wards_of_a;
        const std::uint32_t keep = s.wards_of_a + (b_total - b_in_subtree);
        const std::uint32_t swap = b_in_subtree + (all.wards_of_a - s.wards_of_a);
        subtree_is_a = keep >= swap;
    }
    const std::int32_t inside = subtree_is_a ? a : b, outside = subtree_is_a ? b : a;
    const std::size_t m = graph_.measures;
    const std::uint32_t root = tree_.order[0];
    for (std::size_t j = 0; j < m; ++j) {
        unit_weight_[static_cast<std::size_t>(inside) * m + j] = sum_[node * m + j];
        unit_weight_[static_cast<std::size_t>(outside) * m + j] = sum_[root * m + j] - sum_[node * m + j];
    }
    in_subtree_.assign(region_.size(), 0);
    for (std::uint32_t v : tree_.order) {
        const std::int32_t p = tree_.parent[v];
        in_subtree_[v] = v == node || (p >= 0 && in_subtree_[static_cast<std::uint32_t>(p)]);
        unit_[region_[v]] = in_subtree_[v] ? inside : outside;
    }
}

bool ReComWalk::step(std::size_t tree_tries) {
    pick_units(a_, b_);
    gather_region(a_, b_);
    set_limits();
    const bool closest = seek_ && std::max(excess(a_), excess(b_)) > 1;
    bool done = false;
    for (std::size_t t = 0; t < tree_tries && !done; ++t) {
        draw_spanning_tree(subgraph_, root_, random_, tree_, in_tree_);
        ++trees_;
        add_subtrees();
        cuts_.clear();
        for (std::size_t i = 1; i < region_.size(); ++i)
            if (balanced(tree_.order[i])) cuts_.push_back(tree_.order[i]);
        if (!moved_) note_closest(a_, b_);
        if (cuts_.empty()) continue;
        apply_cut(closest ? closest_cut() : cuts_[random_.below(static_cast<std::uint32_t>(cuts_.size()))]);
        moved_ = done = true;
    }
    for (std::uint32_t v : region_) local_[v] = -1;
    return done;
}

}  // namespace geo
