// The cheap validity proof must never call an invalid shape valid: checked against GEOS on
// hand-made traps and on every ward of London 2014 (two of which are invalid).
#include "geo/geos/proven_valid.h"
#include "geo/source/load.h"
#include "support.h"

#include <gtest/gtest.h>

#include <cctype>
#include <string>

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

TEST(ProvenValidLondon, NeverDisagreesWithGeosOnTheWards) {
    geo::LoadOptions options;
    options.sources = {wardmap_test::shared_data("london/wards-2014-mapinfo/London_Ward.tab")};
    options.snap_tolerance = 0;
    const geo::UnitSet wards = geo::load_units(options);
    std::size_t proven = 0;
    for (const geo::Unit& ward : wards.units) {
        if (!geo::geos::proven_valid(*ward.shape)) continue;
        ++proven;
        EXPECT_TRUE(geos_valid(*ward.shape)) << ward.where();
    }
    EXPECT_GT(proven, wards.units.size() / 2) << "the proof should settle most wards without GEOS";
}

}  // namespace
