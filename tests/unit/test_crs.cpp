// geo/crs: CRSs given by the user, declared by files, and the working CRS chosen for the data.
#include "geo/core/errors.h"
#include "geo/crs/crs.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using testing::HasSubstr;

TEST(Crs, FromUserAcceptsEpsgCodesWithOrWithoutPrefix) {
    for (const char* text : {"EPSG:27700", "27700"}) {
        const geo::Crs crs = geo::crs_from_user(text, "-s_srs");
        EXPECT_EQ(crs.epsg, 27700) << text;
        EXPECT_THAT(crs.label, HasSubstr("British National Grid")) << text;
        EXPECT_EQ(crs.how, "given by -s_srs");
        EXPECT_FALSE(crs.geographic());
    }
}

TEST(Crs, FromUserRefusesNonsenseNamingTheOption) {
    EXPECT_THAT([] { geo::crs_from_user("EPSG:999999", "-t_srs"); },
                testing::ThrowsMessage<geo::InputError>(HasSubstr("-t_srs EPSG:999999")));
    EXPECT_THROW(geo::crs_from_user("British Grid please", "-s_srs"), geo::InputError);
}

TEST(Crs, BritishNationalGridWithoutACodeIsRecognised) {
    // What MapInfo declares for the GLA ward files: BNG's parameters, no authority code.
    OGRSpatialReference declared;
    ASSERT_EQ(declared.importFromProj4("+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 "
                                       "+ellps=airy +units=m +no_defs"),
              OGRERR_NONE);
    const geo::Crs crs = geo::crs_from_declared(declared);
    EXPECT_EQ(crs.epsg, 27700);
    EXPECT_THAT(crs.how, HasSubstr("recognised"));
}

TEST(Crs, WorkingCrsIsBngInGreatBritainAndUtmElsewhere) {
    geo::Extent london;
    london.include(-0.51, 51.28);
    london.include(0.34, 51.69);
    EXPECT_EQ(geo::choose_working_crs(london).epsg, 27700);

    geo::Extent paris;
    paris.include(2.22, 48.81);
    paris.include(2.47, 48.90);
    EXPECT_EQ(geo::choose_working_crs(paris).epsg, 32631);  // UTM 31N

    geo::Extent sydney;
    sydney.include(150.9, -34.0);
    sydney.include(151.3, -33.7);
    EXPECT_EQ(geo::choose_working_crs(sydney).epsg, 32756);  // UTM 56S
}

TEST(Crs, TransformerFromLonLatToBngPutsTrafalgarSquareInPlace) {
    const geo::Transformer to_bng(geo::crs_from_epsg(4326), geo::crs_from_epsg(27700));
    double x = -0.128069, y = 51.508039;  // Nelson's Column, lon/lat
    to_bng.apply(1, &x, &y, "test point");
    EXPECT_NEAR(x, 530000, 200);
    EXPECT_NEAR(y, 180400, 200);
}

TEST(Crs, ExtentIncludesPointsAndOtherExtents) {
    geo::Extent extent;
    EXPECT_TRUE(extent.empty);
    extent.include(5, -2);
    extent.include(-1, 7);
    geo::Extent empty;
    extent.include(empty);
    EXPECT_FALSE(extent.empty);
    EXPECT_EQ(extent.min_x, -1);
    EXPECT_EQ(extent.min_y, -2);
    EXPECT_EQ(extent.max_x, 5);
    EXPECT_EQ(extent.max_y, 7);
}
