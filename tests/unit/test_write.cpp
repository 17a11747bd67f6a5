// geo/export/write: every value of every feature reads back, by field name, in every format; a
// source field named like a GeoPackage's own column is renamed, not fatal.
#include "geo/core/errors.h"
#include "geo/crs/crs.h"
#include "geo/dissolve/grouping.h"
#include "geo/export/plan_layers.h"
#include "geo/export/write.h"
#include "geo/gdal/error_capture.h"
#include "support.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>

namespace fs = std::filesystem;
using wardmap_test::read_text;
using wardmap_test::TempDir;

namespace {

using Table = std::vector<std::map<std::string, std::string>>;  // feature -> field -> value as text

// The layer as a reader sees it: each field found by name (any case), in file order.
Table read_layer(const fs::path& path, const std::string& layer_name, const std::vector<std::string>& fields) {
    geo::gdal::ensure_registered();
    geo::gdal::CplErrorCapture quiet;
    GDALDatasetUniquePtr dataset(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!dataset) {
        ADD_FAILURE() << "GDAL cannot open " << path;
        return {};
    }
    OGRLayer* layer = dataset->GetLayerCount() == 1 ? dataset->GetLayer(0) : dataset->GetLayerByName(layer_name.c_str());
    if (!layer) {
        ADD_FAILURE() << path << " has no layer " << layer_name;
        return {};
    }
    Table table;
    for (OGRFeatureUniquePtr feature(layer->GetNextFeature()); feature; feature.reset(layer->GetNextFeature())) {
        auto& row = table.emplace_back();
        for (const std::string& field : fields) {
            const int index = feature->GetFieldIndex(field.c_str());
            if (index < 0) ADD_FAILURE() << path << ": no field " << field;
            else row[field] = feature->IsFieldSetAndNotNull(index) ? feature->GetFieldAsString(index) : "";
        }
    }
    return table;
}

// Two command units as plan_layers makes them: text, integer and real columns.
geo::OutputLayer command_units(const std::vector<geo::geos::Geom>& shapes) {
    geo::OutputLayer layer{"command_units", "Command units", {}, {}};
    layer.fields = {{"code", geo::FieldKind::text}, {"name", geo::FieldKind::text},
                    {"colour", geo::FieldKind::text}, {"phase", geo::FieldKind::text},
                    {"units", geo::FieldKind::integer}, {"parent_cds", geo::FieldKind::text},
                    {"area_km2", geo::FieldKind::real}};
    layer.features.push_back({shapes[0].get(), {std::string("CN"), std::string("Central North"), std::string("#1f78b4"),
                                                std::string("2017-01"), std::int64_t{41}, std::string("E09000007,E09000019"),
                                                36.25}});
    layer.features.push_back({shapes[1].get(), {std::string("SW"), std::string("South West"), geo::FieldValue(),
                                                std::string("2018-03"), std::int64_t{79}, std::string("E09000021,E09000024"),
                                                0.5}});
    return layer;
}

std::vector<geo::geos::Geom> two_squares() {
    std::vector<geo::geos::Geom> shapes;
    shapes.push_back(wardmap_test::from_wkt(wardmap_test::square(530000, 180000, 1000)));
    shapes.push_back(wardmap_test::from_wkt(wardmap_test::square(531000, 180000, 1000)));
    return shapes;
}

void write(const std::vector<geo::OutputLayer>& layers, const fs::path& path, geo::Format format) {
    geo::WriteOptions options;
    options.path = path.string();
    options.format = &geo::format_info(format);
    geo::write_layers(layers, geo::crs_from_epsg(27700), options);
}

class EveryFormat : public testing::TestWithParam<geo::Format> {};

}  // namespace

TEST_P(EveryFormat, EveryFieldOfEveryFeatureReadsBackByName) {
    TempDir dir;
    const geo::FormatInfo& format = geo::format_info(GetParam());
    const fs::path path = dir.path() / (std::string("cu") + format.extension);
    const auto shapes = two_squares();
    write({command_units(shapes)}, path, GetParam());
    Table table = read_layer(path, "command_units", {"code", "name", "colour", "phase", "units", "parent_cds", "area_km2"});
    ASSERT_EQ(table.size(), 2u);
    // FlatGeobuf's spatial index orders features along a curve.
    std::sort(table.begin(), table.end(), [](const auto& a, const auto& b) { return a.at("code") < b.at("code"); });
    // KML had every value one column to the right of its name (the driver's Name and Description
    // come first): code held the name, name the colour, ...
    const std::vector<std::map<std::string, std::string>> meant = {
        {{"code", "CN"}, {"name", "Central North"}, {"colour", "#1f78b4"}, {"phase", "2017-01"}, {"units", "41"}, {"parent_cds", "E09000007,E09000019"}},
        {{"code", "SW"}, {"name", "South West"}, {"colour", ""}, {"phase", "2018-03"}, {"units", "79"}, {"parent_cds", "E09000021,E09000024"}}};
    for (std::size_t f = 0; f < 2; ++f) {
        for (const auto& [field, value] : meant[f]) EXPECT_EQ(table[f].at(field), value) << format.name << " feature " << f << " field " << field;
        EXPECT_DOUBLE_EQ(std::stod(table[f].at("area_km2")), f == 0 ? 36.25 : 0.5) << format.name;
    }
    if (GetParam() == geo::Format::kml) {  // one <name> per Placemark (there were two)
        const std::string kml = read_text(path);
        std::size_t placemarks = 0, at = 0;
        while ((at = kml.find("<Placemark>", at)) != std::string::npos) {
            const std::size_t end = kml.find("</Placemark>", at);
            const std::string placemark = kml.substr(at, end - at);
            std::size_t names = 0;
            for (std::size_t n = placemark.find("<name>"); n != std::string::npos; n = placemark.find("<name>", n + 1)) ++names;
            EXPECT_EQ(names, 1u) << placemark.substr(0, 300);
            ++placemarks;
            at = end;
        }
        EXPECT_EQ(placemarks, 2u);
    }
}

INSTANTIATE_TEST_SUITE_P(Write, EveryFormat,
                         testing::Values(geo::Format::gpkg, geo::Format::shapefile, geo::Format::geojson,
                                         geo::Format::flatgeobuf, geo::Format::kml),
                         [](const testing::TestParamInfo<geo::Format>& info) {
                             std::string name = geo::format_info(info.param).extension + 1;
                             return name;
                         });

TEST(Write, LookupTableReadsBackByName) {
    TempDir dir;
    geo::OutputLayer lookup{"lookup", "", {{"code", geo::FieldKind::text}, {"cu_code", geo::FieldKind::text}, {"officers", geo::FieldKind::integer}}, {}};
    lookup.features.push_back({nullptr, {std::string("E05000405"), std::string("SW"), std::int64_t{12}}});
    lookup.features.push_back({nullptr, {std::string("E05000406"), geo::FieldValue(), geo::FieldValue()}});
    write({lookup}, dir.path() / "lookup.csv", geo::Format::csv);
    const Table table = read_layer(dir.path() / "lookup.csv", "lookup", {"code", "cu_code", "officers"});
    ASSERT_EQ(table.size(), 2u);
    EXPECT_EQ(table[0].at("code"), "E05000405");
    EXPECT_EQ(table[0].at("cu_code"), "SW");
    EXPECT_EQ(table[0].at("officers"), "12");
    EXPECT_EQ(table[1].at("code"), "E05000406");
    EXPECT_EQ(table[1].at("cu_code"), "");
}

TEST(Write, SourceFieldsNamedGeomAndFidReachTheGeoPackageRenamed) {
    // The GeoPackage's geometry column is "geom" and its key "fid": a source field of either name
    // stopped the export with SQLite's "duplicate column name".
    geo::WardSet set = wardmap_test::row_of_wards({{"E05000001", "Aldgate", "E09000001", "City of London"},
                                                   {"E05000002", "Bishopsgate", "E09000001", "City of London"}});
    set.working_crs = geo::crs_from_epsg(27700);
    set.fields = {{"geom", geo::FieldKind::text}, {"FID", geo::FieldKind::integer}};
    set.units[0].values = {std::string("polygon A"), std::int64_t{7}};
    set.units[1].values = {std::string("polygon B"), std::int64_t{8}};
    const geo::Grouping grouping = geo::group_by_parent(set);
    TempDir dir;
    const fs::path path = dir.path() / "units.gpkg";
    write({geo::units_layer(set, grouping)}, path, geo::Format::gpkg);
    const Table table = read_layer(path, "units", {"code", "src_geom", "src_FID", "cu_code"});
    ASSERT_EQ(table.size(), 2u);
    EXPECT_EQ(table[0].at("code"), "E05000001");
    EXPECT_EQ(table[0].at("src_geom"), "polygon A");
    EXPECT_EQ(table[0].at("src_FID"), "7");
    EXPECT_EQ(table[1].at("src_geom"), "polygon B");
    EXPECT_EQ(table[1].at("src_FID"), "8");
    EXPECT_EQ(table[1].at("cu_code"), "E09000001");
}

TEST(Write, ShapefilesIntoAFolderOnePerLayer) {
    TempDir dir;
    const auto shapes = two_squares();
    geo::OutputLayer units = command_units(shapes), parents = command_units(shapes);
    units.name = "units";
    parents.name = "parents";
    write({units, parents}, dir.path(), geo::Format::shapefile);
    for (const char* layer : {"units", "parents"}) {
        const Table table = read_layer(dir.path() / (std::string(layer) + ".shp"), layer, {"code", "name"});
        ASSERT_EQ(table.size(), 2u) << layer;
        EXPECT_EQ(table[1].at("name"), "South West") << layer;
    }
}
