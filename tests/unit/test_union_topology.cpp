// geo/dissolve/coverage_union on the shapes that trip edge-chaining unions: rings wound either
// way, islands in holes, members touching at a corner, several shells with their own holes, and
// a shared edge noded on one side only.
#include "geo/dissolve/coverage_union.h"
#include "geo/dissolve/dissolve.h"
#include "support.h"

#include <gtest/gtest.h>

using wardmap_test::from_wkt;

namespace {

struct Shape {
    int type = -1, parts = 0, holes = 0;
    double area = 0;
    bool valid = false;
    std::string wkt;
    bool snap_rounded = false;  // the exact union refused the members (reported to the user)
};

// Union of the members given as WKT, measured.
Shape union_of(const std::vector<std::string>& wkts, double sliver_area = 1.0) {
    std::vector<geo::geos::Geom> owned;
    std::vector<const GEOSGeometry*> members;
    for (const auto& wkt : wkts) {
        owned.push_back(from_wkt(wkt));
        members.push_back(owned.back().get());
    }
    geo::CoverageUnionResult merged = geo::union_coverage(members, 0.01, sliver_area);
    geo::DissolvedUnit unit;
    unit.shape = std::move(merged.shape);
    geo::measure(unit);
    return {GEOSGeomTypeId_r(geo::geos::handle(), unit.shape.get()), unit.parts, unit.holes, unit.area,
            wardmap_test::is_valid(*unit.shape), wardmap_test::to_wkt(*unit.shape), merged.snap_rounded};
}

}  // namespace

TEST(UnionTopology, ClockwiseAndCounterClockwiseShellsMerge) {
    const Shape s = union_of({"POLYGON((0 0, 0 10, 10 10, 10 0, 0 0))",      // clockwise
                              "POLYGON((10 0, 20 0, 20 10, 10 10, 10 0))"});  // counter-clockwise
    EXPECT_EQ(s.parts, 1) << s.wkt;
    EXPECT_EQ(s.holes, 0) << s.wkt;
    EXPECT_DOUBLE_EQ(s.area, 200.0);
    EXPECT_TRUE(s.valid) << s.wkt;
    EXPECT_FALSE(s.snap_rounded) << "an exact coverage needed the snap-rounding fallback";
}

TEST(UnionTopology, IslandFillingAHoleLeavesNoHole) {
    // A ward shaped as a ring around another ward (a park, an estate): together, one solid square.
    const Shape s = union_of({"POLYGON((0 0, 30 0, 30 30, 0 30, 0 0), (10 10, 10 20, 20 20, 20 10, 10 10))",
                              "POLYGON((10 10, 20 10, 20 20, 10 20, 10 10))"});
    EXPECT_EQ(s.type, GEOS_POLYGON) << s.wkt;
    EXPECT_EQ(s.holes, 0) << s.wkt;
    EXPECT_DOUBLE_EQ(s.area, 900.0);
    EXPECT_TRUE(s.valid) << s.wkt;
    EXPECT_FALSE(s.snap_rounded) << "an exact coverage needed the snap-rounding fallback";
}

TEST(UnionTopology, HoleOfOneMemberIsKeptWhenNothingFillsIt) {
    const Shape s = union_of({"POLYGON((0 0, 30 0, 30 30, 0 30, 0 0), (10 10, 10 20, 20 20, 20 10, 10 10))",
                              "POLYGON((30 0, 40 0, 40 30, 30 30, 30 0))"});
    EXPECT_EQ(s.parts, 1) << s.wkt;
    EXPECT_EQ(s.holes, 1) << s.wkt;
    EXPECT_DOUBLE_EQ(s.area, 1100.0);
    EXPECT_TRUE(s.valid) << s.wkt;
    EXPECT_FALSE(s.snap_rounded) << "an exact coverage needed the snap-rounding fallback";
}

TEST(UnionTopology, IslandInsideAHoleWithoutTouchingIsASecondPart) {
    const Shape s = union_of({"POLYGON((0 0, 30 0, 30 30, 0 30, 0 0), (10 10, 10 20, 20 20, 20 10, 10 10))",
                              "POLYGON((12 12, 18 12, 18 18, 12 18, 12 12))"});
    EXPECT_EQ(s.parts, 2) << s.wkt;
    EXPECT_EQ(s.holes, 1) << s.wkt;
    EXPECT_DOUBLE_EQ(s.area, 800.0 + 36.0);
    EXPECT_TRUE(s.valid) << s.wkt;
    EXPECT_FALSE(s.snap_rounded) << "an exact coverage needed the snap-rounding fallback";
}

TEST(UnionTopology, SquaresTouchingAtACornerStayTwoValidParts) {
    const Shape s = union_of({"POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))", "POLYGON((10 10, 20 10, 20 20, 10 20, 10 10))"});
    EXPECT_EQ(s.parts, 2) << s.wkt;
    EXPECT_DOUBLE_EQ(s.area, 200.0);
    EXPECT_TRUE(s.valid) << s.wkt;
    EXPECT_FALSE(s.snap_rounded) << "an exact coverage needed the snap-rounding fallback";
}

TEST(UnionTopology, FourSquaresAroundAPointMakeOneSquare) {
    const Shape s = union_of({"POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))", "POLYGON((10 0, 20 0, 20 10, 10 10, 10 0))",
                              "POLYGON((0 10, 10 10, 10 20, 0 20, 0 10))", "POLYGON((10 10, 20 10, 20 20, 10 20, 10 10))"});
    EXPECT_EQ(s.type, GEOS_POLYGON) << s.wkt;
    EXPECT_EQ(s.holes, 0) << s.wkt;
    EXPECT_DOUBLE_EQ(s.area, 400.0);
    EXPECT_TRUE(s.valid) << s.wkt;
    EXPECT_FALSE(s.snap_rounded) << "an exact coverage needed the snap-rounding fallback";
}

TEST(UnionTopology, TwoShellsEachKeepTheirOwnHole) {
    const Shape s = union_of({"POLYGON((0 0, 30 0, 30 30, 0 30, 0 0), (10 10, 10 20, 20 20, 20 10, 10 10))",
                              "POLYGON((100 0, 130 0, 130 30, 100 30, 100 0), (110 10, 110 20, 120 20, 120 10, 110 10))"});
    EXPECT_EQ(s.parts, 2) << s.wkt;
    EXPECT_EQ(s.holes, 2) << s.wkt;
    EXPECT_DOUBLE_EQ(s.area, 1600.0);
    EXPECT_TRUE(s.valid) << s.wkt;
    EXPECT_FALSE(s.snap_rounded) << "an exact coverage needed the snap-rounding fallback";
}

TEST(UnionTopology, RingOfMembersAroundAGapTouchingAtCorners) {
    // Four bars around a 10 m x 10 m gap whose corners are each shared by two bars only.
    const Shape s = union_of({"POLYGON((0 0, 30 0, 30 10, 20 10, 10 10, 0 10, 0 0))",
                              "POLYGON((0 20, 10 20, 20 20, 30 20, 30 30, 0 30, 0 20))",
                              "POLYGON((0 10, 10 10, 10 20, 0 20, 0 10))",
                              "POLYGON((20 10, 30 10, 30 20, 20 20, 20 10))"});
    EXPECT_EQ(s.parts, 1) << s.wkt;
    EXPECT_EQ(s.holes, 1) << s.wkt;
    EXPECT_DOUBLE_EQ(s.area, 800.0);
    EXPECT_TRUE(s.valid) << s.wkt;
    EXPECT_FALSE(s.snap_rounded) << "an exact coverage needed the snap-rounding fallback";
}

TEST(UnionTopology, GapPinchedAgainstTheOutsideAtOneVertexIsAHole) {
    // Three members enclose a 10 x 10 gap whose corner (0 10) also lies on the outer boundary.
    const Shape s = union_of({"POLYGON((0 0, 30 0, 30 10, 20 10, 10 10, 0 10, 0 0))",
                              "POLYGON((10 10, 20 10, 20 20, 30 20, 30 30, 0 30, 0 20, 10 20, 10 10))",
                              "POLYGON((20 10, 30 10, 30 20, 20 20, 20 10))",
                              "POLYGON((-10 0, 0 0, 0 10, 0 20, 0 30, -10 30, -10 0))"});
    EXPECT_EQ(s.parts, 1) << s.wkt;
    EXPECT_EQ(s.holes, 1) << s.wkt;
    EXPECT_DOUBLE_EQ(s.area, 1200.0 - 100.0);
    EXPECT_TRUE(s.valid) << s.wkt;
    EXPECT_FALSE(s.snap_rounded) << "an exact coverage needed the snap-rounding fallback";
}

TEST(UnionTopology, IslandWithItsOwnHoleInsideAHole) {
    // Three levels: an outer ring of land, a lake, an island in the lake with a pond.
    const Shape s = union_of({"POLYGON((0 0, 100 0, 100 100, 0 100, 0 0), (10 10, 10 90, 90 90, 90 10, 10 10))",
                              "POLYGON((20 20, 50 20, 50 80, 20 80, 20 20), (30 30, 30 40, 40 40, 40 30, 30 30))",
                              "POLYGON((50 20, 80 20, 80 80, 50 80, 50 20))"});
    EXPECT_EQ(s.parts, 2) << s.wkt;
    EXPECT_EQ(s.holes, 2) << s.wkt;
    EXPECT_DOUBLE_EQ(s.area, (10000.0 - 6400.0) + (3600.0 - 100.0));
    EXPECT_TRUE(s.valid) << s.wkt;
    EXPECT_FALSE(s.snap_rounded) << "an exact coverage needed the snap-rounding fallback";
}

TEST(UnionTopology, SharedEdgeNodedOnOneSideOnlyStillMerges) {
    // The right square has an extra vertex (10 5) on the shared edge; the left one does not.
    const Shape s = union_of({"POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))", "POLYGON((10 0, 20 0, 20 10, 10 10, 10 5, 10 0))"});
    EXPECT_EQ(s.parts, 1) << s.wkt;
    EXPECT_EQ(s.holes, 0) << s.wkt;
    EXPECT_NEAR(s.area, 200.0, 1e-6);
    EXPECT_TRUE(s.valid) << s.wkt;
    EXPECT_TRUE(s.snap_rounded);
}

TEST(UnionTopology, MultiPolygonMemberWithIslandsMerges) {
    // A coastal ward: mainland plus an island; its neighbour shares the mainland edge.
    const Shape s = union_of({"MULTIPOLYGON(((0 0, 10 0, 10 10, 0 10, 0 0)), ((0 20, 5 20, 5 25, 0 25, 0 20)))",
                              "POLYGON((10 0, 20 0, 20 10, 10 10, 10 0))"});
    EXPECT_EQ(s.parts, 2) << s.wkt;
    EXPECT_DOUBLE_EQ(s.area, 225.0);
    EXPECT_TRUE(s.valid) << s.wkt;
    EXPECT_FALSE(s.snap_rounded) << "an exact coverage needed the snap-rounding fallback";
}

TEST(UnionTopology, SingleMemberComesBackUnchanged) {
    const Shape s = union_of({"POLYGON((0 0, 30 0, 30 30, 0 30, 0 0), (10 10, 10 20, 20 20, 20 10, 10 10))"});
    EXPECT_EQ(s.parts, 1);
    EXPECT_EQ(s.holes, 1);
    EXPECT_DOUBLE_EQ(s.area, 800.0);
}
