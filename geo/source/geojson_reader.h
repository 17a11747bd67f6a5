#pragma once
// A fast path for the GeoJSON boundary files we load most (ONS LSOAs and wards): one
// FeatureCollection of polygons with flat properties, read with simdjson. On the 348 LSOA files
// GDAL's driver takes ~2.7 s of CPU, mostly in its JSON parser and strtod; this takes ~0.12 s and
// gives the same fields, values and coordinates, bit for bit.
// Anything else it declines, and the caller opens the file with GDAL, which says what is wrong.
#include "geo/source/ward.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace geo {

// One feature's geometry, flat: no allocation per ring.
struct GeoJsonPolygons {
    std::vector<double> xy;                   // x0,y0,x1,y1,... for all rings of all polygons
    std::vector<std::uint32_t> ring_ends;     // end index (in points) of each ring, exclusive
    std::vector<std::uint32_t> polygon_ends;  // end index (in rings) of each polygon; first ring of a polygon is its shell
};

struct GeoJsonFeature {
    std::vector<FieldValue> values;  // parallel to GeoJsonLayer::fields
    GeoJsonPolygons shape;
    // "geometry": null or absent, or a Polygon/MultiPolygon with no points at all: GDAL gives
    // no geometry or an empty one, which the loader reports the same way.
    bool empty_geometry = false;
};

// GDAL's feature id of features[i] is i: files with feature-level "id" members are declined.
struct GeoJsonLayer {
    std::string crs_name;  // crs.properties.name, e.g. "urn:ogc:def:crs:OGC:1.3:CRS84" or "EPSG:27700"; empty if no crs member
    std::string name;      // the collection's "name" member, or the file stem
    std::vector<FieldDef> fields;
    std::vector<GeoJsonFeature> features;
};

// Fields come in GDAL's order and with GDAL's types: an integer field holds int64 values, a field
// with any real number is real, a field with any string is text (numbers then written as GDAL
// writes them), true/false are 1/0 (or "true"/"false" in a text field), null or missing is
// std::monostate. Z coordinates are dropped; empty rings and polygons are skipped.
//
// Returns nullopt when the file is not a plain FeatureCollection of Polygon/MultiPolygon features
// with flat properties: Points, LineStrings, GeometryCollections, nested objects or arrays in
// properties, feature "id" members, properties GDAL would read as dates, a top-level Feature or
// Geometry, invalid JSON, a missing file. The caller then falls back to GDAL, which gives the
// user-facing error. Throws InputError for a file beyond geo/source/limits.h (a feature with too
// many points, too many fields): GDAL would take minutes and gigabytes to say the same.
std::optional<GeoJsonLayer> read_geojson(const std::string& path);

}  // namespace geo
