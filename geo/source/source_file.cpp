#include "geo/source/source_file.h"

#include "geo/core/errors.h"
#include "geo/source/fields.h"
#include "geo/source/ogr_to_geos.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fmt/format.h>

namespace geo {
namespace {

bool looks_like_geojson(const std::string& path) {
    std::string extension = std::filesystem::path(path).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(), [](unsigned char c) { return std::tolower(c); });
    return (extension == ".json" || extension == ".geojson") && path.rfind("/vsi", 0) != 0;
}

Extent extent_of(const GeoJsonLayer& layer) {
    Extent extent;
    for (const GeoJsonFeature& feature : layer.features)
        for (std::size_t i = 0; i + 1 < feature.shape.xy.size(); i += 2) extent.include(feature.shape.xy[i], feature.shape.xy[i + 1]);
    return extent;
}

std::optional<SourceFile> open_geojson(const std::string& path, const std::optional<Crs>& source_srs) {
    std::optional<GeoJsonLayer> layer = read_geojson(path);
    if (!layer || layer->features.empty()) return std::nullopt;  // GDAL says what is wrong
    SourceFile file;
    file.info.path = path;
    file.info.layer = layer->name;
    file.info.driver = "GeoJSON";
    file.info.stem = std::filesystem::path(path).stem().string();
    file.info.features = layer->features.size();
    file.info.extent = extent_of(*layer);
    // RFC 7946: no crs member means WGS84 lon/lat, as GDAL reads it too.
    if (source_srs) {
        file.crs = *source_srs;
    } else {
        file.crs = layer->crs_name.empty() ? crs_from_epsg(4326) : crs_from_user(layer->crs_name, "the file's crs member");
        file.crs.how = "declared";
        check_plausible(file.info.extent, file.crs, path);
    }
    file.info.crs_label = file.crs.label;
    file.info.crs_how = file.crs.how;
    for (const FieldDef& field : layer->fields) file.field_names.push_back(field.name);
    file.geojson = std::move(layer);
    return file;
}

}  // namespace

SourceFile open_source(const std::string& path, const std::optional<std::string>& layer,
                       const std::optional<Crs>& source_srs, const SourceQuery& query) {
    if (!layer && query.empty() && looks_like_geojson(path))  // the fast path reads every feature
        if (auto fast = open_geojson(path, source_srs)) return std::move(*fast);
    SourceFile file;
    file.gdal = open_layer(path, layer, source_srs, query);
    file.info = file.gdal.info;
    file.crs = file.gdal.crs;
    file.field_names = file.gdal.field_names;
    return file;
}

std::vector<std::string> available_fields(const SourceFile& file, const std::string& stem_field) {
    std::vector<std::string> names = file.field_names;
    if (!stem_field.empty()) names.push_back(stem_field);
    return names;
}

void read_units(SourceFile& file, const FieldMapping& mapping, const std::string& stem_field, const Crs& working,
                double snap_tolerance, FileUnits& units) {
    // Each file checks the mapping against its own fields: a folder may mix releases.
    auto given = [](const std::string& name) { return name.empty() ? std::nullopt : std::optional(name); };
    map_fields(available_fields(file, stem_field),
               FieldChoice{mapping.code, given(mapping.name), given(mapping.parent), given(mapping.parent_name)},
               file.info.path);
    units.info = file.info;
    if (file.geojson) {
        VertexTransform vertices(cached_transformer(file.crs, working), file.crs, snap_tolerance);
        geojson_units(file, mapping, stem_field, vertices, units);
        units.report.vertices_snapped += vertices.merged();
    } else {
        gdal_units(file, mapping, stem_field, working, snap_tolerance, units);
    }
}

void keep_unit(FileUnits& file, Ward unit, ConvertedShape converted, const std::string& where, const FieldMapping& mapping) {
    if (unit.code.empty()) {
        file.report.add({ProblemKind::missing_code, "", unit.name, where, "field " + mapping.code + " is empty", std::nullopt, 0});
        return;
    }
    if (!converted.shape) {
        file.report.add({ProblemKind::empty_geometry, unit.code, unit.name, where, "no geometry", std::nullopt, 0});
        return;
    }
    if (converted.dropped_parts)
        file.report.add({ProblemKind::parts_dropped, unit.code, unit.name, where,
                         fmt::format("{} point or line part(s) dropped", converted.dropped_parts), std::nullopt, 0});
    unit.shape = std::move(converted.shape);
    file.units.push_back(std::move(unit));
    if (file.on_kept) file.on_kept(file.units.back());
}

}  // namespace geo
