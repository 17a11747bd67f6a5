#pragma once
// One ReCom chain on the contracted graph (ward_chain_graph.h): its plan, its random numbers and
// every buffer a step needs, grown once and reused, so a step allocates nothing.
#include "geo/candidates/spanning_tree.h"
#include "geo/candidates/ward_chain_graph.h"

#include <cstdint>
#include <limits>
#include <vector>

namespace geo {

class ReComWalk {
public:
    ReComWalk(const ChainGraph& graph, std::uint64_t seed, std::uint64_t stream);

    // One proposal: true when two neighbouring units were merged and re-split, false when none
    // of `tree_tries` spanning trees had an edge leaving both sides balanced (the plan stays).
    bool step(std::size_t tree_tries);

    // Balance-seeking (for a start plan, ward_chain_start.cpp): a pair out of tolerance may be cut
    // anywhere no worse than its worse unit was, and is cut where it comes closest to the
    // tolerance; a pair within it is cut as in a plain step.
    void seek_balance(bool on) { seek_ = on; }
    // A unit's distance from the mean on its worst measure, in tolerances (1: at the limit).
    double excess(std::int32_t unit) const;
    double unit_weight(std::int32_t unit, std::size_t measure) const {
        return unit_weight_[static_cast<std::size_t>(unit) * graph_.measures + measure];
    }

    const std::vector<std::int32_t>& unit_of_node() const { return unit_; }
    std::size_t trees() const { return trees_; }

    // While no step has succeeded: the split closest to balance seen so far, as how far its worse
    // side is from the mean on its worst measure (0.12 = 12 % off), and the two units merged for it.
    double closest_deviation() const { return closest_deviation_; }
    std::int32_t closest_a() const { return closest_a_; }
    std::int32_t closest_b() const { return closest_b_; }

private:
    // Per node of the merged region: what a subtree of the spanning tree adds up.
    struct Tally {
        std::uint32_t wards, wards_of_a, locked_a, locked_b;
    };

    void pick_units(std::int32_t& a, std::int32_t& b);
    void gather_region(std::int32_t a, std::int32_t b);
    void add_subtrees();
    void set_limits();
    bool balanced(std::uint32_t node) const;
    double pair_excess(std::uint32_t node) const;
    std::uint32_t closest_cut() const;
    void note_closest(std::int32_t a, std::int32_t b);
    void apply_cut(std::uint32_t node);

    const ChainGraph& graph_;
    ChainRandom random_;
    std::vector<std::int32_t> unit_;  // per node of the graph
    std::size_t trees_ = 0;
    bool moved_ = false;
    std::int32_t a_ = -1, b_ = -1;  // the two units merged in the current step
    bool seek_ = false;
    std::vector<double> unit_weight_;  // per unit × measure
    std::vector<double> low_, high_;   // per measure: the limits of the current step
    double closest_deviation_ = std::numeric_limits<double>::infinity();
    std::int32_t closest_a_ = -1, closest_b_ = -1;

    // The merged region of the current step, in local numbering.
    std::vector<std::uint32_t> region_;   // local -> graph node
    std::uint32_t root_ = 0;              // local node the spanning trees grow from
    std::vector<std::int32_t> local_;     // graph node -> local, or -1
    CompactGraph subgraph_;
    RootedTree tree_;
    std::vector<std::uint8_t> in_tree_;
    std::vector<double> sum_;             // per local node × measure: subtree weight
    std::vector<Tally> tally_;            // per local node: subtree counts
    std::vector<std::uint32_t> cuts_;     // local nodes whose edge to their parent is a balanced cut
    std::vector<std::uint8_t> in_subtree_;
};

}  // namespace geo
