// geo/candidates/groupings: every grouping of a graph's nodes into k connected groups of 2 to 4,
// counted by the memo and checked against brute force over all set partitions.
#include "geo/candidates/groupings.h"

#include "brute_force_groupings.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <map>
#include <tuple>
#include <functional>
#include <set>

namespace {

using geo::NodeSet;
using wardmap_test::brute_force;

// A w x h grid graph, node (x, y) = y * w + x.
std::vector<NodeSet> grid(int w, int h) {
    std::vector<NodeSet> neighbours(static_cast<std::size_t>(w * h), 0);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            NodeSet& n = neighbours[static_cast<std::size_t>(y * w + x)];
            if (x > 0) n |= NodeSet{1} << (y * w + x - 1);
            if (x + 1 < w) n |= NodeSet{1} << (y * w + x + 1);
            if (y > 0) n |= NodeSet{1} << ((y - 1) * w + x);
            if (y + 1 < h) n |= NodeSet{1} << ((y + 1) * w + x);
        }
    return neighbours;
}

bool connected(NodeSet set, const std::vector<NodeSet>& neighbours) { return geo::connected_parts(set, neighbours).size() == 1; }

}  // namespace

TEST(Groupings, CountEqualsBruteForceOnGrids) {
    for (const auto& [w, h, limits] : {std::tuple{3, 3, geo::GroupLimits{3, 2, 4}}, std::tuple{4, 3, geo::GroupLimits{4, 2, 4}},
                                       std::tuple{5, 2, geo::GroupLimits{3, 2, 4}}, std::tuple{2, 5, geo::GroupLimits{5, 2, 2}},
                                       std::tuple{3, 4, geo::GroupLimits{4, 1, 4}}}) {
        const auto neighbours = grid(w, h);
        geo::GroupingSpace space(neighbours, limits, {});
        EXPECT_EQ(space.count(), brute_force(neighbours, limits, {})) << w << "x" << h << " into " << limits.groups;
    }
}

TEST(Groupings, ListingMakesEachValidGroupingOnce) {
    const auto neighbours = grid(4, 3);
    const geo::GroupLimits limits{4, 2, 4};
    // An arbitrary balance rule: no group may hold both corners of the top row's ends.
    const auto allowed = [](NodeSet s) { return (s & 0b1001) != 0b1001; };
    geo::GroupingSpace space(neighbours, limits, allowed);
    std::set<std::vector<NodeSet>> seen;
    space.for_each([&](const std::vector<NodeSet>& groups) {
        NodeSet all = 0;
        for (NodeSet g : groups) {
            EXPECT_EQ(all & g, 0u);
            all |= g;
            EXPECT_TRUE(connected(g, neighbours));
            EXPECT_GE(std::popcount(g), 2);
            EXPECT_LE(std::popcount(g), 4);
            EXPECT_TRUE(allowed(g));
        }
        EXPECT_EQ(all, (NodeSet{1} << 12) - 1);
        EXPECT_EQ(groups.size(), 4u);
        std::vector<NodeSet> sorted = groups;
        std::sort(sorted.begin(), sorted.end());
        EXPECT_TRUE(seen.insert(sorted).second);
        return true;
    });
    EXPECT_EQ(seen.size(), space.count());
    EXPECT_EQ(space.count(), brute_force(neighbours, limits, allowed));
    EXPECT_GT(space.count(), 10u);
}

TEST(Groupings, DrawsAreUniformOverTheCountedSet) {
    const auto neighbours = grid(3, 3);
    geo::GroupingSpace space(neighbours, {3, 2, 4}, {});
    const std::uint64_t total = space.count();
    ASSERT_GT(total, 5u);
    std::map<std::vector<NodeSet>, int> hits;
    std::mt19937_64 random(7);
    const int draws = 2000 * static_cast<int>(total);
    for (int i = 0; i < draws; ++i) {
        auto groups = space.draw(random);
        std::sort(groups.begin(), groups.end());
        ++hits[groups];
    }
    EXPECT_EQ(hits.size(), total);
    for (const auto& [groups, n] : hits) EXPECT_NEAR(n, 2000, 5 * std::sqrt(2000.0));  // 5 sigma
}

TEST(Groupings, ImpossibleLimitsCountNothing) {
    geo::GroupingSpace space(grid(3, 3), {2, 2, 4}, {});  // 9 nodes cannot make 2 groups of at most 4
    EXPECT_EQ(space.count(), 0u);
    int visits = 0;
    space.for_each([&](const std::vector<NodeSet>&) { return ++visits, true; });
    EXPECT_EQ(visits, 0);
}
