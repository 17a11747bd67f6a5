// The cheap validity proof must never call an invalid shape valid: checked against GEOS on
// hand-made traps and on every ward of London 2014 (two of which are invalid).
#include "geo/geos/proven_valid.h"
#include "geo/source/load.h"
#include "support.h"

#include <gtest/gtest.h>

#include <cctype>
#include <string>
#include <vector>

using wardmap_test::from_wkt;

namespace {

bool geos_valid(const GEOSGeometry& shape) { return GEOSisValid_r(geo::geos::handle(), &shape) == 1; }

struct Case {
    const char* what;
    const char* wkt;
    bool proven;  // what proven_valid should say
};

class ProvenValid : public testing::TestWithParam<Case> {};

TEST_P(ProvenValid, AgreesWithGeosAndNeverProvesAnInvalidShape) {
    const auto shape = from_wkt(GetParam().wkt);
    const bool proven = geo::geos::proven_valid(*shape);
    EXPECT_EQ(proven, GetParam().proven) << GetParam().what;
    if (proven) {
        EXPECT_TRUE(geos_valid(*shape)) << GetParam().what;
    }
}

INSTANTIATE_TEST_SUITE_P(
    Shapes, ProvenValid,
    testing::Values(
        Case{"square", "POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))", true},
        Case{"clockwise square with a repeated vertex", "POLYGON((0 0, 0 10, 0 10, 10 10, 10 0, 0 0))", true},
        Case{"triangle", "POLYGON((0 0, 10 0, 5 8, 0 0))", true},
        Case{"bow tie", "POLYGON((0 0, 10 10, 10 0, 0 10, 0 0))", false},
        Case{"ring touching itself at a vertex", "POLYGON((0 0, 10 0, 10 10, 5 0, 0 10, 0 0))", false},
        Case{"spike folding back", "POLYGON((0 0, 10 0, 10 10, 10 20, 10 10, 0 10, 0 0))", false},
        Case{"collinear vertex", "POLYGON((0 0, 5 0, 10 0, 10 10, 0 10, 0 0))", true},
        Case{"three collinear edges", "POLYGON((0 0, 5 0, 10 0, 15 0, 15 10, 0 10, 0 0))", true},
        Case{"edge running back along another", "POLYGON((0 0, 10 0, 10 5, 10 -5, 12 -5, 12 10, 0 10, 0 0))", false},
        Case{"all points on a line", "POLYGON((0 0, 5 0, 10 0, 0 0))", false},
        Case{"polygon with a hole (left to GEOS)",
             "POLYGON((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 4 2, 2 2))", false},
        Case{"two squares apart", "MULTIPOLYGON(((0 0, 1 0, 1 1, 0 1, 0 0)), ((5 5, 6 5, 6 6, 5 6, 5 5)))", true},
        Case{"two squares sharing an edge", "MULTIPOLYGON(((0 0, 1 0, 1 1, 0 1, 0 0)), ((1 0, 2 0, 2 1, 1 1, 1 0)))",
             false},
        Case{"edge crossing far along the ring",
             "POLYGON((0 0, 100 0, 100 1, 50 1, 50 -1, 49 -1, 49 2, 0 2, 0 0))", false},
        Case{"near-collinear turn going on", "POLYGON((0 0, 1e8 1e-9, 2e8 0, 2e8 1, 0 1, 0 0))", true}),
    [](const testing::TestParamInfo<Case>& info) {
        std::string name = info.param.what;
        for (char& c : name)
            if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
        return name;
    });

// ---- Long rings: the sweep must stay near-linear, and its shortcuts must never change the answer.

using Ring = std::vector<double>;  // x0, y0, x1, y1, ..., closed

geo::geos::Geom polygon_of(const Ring& xy) {
    return geo::geos::make_polygon(geo::geos::make_ring(xy.data(), xy.size() / 2, "make a test ring"), {},
                                   "make a test polygon");
}

// A strip `width` wide and `length` long with `points` vertices (plus the closing one), running
// north (across a sweep in x) or east; `nudge` moves the middle vertex of its far side sideways.
Ring strip(std::size_t points, double width, double length, bool north, double nudge = 0) {
    const std::size_t half = points / 2;
    Ring along;  // (across, along) pairs: the near side going up, the far side coming back
    for (std::size_t i = 0; i < half; ++i) along.insert(along.end(), {0, length * i / (half - 1)});
    for (std::size_t i = half; i-- > 0;) along.insert(along.end(), {width + (i == half / 2 ? nudge : 0), length * i / (half - 1)});
    along.insert(along.end(), {0, 0});
    Ring xy(along.size());
    for (std::size_t i = 0; i < along.size(); i += 2) {
        xy[i] = 530000 + (north ? along[i] : along[i + 1]);
        xy[i + 1] = 180000 + (north ? along[i + 1] : along[i]);
    }
    return xy;
}

TEST(ProvenValidLongRing, ThinStripRunningNorthIsProvenValid) {
    const auto shape = polygon_of(strip(100000, 5, 10000, true));
    EXPECT_TRUE(geo::geos::proven_valid(*shape));
    EXPECT_TRUE(geos_valid(*shape));
}

TEST(ProvenValidLongRing, ThinStripRunningEastIsProvenValid) {
    const auto shape = polygon_of(strip(100000, 5, 10000, false));
    EXPECT_TRUE(geo::geos::proven_valid(*shape));
    EXPECT_TRUE(geos_valid(*shape));
}

TEST(ProvenValidLongRing, ThinStripCrossingItselfIsNotProven) {
    for (const bool north : {true, false}) {
        const auto shape = polygon_of(strip(100000, 5, 10000, north, -10));  // the far side's middle crosses the near side
        EXPECT_FALSE(geo::geos::proven_valid(*shape)) << (north ? "north" : "east");
        EXPECT_FALSE(geos_valid(*shape)) << (north ? "north" : "east");
    }
}

TEST(ProvenValidLongRing, ThinStripTouchingItselfIsNotProven) {
    for (const bool north : {true, false}) {
        // 2 points of 50,000 a side: the far side's middle vertex lands on a vertex of the near side.
        const auto shape = polygon_of(strip(100000, 5, 10000, north, -5));
        EXPECT_FALSE(geo::geos::proven_valid(*shape)) << (north ? "north" : "east");
        EXPECT_FALSE(geos_valid(*shape)) << (north ? "north" : "east");
    }
}

// A comb of 1,000 long teeth: every tooth's edges overlap every other's in x and in y, so a sweep
// in either direction would compare all pairs. The proof leaves it to GEOS, which says valid.
TEST(ProvenValidLongRing, CombWhoseEdgesAllOverlapIsLeftToGeos) {
    const double width = 2000;
    const int teeth = 1000;
    Ring xy{0, 0};
    for (int i = 0; i < teeth; ++i) {
        const double bottom = 2.0 * i, top = bottom + 1;
        if (i > 0) xy.insert(xy.end(), {1, bottom});
        xy.insert(xy.end(), {width, bottom, width, top});
        if (i + 1 < teeth) xy.insert(xy.end(), {1, top});
    }
    xy.insert(xy.end(), {0, 2.0 * teeth - 1, 0, 0});
    const auto shape = polygon_of(xy);
    EXPECT_TRUE(geos_valid(*shape));
    EXPECT_FALSE(geo::geos::proven_valid(*shape));
}

TEST(ProvenValidLondon, NeverDisagreesWithGeosOnTheWards) {
    geo::LoadOptions options;
    options.sources = {wardmap_test::shared_data("london/wards-2014-mapinfo/London_Ward.tab")};
    options.snap_tolerance = 0;
    const geo::WardSet wards = geo::load_units(options);
    std::size_t proven = 0;
    for (const geo::Ward& ward : wards.units) {
        if (!geo::geos::proven_valid(*ward.shape)) continue;
        ++proven;
        EXPECT_TRUE(geos_valid(*ward.shape)) << ward.where();
    }
    EXPECT_GT(proven, wards.units.size() / 2) << "the proof should settle most wards without GEOS";
}

}  // namespace
