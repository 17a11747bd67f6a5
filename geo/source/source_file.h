#pragma once
// One boundary file opened, its features not yet turned into units. GDAL reads any format; plain
// GeoJSON FeatureCollections of polygons (the ONS files) take a fast path that parses them at once.
#include "geo/source/geojson_reader.h"
#include "geo/source/open_layer.h"
#include "geo/source/ward.h"
#include "geo/source/vertex_transform.h"

#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace geo {

struct SourceFile {
    SourceInfo info;
    Crs crs;
    std::vector<std::string> field_names;
    OpenedLayer gdal;                     // when GDAL reads it
    std::optional<GeoJsonLayer> geojson;  // when the fast path has read it
};

// The units and problems one file contributes, before its fields are merged with the others'.
// A deque, so that a unit keeps its address while more are read: on_kept may hand it to
// another thread (validity is checked while a single large file is still being read).
struct FileUnits {
    SourceInfo info;
    std::vector<FieldDef> fields;
    std::deque<Ward> units;
    HygieneReport report;
    std::function<void(Ward&)> on_kept;
};

SourceFile open_source(const std::string& path, const std::optional<std::string>& layer,
                       const std::optional<Crs>& source_srs, const SourceQuery& query = {});

// The fields a mapping may name: the file's own, and the file-name stem field if asked for.
std::vector<std::string> available_fields(const SourceFile& file, const std::string& stem_field);

// Throws InputError when the file lacks a mapped field or holds no polygons.
// Fills `out` (whose on_kept, if set, sees each unit as it is kept). Copies of a vertex closer than
// half `snap_tolerance` (metres) are merged before they are transformed (vertex_transform.h).
void read_units(SourceFile& file, const FieldMapping& mapping, const std::string& stem_field, const Crs& working,
                double snap_tolerance, FileUnits& out);

// The two readers behind read_units; `vertices` transforms the file's coordinates. geojson_units
// moves the values out of file.geojson, which is of no use once read. gdal_units
// makes its own: a file in another CRS is transformed on every core, a batch of features at a
// time.
void gdal_units(SourceFile& file, const FieldMapping& mapping, const std::string& stem_field, const Crs& working,
                double snap_tolerance, FileUnits& out);
void geojson_units(SourceFile& file, const FieldMapping& mapping, const std::string& stem_field,
                   VertexTransform& vertices, FileUnits& out);

// Keeps a unit read from a file, or records why it is left out.
void keep_unit(FileUnits& file, Ward unit, struct ConvertedShape converted, const std::string& where,
               const FieldMapping& mapping);

}  // namespace geo
