// geo/hygiene: snapping a coverage's vertices together, and repairing invalid shapes.
#include "geo/dissolve/coverage_union.h"
#include "geo/hygiene/repair.h"
#include "geo/hygiene/snap.h"
#include "support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using geo::ProblemKind;
using testing::HasSubstr;
using wardmap_test::from_wkt;
using wardmap_test::make_unit;

TEST(Snap, VerticesOneMillimetreApartBecomeOneAndUnionToOnePart) {
    // Two rings sharing a zig-zag edge; the right one's copies of the shared vertices are 1 mm off.
    std::vector<geo::Ward> units;
    units.push_back(make_unit("L", "", "", "", "POLYGON((0 0, 100 0, 110 50, 100 100, 0 100, 0 0))"));
    units.push_back(make_unit("R", "", "", "",
                              "POLYGON((200 0, 200 100, 100.001 100.001, 110 50.001, 100.001 0, 200 0))"));
    geo::HygieneReport report;
    const std::size_t moved = geo::snap_coverage(units, 0.01, report);
    EXPECT_EQ(moved, 3u);
    EXPECT_EQ(report.vertices_snapped, 3u);
    EXPECT_EQ(report.count(ProblemKind::invalid_repaired), 0u);

    const auto result = geo::union_coverage({units[0].shape.get(), units[1].shape.get()}, 0.01, 1.0);
    EXPECT_FALSE(result.snap_rounded) << "the snapped edges should be shared exactly";
    EXPECT_EQ(GEOSGeomTypeId_r(geo::geos::handle(), result.shape.get()), GEOS_POLYGON);
    EXPECT_EQ(GEOSGetNumInteriorRings_r(geo::geos::handle(), result.shape.get()), 0);
    EXPECT_NEAR(geo::geos::area(*result.shape), 20000.0, 1e-6);
}

TEST(Snap, TighterToleranceOrNoneMovesNothing) {
    std::vector<geo::Ward> units;
    units.push_back(make_unit("L", "", "", "", "POLYGON((0 0, 100 0, 110 50, 100 100, 0 100, 0 0))"));
    units.push_back(make_unit("R", "", "", "",
                              "POLYGON((200 0, 200 100, 100.001 100.001, 110 50.001, 100.001 0, 200 0))"));
    geo::HygieneReport report;
    EXPECT_EQ(geo::snap_coverage(units, 0.0001, report), 0u);  // 0.1 mm: nothing within reach
    EXPECT_EQ(geo::snap_coverage(units, 0.0, report), 0u);     // off
}

TEST(Snap, VerticesFartherThanTheToleranceStay) {
    std::vector<geo::Ward> units;
    units.push_back(make_unit("L", "", "", "", wardmap_test::square(0, 0, 100)));
    units.push_back(make_unit("R", "", "", "", "POLYGON((100.02 0, 200 0, 200 100, 100.02 100, 100.02 0))"));
    geo::HygieneReport report;
    EXPECT_EQ(geo::snap_coverage(units, 0.01, report), 0u);
    EXPECT_EQ(wardmap_test::to_wkt(*units[1].shape), "POLYGON ((100.02 0, 200 0, 200 100, 100.02 100, 100.02 0))");
}

TEST(Snap, RingStaysClosedWhenItsFirstVertexHasTwoRepresentativesNearby) {
    // R1 = (0 0) comes from the first unit. The second unit's ring starts at P = (0.009 0), 9 mm
    // from R1, so P snaps to R1. Its next vertex Q = (0.0105 -0.001) is 10.5 mm from R1: a new
    // representative, only 1.8 mm from P. The closing copy of P must snap where P did, or the
    // ring no longer closes.
    std::vector<geo::Ward> units;
    units.push_back(make_unit("A", "", "", "", wardmap_test::square(0, 0, 10)));
    units.push_back(make_unit("B", "", "", "", "POLYGON((0.009 0, 0.0105 -0.001, 5 -10, -5 -10, 0.009 0))"));
    ASSERT_TRUE(wardmap_test::is_valid(*units[1].shape));
    geo::HygieneReport report;
    ASSERT_NO_THROW(geo::snap_coverage(units, 0.01, report));
    ASSERT_TRUE(units[1].shape);
    EXPECT_TRUE(wardmap_test::is_valid(*units[1].shape)) << wardmap_test::to_wkt(*units[1].shape);
    EXPECT_NEAR(geo::geos::area(*units[1].shape), 50.0, 0.1);
}

TEST(Repair, BowTieIsRepairedAndReportedWithItsLocation) {
    geo::Ward unit = make_unit("E05000001", "Bow Tie", "", "", "POLYGON((0 0, 10 10, 10 0, 0 10, 0 0))");
    geo::HygieneReport report;
    EXPECT_TRUE(geo::ensure_valid(unit, "wards.gpkg feature 7", report));
    EXPECT_TRUE(wardmap_test::is_valid(*unit.shape));
    EXPECT_NEAR(geo::geos::area(*unit.shape), 50.0, 1e-9);  // both triangles kept
    const int type = GEOSGeomTypeId_r(geo::geos::handle(), unit.shape.get());
    EXPECT_TRUE(type == GEOS_POLYGON || type == GEOS_MULTIPOLYGON);

    ASSERT_EQ(report.problems.size(), 1u);
    const geo::Problem& problem = report.problems[0];
    EXPECT_EQ(problem.kind, ProblemKind::invalid_repaired);
    EXPECT_EQ(problem.unit_code, "E05000001");
    EXPECT_EQ(problem.unit_name, "Bow Tie");
    EXPECT_EQ(problem.source, "wards.gpkg feature 7");
    EXPECT_THAT(problem.detail, HasSubstr("Self-intersection"));
    ASSERT_TRUE(problem.location.has_value());
    EXPECT_DOUBLE_EQ(problem.location->x, 5.0);
    EXPECT_DOUBLE_EQ(problem.location->y, 5.0);
}

TEST(Repair, ValidShapeIsLeftAlone) {
    geo::Ward unit = make_unit("E05000002", "", "", "", wardmap_test::square(0, 0, 10));
    const GEOSGeometry* before = unit.shape.get();
    geo::HygieneReport report;
    EXPECT_FALSE(geo::ensure_valid(unit, "x", report));
    EXPECT_EQ(unit.shape.get(), before);
    EXPECT_TRUE(report.problems.empty());
}

TEST(Repair, KeepPolygonsDropsLinesFromACollection) {
    std::size_t dropped = 0;
    auto kept = geo::keep_polygons(
        from_wkt("GEOMETRYCOLLECTION(POLYGON((0 0, 1 0, 1 1, 0 1, 0 0)), LINESTRING(1 1, 2 2), POINT(5 5))"), dropped);
    EXPECT_EQ(dropped, 2u);
    EXPECT_EQ(GEOSGeomTypeId_r(geo::geos::handle(), kept.get()), GEOS_POLYGON);

    dropped = 0;
    kept = geo::keep_polygons(
        from_wkt("GEOMETRYCOLLECTION(POLYGON((0 0, 1 0, 1 1, 0 1, 0 0)), POLYGON((5 5, 6 5, 6 6, 5 6, 5 5)))"), dropped);
    EXPECT_EQ(dropped, 0u);
    EXPECT_EQ(GEOSGeomTypeId_r(geo::geos::handle(), kept.get()), GEOS_MULTIPOLYGON);
}

TEST(Repair, LocationIsReadFromGeosReasons) {
    const auto at = geo::location_in("Self-intersection[524859.2 180764.1]");
    ASSERT_TRUE(at.has_value());
    EXPECT_DOUBLE_EQ(at->x, 524859.2);
    EXPECT_DOUBLE_EQ(at->y, 180764.1);
    EXPECT_FALSE(geo::location_in("Too few points in geometry component").has_value());
}
