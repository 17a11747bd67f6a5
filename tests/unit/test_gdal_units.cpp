// geo/source/gdal_units: a file in another CRS is transformed on every core, a batch of features
// at a time, and checked after snapping rather than while it is read. Read that way, the London
// wards must come out as a plain sequential read gives them: the same units in the same order,
// the same shapes, the same two repaired wards.
#include "geo/gdal/error_capture.h"
#include "geo/hygiene/report.h"
#include "geo/source/load.h"
#include "support.h"

#include <gdal_priv.h>
#include <gdal_utils.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>

namespace {

using testing::HasSubstr;
using testing::UnorderedElementsAre;

struct OptionsDeleter {
    void operator()(GDALVectorTranslateOptions* options) const noexcept { GDALVectorTranslateOptionsFree(options); }
};

// The 2014 wards (EPSG:27700, 654 features: three batches) copied to a GeoPackage in lon/lat.
void write_lonlat_copy(const std::string& from, const std::string& to) {
    geo::gdal::ensure_registered();
    const GDALDatasetUniquePtr source(GDALDataset::Open(from.c_str(), GDAL_OF_VECTOR));
    ASSERT_TRUE(source);
    const char* arguments[] = {"-f", "GPKG", "-t_srs", "EPSG:4326", "-nln", "wards", nullptr};
    const std::unique_ptr<GDALVectorTranslateOptions, OptionsDeleter> options(
        GDALVectorTranslateOptionsNew(const_cast<char**>(arguments), nullptr));
    GDALDatasetH handle = source.get();
    const GDALDatasetUniquePtr copy(GDALDataset::FromHandle(GDALVectorTranslate(to.c_str(), nullptr, 1, &handle, options.get(), nullptr)));
    ASSERT_TRUE(copy);
}

double area(const geo::Ward& unit) {
    double value = 0;
    GEOSArea_r(geo::geos::handle(), unit.shape.get(), &value);
    return value;
}

}  // namespace

TEST(GdalUnits, AFileInAnotherCrsReadsAsTheSameWardsInTheSameOrder) {
    const wardmap_test::TempDir dir;
    const std::string lonlat = (dir.path() / "wards-lonlat.gpkg").string();
    write_lonlat_copy(wardmap_test::shared_data("london/wards-2014-mapinfo/London_Ward.tab"), lonlat);

    geo::LoadOptions options;
    options.sources = {wardmap_test::shared_data("london/wards-2014-mapinfo/London_Ward.tab")};
    const geo::WardSet projected = geo::load_units(options);
    options.sources = {lonlat};
    const geo::WardSet read = geo::load_units(options);

    EXPECT_EQ(read.working_crs.epsg, 27700);
    ASSERT_EQ(read.units.size(), projected.units.size());
    ASSERT_GT(read.units.size(), 512u);  // three batches of 256
    for (std::size_t i = 0; i < read.units.size(); ++i) {
        ASSERT_EQ(read.units[i].code, projected.units[i].code) << "unit " << i;
        EXPECT_EQ(read.units[i].feature, projected.units[i].feature) << read.units[i].code;
        // There and back through WGS 84 (a Helmert shift each way): millimetres at most.
        EXPECT_NEAR(area(read.units[i]), area(projected.units[i]), 1e-6 * area(projected.units[i])) << read.units[i].code;
        EXPECT_TRUE(wardmap_test::is_valid(*read.units[i].shape)) << read.units[i].code;
    }
    std::vector<std::string> repaired;
    for (const geo::Problem* problem : read.hygiene.of(geo::ProblemKind::invalid_repaired)) {
        repaired.push_back(problem->unit_code);
        EXPECT_THAT(problem->source, HasSubstr("wards-lonlat.gpkg feature ")) << problem->unit_code;
    }
    EXPECT_THAT(repaired, UnorderedElementsAre("E05009392", "E05009400"));  // Colville, Pembridge
}
