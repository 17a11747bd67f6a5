#pragma once
// Uniformly random spanning trees of small graphs (a few hundred nodes), drawn many thousand times
// a second by the ward chain (ward_chain.h): Wilson's algorithm on a graph in compressed rows, with
// a random generator of our own so that a seed gives the same trees on every platform and
// standard library (std::uniform_int_distribution is not specified bit for bit).
#include <cstddef>
#include <cstdint>
#include <vector>

namespace geo {

// xoshiro256** (Blackman and Vigna), seeded through splitmix64: fast, small, and the same
// numbers everywhere. `stream` gives independent generators from one seed (one per chain).
class ChainRandom {
public:
    explicit ChainRandom(std::uint64_t seed, std::uint64_t stream = 0);
    std::uint64_t next() noexcept;
    // Uniform in [0, n), n > 0, without modulo bias (Lemire's multiply and reject).
    std::uint32_t below(std::uint32_t n) noexcept;

private:
    std::uint64_t state_[4];
};

// Node i's neighbours are adjacent[offset[i] .. offset[i + 1]). No self-loops; connected.
struct CompactGraph {
    std::vector<std::uint32_t> offset{0};
    std::vector<std::uint32_t> adjacent;
    std::size_t size() const { return offset.size() - 1; }
    void clear() {
        offset.assign(1, 0);
        adjacent.clear();
    }
};

// A rooted spanning tree: parent[root] = -1; `order` lists every node after its parent (root
// first), so a reverse pass adds subtree sums in one sweep.
struct RootedTree {
    std::vector<std::int32_t> parent;
    std::vector<std::uint32_t> order;
};

// Wilson's algorithm (1996): loop-erased random walks from each node until they hit the tree
// grown so far give every spanning tree the same probability, whatever the root. The walk
// overwrites its last exit from each node, which erases loops without storing the path.
// `in_tree` is scratch, resized here; nothing is allocated once the buffers have grown.
void draw_spanning_tree(const CompactGraph& graph, std::uint32_t root, ChainRandom& random, RootedTree& tree,
                        std::vector<std::uint8_t>& in_tree);

}  // namespace geo
