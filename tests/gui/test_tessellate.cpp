// Ward shapes into GPU triangles and lines, checked as earcut is: on real wards, the triangles'
// area is the ward's area. No GL context needed.
#include "tests/gui/london_wards.h"
#include "render/gl/tessellate.h"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <set>

namespace {

using wardmap_test::london;

double triangle_area(const std::vector<float>& xyw) {
    double area = 0;
    for (std::size_t i = 0; i + 9 <= xyw.size(); i += 9)
        area += std::abs((xyw[i + 3] - xyw[i]) * (xyw[i + 7] - xyw[i + 1]) - (xyw[i + 6] - xyw[i]) * (xyw[i + 4] - xyw[i + 1])) / 2;
    return area;
}

TEST(Tessellate, TrianglesCoverEveryLondonWard) {
    const geo::WardSet& wards = london();
    ASSERT_EQ(wards.units.size(), 654u);
    for (std::size_t i = 0; i < wards.units.size(); ++i) {
        const geo::Ward& ward = wards.units[i];
        // Origin near the ward, as the renderer does for the whole set: floats keep centimetres.
        const geo::Extent e = geo::geos::envelope(*ward.shape);
        std::vector<float> triangles;
        render::gl::append_triangles(*ward.shape, {e.min_x, e.min_y}, static_cast<float>(i), triangles);
        const double expected = geo::geos::area(*ward.shape);
        EXPECT_NEAR(triangle_area(triangles), expected, 1e-4 * expected) << ward.where();
        EXPECT_EQ(triangles[2], static_cast<float>(i)) << "ward index carried for the colour lookup";
    }
}

TEST(Tessellate, EveryLevelAndTileHoldsAllWards) {
    const render::gl::WardMeshes meshes = render::gl::build_ward_meshes(london());
    ASSERT_EQ(meshes.levels.size(), 4u);
    double total_area = 0;
    for (const geo::Ward& ward : london().units) total_area += geo::geos::area(*ward.shape);
    for (const render::gl::MeshLevel& level : meshes.levels) {
        int fill = 0, lines = 0;
        for (const render::gl::Range& r : level.fill_tiles) {
            EXPECT_EQ(r.first, fill);  // tiles follow each other with nothing between
            fill += r.count;
        }
        for (const render::gl::Range& r : level.line_tiles) {
            EXPECT_EQ(r.first, lines);
            lines += r.count;
        }
        EXPECT_EQ(static_cast<std::size_t>(fill) * 3, level.fill.size());
        EXPECT_EQ(static_cast<std::size_t>(lines) * 2, level.lines.size());
        // Simplified levels keep the area to within a percent: far out, nothing moves visibly.
        EXPECT_NEAR(triangle_area(level.fill), total_area, 0.01 * total_area) << "tolerance " << level.tolerance;
    }
    EXPECT_LT(meshes.levels.back().lines.size(), meshes.levels[0].lines.size() / 4) << "the coarse level is not coarser";
    for (std::size_t i = 1; i < meshes.levels.size(); ++i)
        EXPECT_GT(meshes.levels[i].tolerance, meshes.levels[i - 1].tolerance) << "levels run finest first";
}

// Outlines thinned for a level: every ring of every London ward stays closed, keeps its chain
// ends, moves no vertex, and loses most vertices at 100 m (London wards have a vertex every 20-30 m).
TEST(Tessellate, ThinnedOutlinesStayClosedAndShrink) {
    std::vector<float> segments;
    const render::gl::Origin origin{530000, 180000};
    for (const geo::Ward& ward : london().units) render::gl::append_outline(*ward.shape, origin, segments);
    EXPECT_EQ(render::gl::thin_segments(segments, 0), segments);
    const std::vector<float> thin = render::gl::thin_segments(segments, 100.0);
    ASSERT_EQ(thin.size() % 4, 0u);
    EXPECT_LT(thin.size(), segments.size() / 2);
    // Chains (rings) as (start, end) pairs: the same before and after, so no ring is opened.
    auto chains = [](const std::vector<float>& s) {
        std::vector<std::array<float, 4>> out;
        for (std::size_t i = 0; i + 4 <= s.size(); i += 4) {
            const bool continues = i > 0 && s[i] == s[i - 2] && s[i + 1] == s[i - 1];
            if (!continues) out.push_back({s[i], s[i + 1], s[i + 2], s[i + 3]});
            else out.back()[2] = s[i + 2], out.back()[3] = s[i + 3];
        }
        return out;
    };
    EXPECT_EQ(chains(thin), chains(segments));
    // Every kept segment ends on one of the original vertices.
    std::set<std::pair<float, float>> vertices;
    for (std::size_t i = 0; i + 2 <= segments.size(); i += 2) vertices.insert({segments[i], segments[i + 1]});
    for (std::size_t i = 0; i + 2 <= thin.size(); i += 2) EXPECT_TRUE(vertices.count({thin[i], thin[i + 1]})) << i;
    EXPECT_EQ(render::gl::thin_segments({}, 5.0), std::vector<float>{});
}

}  // namespace
