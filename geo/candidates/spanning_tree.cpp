#include "geo/candidates/spanning_tree.h"

#include <algorithm>

namespace geo {

namespace {

std::uint64_t splitmix64(std::uint64_t& x) noexcept {
    std::uint64_t z = (x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

constexpr std::uint64_t rotl(std::uint64_t x, int k) noexcept { return (x << k) | (x >> (64 - k)); }

}  // namespace

ChainRandom::ChainRandom(std::uint64_t seed, std::uint64_t stream) {
    // The stream is mixed in before the state is drawn, so chain 1's numbers share nothing with
    // chain 0's even for neighbouring seeds.
    std::uint64_t x = seed;
    std::uint64_t mixed = splitmix64(x) ^ (stream * 0xD1B54A32D192ED03ull);
    for (std::uint64_t& s : state_) s = splitmix64(mixed);
}

std::uint64_t ChainRandom::next() noexcept {
    const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
    const std::uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotl(state_[3], 45);
    return result;
}

std::uint32_t ChainRandom::below(std::uint32_t n) noexcept {
    std::uint64_t m = (next() >> 32) * n;
    auto low = static_cast<std::uint32_t>(m);
    if (low < n) {
        const std::uint32_t threshold = (0u - n) % n;
        while (low < threshold) {
            m = (next() >> 32) * n;
            low = static_cast<std::uint32_t>(m);
        }
    }
    return static_cast<std::uint32_t>(m >> 32);
}

void draw_spanning_tree(const CompactGraph& graph, std::uint32_t root, ChainRandom& random, RootedTree& tree,
                        std::vector<std::uint8_t>& in_tree) {
    const std::size_t n = graph.size();
    in_tree.assign(n, 0);
    tree.parent.resize(n);
    tree.order.resize(n);
    in_tree[root] = 1;
    tree.parent[root] = -1;
    tree.order[0] = root;
    std::size_t placed = 1;
    const std::uint32_t* offset = graph.offset.data();
    const std::uint32_t* adjacent = graph.adjacent.data();
    std::int32_t* parent = tree.parent.data();
    for (std::uint32_t start = 0; start < n; ++start) {
        std::uint32_t u = start;
        while (!in_tree[u]) {
            const std::uint32_t degree = offset[u + 1] - offset[u];
            const std::uint32_t v = adjacent[offset[u] + random.below(degree)];
            parent[u] = static_cast<std::int32_t>(v);
            u = v;
        }
        // The loop-erased path, start first: each node's parent comes after it on the path, so
        // the path goes into `order` reversed to keep parents first.
        const std::size_t first = placed;
        for (u = start; !in_tree[u]; u = static_cast<std::uint32_t>(parent[u])) {
            in_tree[u] = 1;
            tree.order[placed++] = u;
        }
        std::reverse(tree.order.begin() + static_cast<std::ptrdiff_t>(first),
                     tree.order.begin() + static_cast<std::ptrdiff_t>(placed));
    }
}

}  // namespace geo
