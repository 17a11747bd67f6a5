// geo/source/geojson_reader: the simdjson fast path reads what GDAL's GeoJSON driver reads (fields,
// types, values, coordinates bit for bit), on a real LSOA file and on small cases written here,
// and declines what it cannot read exactly so that the loader falls back to GDAL.
#include "geo/gdal/error_capture.h"
#include "geo/source/geojson_reader.h"
#include "support.h"

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <bit>
#include <cstdint>
#include <string>
#include <vector>

using geo::FieldKind;
using geo::GeoJsonLayer;
using geo::GeoJsonPolygons;
using geo::read_geojson;
using wardmap_test::shared_data;
using wardmap_test::TempDir;

namespace {

const std::string unit_square = R"({"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]})";

std::string feature(const std::string& properties, const std::string& geometry = unit_square) {
    return R"({"type": "Feature", "properties": )" + properties + R"(, "geometry": )" + geometry + "}";
}

// A FeatureCollection of `features` (joined by commas) in dir/name; `members` go before "features".
std::string write_collection(const TempDir& dir, const std::string& name, const std::vector<std::string>& features,
                             const std::string& members = "") {
    std::string text = R"({"type": "FeatureCollection", )" + members + R"("features": [)";
    for (std::size_t i = 0; i < features.size(); ++i) text += (i ? ",\n" : "\n") + features[i];
    const auto path = dir.path() / name;
    wardmap_test::write_text(path, text + "\n]}\n");
    return path.string();
}

GDALDatasetUniquePtr open_with_gdal(const std::string& path) {
    geo::gdal::ensure_registered();
    const char* const geojson_only[] = {"GeoJSON", nullptr};
    return GDALDatasetUniquePtr(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, geojson_only));
}

FieldKind kind_of(OGRFieldType type) {  // as the loader maps GDAL's types
    if (type == OFTInteger || type == OFTInteger64) return FieldKind::integer;
    return type == OFTReal ? FieldKind::real : FieldKind::text;
}

void add_polygon(const OGRPolygon& polygon, GeoJsonPolygons& shape) {
    const std::size_t rings_before = shape.ring_ends.size();
    for (const OGRLinearRing* ring : polygon) {
        if (ring->IsEmpty()) continue;
        std::vector<OGRRawPoint> points(ring->getNumPoints());
        ring->getPoints(points.data());
        for (const OGRRawPoint& point : points) shape.xy.insert(shape.xy.end(), {point.x, point.y});
        shape.ring_ends.push_back(static_cast<std::uint32_t>(shape.xy.size() / 2));
    }
    if (shape.ring_ends.size() > rings_before)
        shape.polygon_ends.push_back(static_cast<std::uint32_t>(shape.ring_ends.size()));
}

// GDAL's geometry of one feature, laid out as GeoJsonPolygons.
GeoJsonPolygons flatten(const OGRGeometry* geometry) {
    GeoJsonPolygons shape;
    if (!geometry || geometry->IsEmpty()) return shape;
    if (wkbFlatten(geometry->getGeometryType()) == wkbPolygon) add_polygon(*geometry->toPolygon(), shape);
    else
        for (const OGRPolygon* polygon : *geometry->toMultiPolygon()) add_polygon(*polygon, shape);
    return shape;
}

void expect_same_shape(const OGRGeometry* geometry, const geo::GeoJsonFeature& feature, const std::string& where) {
    const GeoJsonPolygons expected = flatten(geometry);
    EXPECT_EQ(feature.empty_geometry, !geometry || geometry->IsEmpty()) << where;
    EXPECT_EQ(feature.shape.polygon_ends, expected.polygon_ends) << where;
    EXPECT_EQ(feature.shape.ring_ends, expected.ring_ends) << where;
    ASSERT_EQ(feature.shape.xy.size(), expected.xy.size()) << where;
    for (std::size_t i = 0; i < expected.xy.size(); ++i)  // bits, so -0.0 is not 0.0
        ASSERT_EQ(std::bit_cast<std::uint64_t>(feature.shape.xy[i]), std::bit_cast<std::uint64_t>(expected.xy[i]))
            << where << ", coordinate " << i << ": " << feature.shape.xy[i] << " vs GDAL's " << expected.xy[i];
}

void expect_same_value(const OGRFeature& gdal, int field, FieldKind kind, const geo::FieldValue& value,
                       const std::string& where) {
    if (!gdal.IsFieldSetAndNotNull(field)) {
        EXPECT_TRUE(std::holds_alternative<std::monostate>(value)) << where;
        return;
    }
    switch (kind) {
        case FieldKind::integer:
            ASSERT_TRUE(std::holds_alternative<std::int64_t>(value)) << where;
            EXPECT_EQ(std::get<std::int64_t>(value), gdal.GetFieldAsInteger64(field)) << where;
            break;
        case FieldKind::real:
            ASSERT_TRUE(std::holds_alternative<double>(value)) << where;
            EXPECT_EQ(std::bit_cast<std::uint64_t>(std::get<double>(value)),
                      std::bit_cast<std::uint64_t>(gdal.GetFieldAsDouble(field)))
                << where << ": " << std::get<double>(value) << " vs GDAL's " << gdal.GetFieldAsDouble(field);
            break;
        case FieldKind::text:
            ASSERT_TRUE(std::holds_alternative<std::string>(value)) << where;
            EXPECT_EQ(std::get<std::string>(value), gdal.GetFieldAsString(field)) << where;
            break;
    }
}

// Everything GDAL's GeoJSON driver reads from `path`, against what read_geojson read.
void expect_same_as_gdal(const std::string& path, const GeoJsonLayer& layer) {
    const GDALDatasetUniquePtr dataset = open_with_gdal(path);
    ASSERT_TRUE(dataset) << path;
    OGRLayer& gdal_layer = *dataset->GetLayer(0);
    const OGRFeatureDefn& definition = *gdal_layer.GetLayerDefn();
    EXPECT_EQ(layer.name, gdal_layer.GetName());
    ASSERT_EQ(layer.fields.size(), static_cast<std::size_t>(definition.GetFieldCount())) << path;
    for (int i = 0; i < definition.GetFieldCount(); ++i) {
        EXPECT_EQ(layer.fields[i].name, definition.GetFieldDefn(i)->GetNameRef()) << path << " field " << i;
        EXPECT_EQ(layer.fields[i].kind, kind_of(definition.GetFieldDefn(i)->GetType())) << layer.fields[i].name;
    }
    ASSERT_EQ(layer.features.size(), static_cast<std::size_t>(gdal_layer.GetFeatureCount(TRUE))) << path;
    std::size_t index = 0;
    for (const auto& gdal_feature : gdal_layer) {
        const geo::GeoJsonFeature& feature = layer.features[index];
        const std::string where = path + " feature " + std::to_string(index);
        EXPECT_EQ(gdal_feature->GetFID(), static_cast<GIntBig>(index)) << where;
        ASSERT_EQ(feature.values.size(), layer.fields.size()) << where;
        for (int i = 0; i < definition.GetFieldCount(); ++i)
            expect_same_value(*gdal_feature, i, layer.fields[i].kind, feature.values[i],
                              where + " " + layer.fields[i].name);
        expect_same_shape(gdal_feature->GetGeometryRef(), feature, where);
        ++index;
    }
}

// Reads `path`, which must be readable, and checks it against GDAL.
GeoJsonLayer read_as_gdal_does(const std::string& path) {
    std::optional<GeoJsonLayer> layer = read_geojson(path);
    if (!layer) ADD_FAILURE() << path << " was declined";
    else expect_same_as_gdal(path, *layer);
    return layer ? std::move(*layer) : GeoJsonLayer{};
}

std::vector<std::string> names_of(const GeoJsonLayer& layer) {
    std::vector<std::string> names;
    for (const auto& field : layer.fields) names.push_back(field.name);
    return names;
}

}  // namespace

TEST(GeoJsonReader, HartlepoolLsoasAsGdalReadsThem) {
    const std::string path = shared_data("gb/lsoa-2011-by-lad/england/E06000001.json");
    const GeoJsonLayer layer = read_as_gdal_does(path);
    EXPECT_EQ(layer.features.size(), 58u);
    EXPECT_EQ(names_of(layer), (std::vector<std::string>{"LSOA11CD", "LSOA11NM"}));
    EXPECT_EQ(layer.crs_name, "urn:ogc:def:crs:OGC:1.3:CRS84");
    EXPECT_EQ(layer.name, "E06000001");
    EXPECT_EQ(std::get<std::string>(layer.features[0].values[0]), "E01011949");
}

TEST(GeoJsonReader, PointsAreDeclined) {
    const TempDir dir;
    const std::string point = R"({"type": "Point", "coordinates": [-1.2, 54.7]})";
    EXPECT_FALSE(read_geojson(write_collection(dir, "points.json", {feature(R"({"n": 1})", point)})));
    const std::string line = R"({"type": "LineString", "coordinates": [[0, 0], [1, 1]]})";
    EXPECT_FALSE(read_geojson(write_collection(dir, "lines.json", {feature("{}", unit_square), feature("{}", line)})));
    const std::string collection = R"({"type": "GeometryCollection", "geometries": [)" + unit_square + "]}";
    EXPECT_FALSE(read_geojson(write_collection(dir, "collection.json", {feature("{}", collection)})));
}

TEST(GeoJsonReader, TruncatedFileIsDeclined) {
    const TempDir dir;
    const std::string text = wardmap_test::read_text(shared_data("gb/lsoa-2011-by-lad/england/E06000001.json"));
    wardmap_test::write_text(dir.path() / "half.json", text.substr(0, text.size() / 2));
    EXPECT_FALSE(read_geojson((dir.path() / "half.json").string()));
    // Only the last brace missing: the whole document is validated, not just what is used.
    wardmap_test::write_text(dir.path() / "unclosed.json", text.substr(0, text.rfind('}')));
    EXPECT_FALSE(read_geojson((dir.path() / "unclosed.json").string()));
}

TEST(GeoJsonReader, NestedPropertiesAreDeclined) {
    const TempDir dir;  // GDAL flattens objects into "a.b" fields and makes arrays list fields
    EXPECT_FALSE(read_geojson(write_collection(dir, "object.json", {feature(R"({"a": {"b": 1}})")})));
    EXPECT_FALSE(read_geojson(write_collection(dir, "array.json", {feature(R"({"a": [1, 2]})")})));
}

TEST(GeoJsonReader, IntegerMeetingRealBecomesReal) {
    const TempDir dir;
    const GeoJsonLayer layer = read_as_gdal_does(write_collection(
        dir, "mixed.json", {feature(R"({"code": "E1", "hectares": 12})"), feature(R"({"code": "E2", "hectares": 2.5})")}));
    ASSERT_EQ(layer.fields.size(), 2u);
    EXPECT_EQ(layer.fields[1].kind, FieldKind::real);
    EXPECT_EQ(layer.features[0].values[1], geo::FieldValue(12.0));
    EXPECT_EQ(layer.features[1].values[1], geo::FieldValue(2.5));
}

TEST(GeoJsonReader, MixedPropertiesTypedAsGdalTypesThem) {
    const TempDir dir;  // booleans are 1/0 but "true" in text; reals in text as json-c writes them
    const GeoJsonLayer layer = read_as_gdal_does(write_collection(
        dir, "types.json",
        {feature(R"({"count": 1, "open": true, "note": null, "label": 1.5, "big": 12345678901})"),
         feature(R"({"count": -0, "open": false, "note": null, "label": "B", "big": 3})"),
         feature(R"({"count": 3, "open": true, "label": true, "big": null})"),
         feature(R"({"count": 4, "label": 1.0e5})"), feature(R"({"label": 0.1})")}));
    ASSERT_EQ(names_of(layer), (std::vector<std::string>{"count", "open", "note", "label", "big"}));
    EXPECT_EQ(layer.fields[1].kind, FieldKind::integer);
    EXPECT_EQ(layer.fields[2].kind, FieldKind::text);
    EXPECT_EQ(layer.features[1].values[1], geo::FieldValue(std::int64_t{0}));
    EXPECT_EQ(layer.features[2].values[3], geo::FieldValue(std::string("true")));
    EXPECT_EQ(layer.features[3].values[3], geo::FieldValue(std::string("100000.0")));
    EXPECT_EQ(layer.features[4].values[3], geo::FieldValue(std::string("0.10000000000000001")));
}

TEST(GeoJsonReader, FieldOrderIsGdals) {
    const TempDir dir;  // where the features leave the order open, GDAL sorts by name
    const GeoJsonLayer apart =
        read_as_gdal_does(write_collection(dir, "apart.json", {feature(R"({"b": 1})"), feature(R"({"a": 1})")}));
    EXPECT_EQ(names_of(apart), (std::vector<std::string>{"a", "b"}));
    const GeoJsonLayer inserted = read_as_gdal_does(write_collection(
        dir, "inserted.json", {feature(R"({"a": 1, "c": 1})"), feature(R"({"a": 1, "b": 1, "c": 1})")}));
    EXPECT_EQ(names_of(inserted), (std::vector<std::string>{"a", "b", "c"}));
    const GeoJsonLayer reversed = read_as_gdal_does(
        write_collection(dir, "reversed.json", {feature(R"({"y": 1, "x": 1})"), feature(R"({"x": 1, "y": 1})")}));
    EXPECT_EQ(names_of(reversed), (std::vector<std::string>{"y", "x"}));
}

TEST(GeoJsonReader, NullGeometryIsEmpty) {
    const TempDir dir;
    const GeoJsonLayer layer = read_as_gdal_does(write_collection(
        dir, "null.json",
        {feature(R"({"code": "E1"})", "null"), feature(R"({"code": "E2"})"),
         R"({"type": "Feature", "properties": {"code": "E3"}})"}));
    ASSERT_EQ(layer.features.size(), 3u);
    EXPECT_TRUE(layer.features[0].empty_geometry);
    EXPECT_TRUE(layer.features[0].shape.xy.empty());
    EXPECT_FALSE(layer.features[1].empty_geometry);
    EXPECT_TRUE(layer.features[2].empty_geometry);
}

TEST(GeoJsonReader, MultiPolygonWithHole) {
    const TempDir dir;  // an island, then a square with a square hole; z dropped, empty parts skipped
    const std::string geometry = R"({"coordinates": [
        [[[10, 10, 5], [11, 10, 5], [11, 11, 5], [10, 10, 5]], []],
        [],
        [[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]], [[1, 1], [1, 2], [2, 2], [2, 1], [1, 1]]]],
        "type": "MultiPolygon"})";
    const GeoJsonLayer layer = read_as_gdal_does(write_collection(dir, "hole.json", {feature("{}", geometry)}));
    ASSERT_EQ(layer.features.size(), 1u);
    const GeoJsonPolygons& shape = layer.features[0].shape;
    EXPECT_EQ(shape.polygon_ends, (std::vector<std::uint32_t>{1, 3}));
    EXPECT_EQ(shape.ring_ends, (std::vector<std::uint32_t>{4, 9, 14}));
    ASSERT_EQ(shape.xy.size(), 28u);
    EXPECT_EQ(shape.xy[8], 0.0);  // the second polygon's shell starts at point 4
    EXPECT_EQ(shape.xy[18], 1.0);  // its hole at point 9
}

TEST(GeoJsonReader, EmptyShellWithHolesIsDeclined) {
    const TempDir dir;
    const std::string geometry = R"({"type": "Polygon", "coordinates": [[], [[1, 1], [1, 2], [2, 2], [1, 1]]]})";
    EXPECT_FALSE(read_geojson(write_collection(dir, "shell.json", {feature("{}", geometry)})));
}

TEST(GeoJsonReader, CoordinatesAsGdalReadsThem) {
    const TempDir dir;  // -0 is json-c's integer 0; 0.95000000000000000000 broke simdjson 3.0.1's On-Demand
    const std::string geometry = R"({"type": "Polygon", "coordinates": [[[-0, 0.95000000000000000000],
        [-0.0, -0.12345678901234567890123], [1e2, 51.50000000000000000001], [-0, 0.95000000000000000000]]]})";
    const GeoJsonLayer layer = read_as_gdal_does(write_collection(dir, "numbers.json", {feature("{}", geometry)}));
    ASSERT_EQ(layer.features.size(), 1u);
    EXPECT_EQ(layer.features[0].shape.xy[1], 0.95);
}

TEST(GeoJsonReader, CrsMemberIsRead) {
    const TempDir dir;
    const auto layer = read_geojson(write_collection(
        dir, "bng.json", {feature("{}")}, R"("crs": {"type": "name", "properties": {"name": "EPSG:27700"}}, )"));
    ASSERT_TRUE(layer);
    EXPECT_EQ(layer->crs_name, "EPSG:27700");
}

TEST(GeoJsonReader, NoCrsMemberGivesEmptyName) {
    const TempDir dir;
    const auto layer = read_geojson(write_collection(dir, "wgs84.json", {feature("{}")}, R"("name": "wards", )"));
    ASSERT_TRUE(layer);
    EXPECT_EQ(layer->crs_name, "");
    EXPECT_EQ(layer->name, "wards");  // the collection's name, as GDAL names the layer
}

TEST(GeoJsonReader, WhatGdalReadsDifferentlyIsDeclined) {
    const TempDir dir;
    // Feature ids become GDAL's feature ids or an "id" field.
    const std::string with_id = R"({"type": "Feature", "id": 7, "properties": {}, "geometry": )" + unit_square + "}";
    EXPECT_FALSE(read_geojson(write_collection(dir, "id.json", {with_id})));
    // A field of dates becomes a GDAL Date field, written "2011/03/27".
    EXPECT_FALSE(read_geojson(write_collection(dir, "dates.json", {feature(R"({"opened": "2011-03-27"})")})));
    // A top-level Feature, or no file at all.
    const std::string single = (dir.path() / "single.json").string();
    wardmap_test::write_text(single, feature(R"({"code": "E1"})"));
    EXPECT_FALSE(read_geojson(single));
    EXPECT_FALSE(read_geojson((dir.path() / "missing.json").string()));
}

TEST(GeoJsonReader, DateLikeTextAmongOtherTextIsRead) {
    const TempDir dir;  // one string that is not a date keeps the field text, as in GDAL
    const GeoJsonLayer layer = read_as_gdal_does(write_collection(
        dir, "notes.json", {feature(R"({"note": "2011-03-27"})"), feature(R"({"note": "soon"})")}));
    ASSERT_EQ(layer.features.size(), 2u);
    EXPECT_EQ(layer.features[0].values[0], geo::FieldValue(std::string("2011-03-27")));
}
