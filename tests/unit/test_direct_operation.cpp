// The direct PROJ path must give OGR's coordinates bit for bit, and leave what it cannot do to OGR.
#include "geo/crs/direct_operation.h"

#include <cpl_conv.h>
#include <gtest/gtest.h>

#include <memory>
#include <vector>

namespace {

std::string wkt2(const geo::Crs& crs) {
    char* text = nullptr;
    const char* options[] = {"FORMAT=WKT2_2019", nullptr};
    crs.srs.exportToWkt(&text, options);
    std::string wkt = text ? text : "";
    CPLFree(text);
    return wkt;
}

struct OgrDeleter {
    void operator()(OGRCoordinateTransformation* t) const noexcept { OGRCoordinateTransformation::DestroyCT(t); }
};

TEST(DirectOperation, MatchesOgrBitForBitAcrossGreatBritain) {
    const geo::Crs lonlat = geo::crs_from_epsg(4326), bng = geo::crs_from_epsg(27700);
    const auto direct = geo::DirectOperation::best(lonlat, wkt2(lonlat), wkt2(bng));
    ASSERT_TRUE(direct) << "PROJ should offer OSGB36 to WGS 84 (6) for Great Britain";
    std::vector<double> x, y;
    for (double lon = -6.3; lon < 1.8; lon += 0.0137)
        for (double lat = 49.95; lat < 58.6; lat += 0.0291) x.push_back(lon), y.push_back(lat);
    std::vector<double> ogr_x = x, ogr_y = y;
    const std::unique_ptr<OGRCoordinateTransformation, OgrDeleter> ogr(
        OGRCreateCoordinateTransformation(&lonlat.srs, &bng.srs));
    ASSERT_TRUE(ogr);
    ASSERT_TRUE(ogr->Transform(static_cast<int>(x.size()), ogr_x.data(), ogr_y.data()));
    ASSERT_TRUE(direct->apply(x.size(), x.data(), y.data()));
    for (std::size_t i = 0; i < x.size(); ++i) {
        ASSERT_EQ(x[i], ogr_x[i]) << "point " << i;
        ASSERT_EQ(y[i], ogr_y[i]) << "point " << i;
    }
}

TEST(DirectOperation, LeavesPointsOutsideItsAreaToOgr) {
    const geo::Crs lonlat = geo::crs_from_epsg(4326), bng = geo::crs_from_epsg(27700);
    const auto direct = geo::DirectOperation::best(lonlat, wkt2(lonlat), wkt2(bng));
    ASSERT_TRUE(direct);
    double x[] = {-1.5, 2.35}, y[] = {52.5, 48.85};  // the second is Paris
    EXPECT_FALSE(direct->apply(2, x, y));
    EXPECT_EQ(x[0], -1.5);
    EXPECT_EQ(y[1], 48.85);
}

TEST(DirectOperation, OnlyForLonLatSources) {
    const geo::Crs bng = geo::crs_from_epsg(27700), lonlat = geo::crs_from_epsg(4326);
    EXPECT_FALSE(geo::DirectOperation::best(bng, wkt2(bng), wkt2(lonlat)));
}

}  // namespace
