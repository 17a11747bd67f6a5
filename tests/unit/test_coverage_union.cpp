// geo/dissolve/coverage_union and dissolve(): unions of polygons that tile an area, the
// snap-rounding fallback, and which holes are slivers. WKT in, measured shape out.
#include "geo/core/errors.h"
#include "geo/dissolve/coverage_union.h"
#include "geo/dissolve/dissolve.h"
#include "geo/hygiene/snap.h"
#include "support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using wardmap_test::from_wkt;
using wardmap_test::make_unit;
using wardmap_test::square;

namespace {

struct Measured {
    int type = -1, parts = 0, holes = 0;
    double area = 0;
    bool valid = false;
};

Measured measured(const GEOSGeometry& shape) {
    geo::DissolvedUnit unit;
    unit.shape = geo::geos::clone(shape);
    geo::measure(unit);
    return {GEOSGeomTypeId_r(geo::geos::handle(), &shape), unit.parts, unit.holes, unit.area,
            wardmap_test::is_valid(shape)};
}

geo::CoverageUnionResult union_of(const std::vector<geo::geos::Geom>& shapes, double sliver_area = 1.0) {
    std::vector<const GEOSGeometry*> members;
    for (const auto& shape : shapes) members.push_back(shape.get());
    return geo::union_coverage(members, 0.01, sliver_area);
}

std::string polygon(const std::vector<std::pair<double, double>>& ring) {
    std::string wkt = "POLYGON((";
    for (std::size_t i = 0; i <= ring.size(); ++i) {
        const auto& [x, y] = ring[i % ring.size()];
        wkt += (i ? ", " : "") + std::to_string(x) + " " + std::to_string(y);
    }
    return wkt + "))";
}

// Four members tiling the 100 m square (0,0)-(100,100) around a rectangular gap
// (hx0,hy0)-(hx1,hy1). Every edge one member shares with another has the same vertices in both.
std::vector<geo::geos::Geom> frame_around(double hx0, double hy0, double hx1, double hy1) {
    std::vector<geo::geos::Geom> members;
    members.push_back(from_wkt(polygon({{0, 0}, {hx0, 0}, {hx0, hy0}, {hx0, hy1}, {hx0, 100}, {0, 100}})));
    members.push_back(from_wkt(polygon({{hx1, 0}, {100, 0}, {100, 100}, {hx1, 100}, {hx1, hy1}, {hx1, hy0}})));
    members.push_back(from_wkt(polygon({{hx0, 0}, {hx1, 0}, {hx1, hy0}, {hx0, hy0}})));
    members.push_back(from_wkt(polygon({{hx0, hy1}, {hx1, hy1}, {hx1, 100}, {hx0, 100}})));
    return members;
}

}  // namespace

TEST(CoverageUnion, TwoSquaresSharingAnEdgeBecomeOnePolygon) {
    std::vector<geo::geos::Geom> squares;
    squares.push_back(from_wkt(square(0, 0, 100)));
    squares.push_back(from_wkt(square(100, 0, 100)));
    const auto result = union_of(squares);
    const Measured m = measured(*result.shape);
    EXPECT_EQ(m.type, GEOS_POLYGON);
    EXPECT_EQ(m.parts, 1);
    EXPECT_EQ(m.holes, 0);
    EXPECT_DOUBLE_EQ(m.area, 20000.0);
    EXPECT_TRUE(m.valid);
    EXPECT_FALSE(result.snap_rounded);
    EXPECT_EQ(result.slivers_closed, 0u);
}

TEST(CoverageUnion, SquaresApartStayTwoParts) {
    std::vector<geo::geos::Geom> squares;
    squares.push_back(from_wkt(square(0, 0, 100)));
    squares.push_back(from_wkt(square(300, 0, 100)));
    const Measured m = measured(*union_of(squares).shape);
    EXPECT_EQ(m.type, GEOS_MULTIPOLYGON);
    EXPECT_EQ(m.parts, 2);
    EXPECT_DOUBLE_EQ(m.area, 20000.0);
}

TEST(CoverageUnion, SliverGapClosedBySnappingTheUnits) {
    // The right square's copy of the shared edge is 0.1 mm off, as in ONS generalised files.
    std::vector<geo::Ward> units;
    units.push_back(make_unit("L", "left", "", "", square(0, 0, 100)));
    units.push_back(make_unit("R", "right", "", "",
                              "POLYGON((200 0, 200 100, 100.0001 100, 100.0001 0, 200 0))"));
    geo::HygieneReport report;
    EXPECT_EQ(geo::snap_coverage(units, 0.01, report), 2u);
    EXPECT_EQ(report.vertices_snapped, 2u);

    const auto result = geo::union_coverage({units[0].shape.get(), units[1].shape.get()}, 0.01, 1.0);
    const Measured m = measured(*result.shape);
    EXPECT_EQ(m.parts, 1);
    EXPECT_EQ(m.holes, 0);
    EXPECT_NEAR(m.area, 20000.0, 1e-6);
    EXPECT_TRUE(m.valid);
    EXPECT_FALSE(result.snap_rounded) << "snapped edges should be shared exactly";
}

TEST(CoverageUnion, OverlapByAHairFallsBackToSnapRounding) {
    // Unnoded input (the right square overlaps by 0.1 mm): coverage union refuses or gives an
    // invalid result, and the snap-rounding fallback on a 1 cm grid makes one valid polygon.
    std::vector<geo::geos::Geom> squares;
    squares.push_back(from_wkt(square(0, 0, 100)));
    squares.push_back(from_wkt("POLYGON((99.9999 0, 200 0, 200 100, 99.9999 100, 99.9999 0))"));
    const auto result = union_of(squares);
    EXPECT_TRUE(result.snap_rounded);
    const Measured m = measured(*result.shape);
    EXPECT_EQ(m.parts, 1);
    EXPECT_EQ(m.holes, 0);
    EXPECT_NEAR(m.area, 20000.0, 1.0);
    EXPECT_TRUE(m.valid);
}

TEST(CoverageUnion, HalfSquareMetreHoleIsClosedAsASliver) {
    const auto members = frame_around(50, 50, 51, 50.5);  // 1 m x 0.5 m
    const auto result = union_of(members, 1.0);
    const Measured m = measured(*result.shape);
    EXPECT_EQ(m.type, GEOS_POLYGON);
    EXPECT_EQ(m.holes, 0);
    EXPECT_NEAR(m.area, 10000.0, 1e-6);
    EXPECT_TRUE(m.valid);
    EXPECT_EQ(result.slivers_closed, 1u);
    EXPECT_NEAR(result.sliver_area, 0.5, 1e-9);
}

TEST(CoverageUnion, HundredSquareMetreHoleIsKept) {
    const auto members = frame_around(40, 45, 50, 55);  // 10 m x 10 m: a real hole (a park, a lake)
    const auto result = union_of(members, 1.0);
    const Measured m = measured(*result.shape);
    EXPECT_EQ(m.parts, 1);
    EXPECT_EQ(m.holes, 1);
    EXPECT_NEAR(m.area, 10000.0 - 100.0, 1e-6);
    EXPECT_EQ(result.slivers_closed, 0u);
    EXPECT_DOUBLE_EQ(wardmap_test::smallest_hole(*result.shape), 100.0);
}

TEST(CoverageUnion, SliverAreaZeroKeepsEveryHole) {
    const auto result = union_of(frame_around(50, 50, 51, 50.5), 0.0);
    EXPECT_EQ(measured(*result.shape).holes, 1);
    EXPECT_EQ(result.slivers_closed, 0u);
}

TEST(Dissolve, ReportsClosedSliversAndAggregatesFields) {
    geo::WardSet set;
    auto members = frame_around(50, 50, 51, 50.5);
    set.fields = {{"crimes", geo::FieldKind::integer}, {"ptai", geo::FieldKind::real}};
    const char* codes[] = {"W", "E", "S", "N"};
    for (std::size_t i = 0; i < members.size(); ++i) {
        geo::Ward unit;
        unit.code = codes[i];
        unit.parent_code = "B";
        unit.shape = std::move(members[i]);
        unit.values = {std::int64_t(i + 1), 2.0 * (i + 1)};
        set.units.push_back(std::move(unit));
    }
    const geo::Grouping grouping{{{"B", "Borough", "", ""}}, {0, 0, 0, 0}};
    geo::DissolveOptions options;
    options.aggregates["ptai"] = geo::Aggregate::mean;
    const auto result = geo::dissolve(set, grouping, options);
    ASSERT_EQ(result.units.size(), 1u);
    const auto& unit = result.units[0];
    EXPECT_EQ(unit.holes, 0);
    EXPECT_EQ(unit.parts, 1);
    EXPECT_NEAR(unit.area, 10000.0, 1e-6);
    EXPECT_NEAR(unit.perimeter, 400.0, 1e-6);
    EXPECT_NEAR(unit.polsby_popper, 3.14159265358979 / 4, 1e-9);
    EXPECT_EQ(unit.values[0], 10.0);  // 1+2+3+4
    EXPECT_EQ(unit.values[1], 5.0);   // mean of 2 4 6 8
    ASSERT_EQ(result.hygiene.count(geo::ProblemKind::sliver_removed), 1u);
    EXPECT_NEAR(result.hygiene.of(geo::ProblemKind::sliver_removed)[0]->area, 0.5, 1e-9);
}

TEST(Dissolve, IdentifierFieldsAreNotSummedUnlessAskedFor) {
    // The GLA ward files carry Global_Polygon_ID: a command unit's sum of it means nothing.
    geo::WardSet set;
    auto members = frame_around(50, 50, 51, 50.5);
    set.fields = {{"Global_Polygon_ID", geo::FieldKind::integer}, {"Hectares", geo::FieldKind::real}};
    for (std::size_t i = 0; i < members.size(); ++i) {
        geo::Ward unit;
        unit.code = "U" + std::to_string(i);
        unit.parent_code = "B";
        unit.shape = std::move(members[i]);
        unit.values = {std::int64_t(117000 + i), 10.0};
        set.units.push_back(std::move(unit));
    }
    const geo::Grouping grouping{{{"B", "Borough", "", ""}}, {0, 0, 0, 0}};
    const auto summed = geo::dissolve(set, grouping, {});
    ASSERT_EQ(summed.units.size(), 1u);
    EXPECT_FALSE(summed.units[0].values[0].has_value());
    EXPECT_EQ(summed.units[0].values[1], 40.0);
    geo::DissolveOptions asked;
    asked.aggregates["Global_Polygon_ID"] = geo::Aggregate::min;
    EXPECT_EQ(geo::dissolve(set, grouping, asked).units[0].values[0], 117000.0);
}

TEST(Dissolve, UnitsInNoGroupAreLeftOutAndEmptyGroupsSkipped) {
    const auto set = wardmap_test::row_of_wards({{"A", "", "P", ""}, {"B", "", "P", ""}, {"C", "", "Q", ""}});
    const geo::Grouping grouping{{{"G1", "", "", ""}, {"EMPTY", "", "", ""}}, {0, -1, 0}};
    const auto result = geo::dissolve(set, grouping, {});
    ASSERT_EQ(result.units.size(), 1u);
    EXPECT_EQ(result.units[0].info.code, "G1");
    EXPECT_THAT(result.units[0].members, testing::ElementsAre(0u, 2u));
    EXPECT_EQ(result.units[0].parts, 2);
    EXPECT_THAT(result.units[0].parents, testing::ElementsAre("P", "Q"));
}

TEST(Dissolve, AggregateNamesRoundTrip) {
    for (const char* name : {"sum", "mean", "min", "max"})
        EXPECT_STREQ(geo::to_string(geo::aggregate_from(name)), name);
    EXPECT_THROW(geo::aggregate_from("median"), geo::InputError);
}
