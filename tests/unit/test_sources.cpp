// geo/source: which files a list of paths stands for, and loading small real files with the
// district recorded from the file name.
#include "geo/core/errors.h"
#include "geo/source/load.h"
#include "support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <set>

namespace fs = std::filesystem;
using testing::HasSubstr;
using wardmap_test::shared_data;

TEST(Sources, FolderIsListedSortedWithVectorFilesOnly) {
    const auto files = geo::expand_sources({shared_data("gb/lsoa-2011-by-lad/wales")});
    ASSERT_EQ(files.size(), 22u);
    EXPECT_THAT(files.front(), testing::EndsWith("W06000001.json"));
    EXPECT_TRUE(std::is_sorted(files.begin(), files.end()));
}

TEST(Sources, MapInfoFolderGivesItsTabFilesNotTheSidecars) {
    const auto files = geo::expand_sources({shared_data("london/wards-2018-mapinfo")});
    ASSERT_EQ(files.size(), 2u);  // London_Ward.tab, London_Ward_CityMerged.tab; not .DAT .MAP .ID
    EXPECT_THAT(files[0], testing::EndsWith("London_Ward.tab"));
}

TEST(Sources, ZipIsOpenedThroughVsizip) {
    wardmap_test::TempDir dir;
    wardmap_test::write_text(dir.path() / "wards.zip", "PK");
    const auto files = geo::expand_sources({(dir.path() / "wards.zip").string()});
    ASSERT_EQ(files.size(), 1u);
    EXPECT_EQ(files[0], "/vsizip/" + (dir.path() / "wards.zip").string());
}

TEST(Sources, MissingPathIsAnInputErrorNamingIt) {
    EXPECT_THAT([] { geo::expand_sources({"/nonexistent/wards.gpkg"}); },
                testing::ThrowsMessage<geo::InputError>(HasSubstr("/nonexistent/wards.gpkg")));
}

TEST(Sources, FolderWithoutBoundaryFilesIsAnInputError) {
    wardmap_test::TempDir dir;
    wardmap_test::write_text(dir.path() / "notes.txt", "nothing to see");
    EXPECT_THAT([&] { geo::expand_sources({dir.path().string()}); },
                testing::ThrowsMessage<geo::InputError>(HasSubstr("no boundary files")));
}

TEST(Sources, LoadingNoSourcesIsAnInputErrorNotACrash) {
    // Run in a child process: the failure being tested for is a segmentation fault.
    GTEST_FLAG_SET(death_test_style, "threadsafe");  // GDAL and the loader may have started threads
    EXPECT_EXIT(
        {
            try {
                geo::load_units(geo::LoadOptions{});
            } catch (const geo::InputError&) {
                std::_Exit(0);
            }
            std::_Exit(1);
        },
        testing::ExitedWithCode(0), "");
}

TEST(Sources, WelshWardsLoadWithTheDistrictFromTheFileName) {
    geo::LoadOptions options;
    options.sources = {shared_data("gb/wards-2013-by-lad/wales/W06000001.json")};  // Isle of Anglesey
    options.stem_field = "LAD";
    options.fields.parent = "LAD";
    const geo::WardSet set = geo::load_units(options);
    ASSERT_EQ(set.units.size(), 11u);
    EXPECT_EQ(set.mapping.code, "WD13CD");
    EXPECT_EQ(set.mapping.name, "WD13NM");
    EXPECT_EQ(set.sources.at(0).stem, "W06000001");
    EXPECT_EQ(set.working_crs.epsg, 27700);
    const int lad = set.field_index("LAD");
    ASSERT_GE(lad, 0);
    for (const auto& unit : set.units) {
        EXPECT_EQ(unit.parent_code, "W06000001") << unit.where();
        EXPECT_EQ(geo::as_text(unit.values[lad]), "W06000001") << unit.where();
        EXPECT_THAT(unit.code, testing::StartsWith("W05")) << unit.where();
    }
    // Anglesey: 714 km² (ONS, clipped to the coastline); reprojected from lon/lat into metres.
    EXPECT_NEAR(wardmap_test::total_area(set.units) / 1e6, 714, 20);
    // Inside Anglesey in British National Grid: roughly 220 000-265 000 E, 360 000-398 000 N.
    EXPECT_GT(set.extent.min_x, 215000);
    EXPECT_LT(set.extent.max_x, 270000);
    EXPECT_GT(set.extent.min_y, 355000);
    EXPECT_LT(set.extent.max_y, 400000);
}
