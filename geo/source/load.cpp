#include "geo/source/load.h"

#include "geo/core/errors.h"
#include "geo/core/parallel.h"
#include "geo/gdal/error_capture.h"
#include "geo/hygiene/repair.h"
#include "geo/hygiene/snap.h"
#include "geo/source/ogr_to_geos.h"
#include "geo/source/open_layer.h"

#include <fmt/format.h>
#include <map>
#include <mutex>
#include <unordered_map>

namespace geo {
namespace {

// What one file contributes, before its fields are merged with the others'.
struct FileUnits {
    SourceInfo info;
    std::vector<FieldDef> fields;
    std::vector<Unit> units;
    HygieneReport report;
};

FieldKind kind_of(OGRFieldType type) {
    switch (type) {
        case OFTInteger:
        case OFTInteger64: return FieldKind::integer;
        case OFTReal: return FieldKind::real;
        default: return FieldKind::text;
    }
}

FieldValue value_of(const OGRFeature& feature, int index, FieldKind kind) {
    if (!feature.IsFieldSetAndNotNull(index)) return std::monostate{};
    switch (kind) {
        case FieldKind::integer: return static_cast<std::int64_t>(feature.GetFieldAsInteger64(index));
        case FieldKind::real: return feature.GetFieldAsDouble(index);
        case FieldKind::text: return std::string(feature.GetFieldAsString(index));
    }
    return std::monostate{};
}

// The text of a mapped field for one feature: a real field, or the file-name stem field.
struct FieldReader {
    int index = -1;
    bool from_stem = false;
    std::string read(const OGRFeature& feature, const std::string& stem) const {
        if (from_stem) return stem;
        if (index < 0 || !feature.IsFieldSetAndNotNull(index)) return {};
        return feature.GetFieldAsString(index);
    }
};

FieldReader reader_for(const std::string& field, const OGRFeatureDefn& definition, const std::string& stem_field) {
    FieldReader reader;
    if (field.empty()) return reader;
    if (field == stem_field) reader.from_stem = true;
    else reader.index = definition.GetFieldIndex(field.c_str());
    return reader;
}

std::vector<std::string> available_fields(const OpenedLayer& opened, const std::string& stem_field) {
    std::vector<std::string> names = opened.field_names;
    if (!stem_field.empty()) names.push_back(stem_field);
    return names;
}

void note_gdal_messages(const gdal::CplErrorCapture& gdal, const std::string& path, HygieneReport& report) {
    std::map<std::string, int> seen;
    for (const auto& message : gdal.failures()) ++seen[message];
    for (const auto& message : gdal.warnings()) ++seen[message];
    for (const auto& [message, times] : seen)
        report.add({ProblemKind::gdal_message, "", "", path,
                    times > 1 ? fmt::format("{} (x{})", message, times) : message, std::nullopt, 0});
}

FileUnits read_file(OpenedLayer& opened, const FieldMapping& mapping, const std::string& stem_field,
                    const Crs& working) {
    FileUnits file;
    file.info = opened.info;
    const std::string& path = opened.info.path;
    // Each file checks the mapping against its own fields: a folder may mix releases.
    map_fields(available_fields(opened, stem_field),
               FieldChoice{mapping.code, mapping.name.empty() ? std::nullopt : std::optional(mapping.name),
                           mapping.parent.empty() ? std::nullopt : std::optional(mapping.parent),
                           mapping.parent_name.empty() ? std::nullopt : std::optional(mapping.parent_name)},
               path);
    const OGRFeatureDefn& definition = *opened.layer->GetLayerDefn();
    for (int i = 0; i < definition.GetFieldCount(); ++i)
        file.fields.push_back({definition.GetFieldDefn(i)->GetNameRef(), kind_of(definition.GetFieldDefn(i)->GetType())});
    if (!stem_field.empty()) file.fields.push_back({stem_field, FieldKind::text});

    const FieldReader code = reader_for(mapping.code, definition, stem_field);
    const FieldReader name = reader_for(mapping.name, definition, stem_field);
    const FieldReader parent = reader_for(mapping.parent, definition, stem_field);
    const FieldReader parent_name = reader_for(mapping.parent_name, definition, stem_field);
    const Transformer& transformer = cached_transformer(opened.crs, working);

    gdal::CplErrorCapture gdal;
    std::size_t non_polygon = 0, features = 0;
    for (const auto& feature : *opened.layer) {
        ++features;
        Unit unit;
        unit.feature = feature->GetFID();
        unit.code = code.read(*feature, file.info.stem);
        unit.name = name.read(*feature, file.info.stem);
        unit.parent_code = parent.read(*feature, file.info.stem);
        unit.parent_name = parent_name.read(*feature, file.info.stem);
        const std::string where = fmt::format("{} feature {}", path, unit.feature);
        if (unit.code.empty()) {
            file.report.add({ProblemKind::missing_code, "", unit.name, where, "field " + mapping.code + " is empty",
                             std::nullopt, 0});
            continue;
        }
        for (int i = 0; i < definition.GetFieldCount(); ++i) unit.values.push_back(value_of(*feature, i, file.fields[i].kind));
        if (!stem_field.empty()) unit.values.emplace_back(file.info.stem);
        const OGRGeometry* geometry = feature->GetGeometryRef();
        ConvertedShape converted = geometry ? to_geos(*geometry, transformer, where + " (" + unit.where() + ")")
                                            : ConvertedShape{};
        if (!converted.shape) {
            if (geometry && !geometry->IsEmpty()) ++non_polygon;
            else file.report.add({ProblemKind::empty_geometry, unit.code, unit.name, where, "no geometry", std::nullopt, 0});
            continue;
        }
        if (converted.dropped_parts)
            file.report.add({ProblemKind::parts_dropped, unit.code, unit.name, where,
                             fmt::format("{} point or line part(s) dropped", converted.dropped_parts), std::nullopt, 0});
        unit.shape = std::move(converted.shape);
        file.units.push_back(std::move(unit));
    }
    if (file.units.empty() && non_polygon > 0)
        throw InputError(path, "layer " + file.info.layer, fmt::format("none of its {} features is a polygon", features),
                         "wardmap dissolves areas: give a layer of ward or district polygons.");
    if (features == 0)
        throw InputError(path, "layer " + file.info.layer, "the layer has no features", "Give a file with boundary polygons.");
    file.info.features = features;
    note_gdal_messages(gdal, path, file.report);
    return file;
}

// Merges each file's fields by name into one list; an integer meeting a real becomes real,
// a number meeting text becomes text.
void merge_fields(std::vector<FileUnits>& files, UnitSet& set) {
    std::unordered_map<std::string, std::size_t> index;
    for (const FileUnits& file : files)
        for (const FieldDef& field : file.fields) {
            auto [it, added] = index.try_emplace(field.name, set.fields.size());
            if (added) set.fields.push_back(field);
            else if (set.fields[it->second].kind != field.kind)
                set.fields[it->second].kind = (field.numeric() && set.fields[it->second].numeric()) ? FieldKind::real : FieldKind::text;
        }
    for (FileUnits& file : files) {
        std::vector<std::size_t> to_global;
        for (const FieldDef& field : file.fields) to_global.push_back(index.at(field.name));
        for (Unit& unit : file.units) {
            std::vector<FieldValue> values(set.fields.size());
            for (std::size_t i = 0; i < unit.values.size(); ++i) {
                const FieldDef& global = set.fields[to_global[i]];
                FieldValue& value = values[to_global[i]];
                value = std::move(unit.values[i]);
                if (global.kind == FieldKind::real)
                    if (auto number = as_number(value)) value = *number;
                if (global.kind == FieldKind::text && !std::holds_alternative<std::monostate>(value)) value = as_text(value);
            }
            unit.values = std::move(values);
            unit.source = set.sources.size();
            set.units.push_back(std::move(unit));
        }
        set.sources.push_back(std::move(file.info));
        set.hygiene.append(file.report);
    }
}

// Validity is checked unit by unit on every core, after reading: one big file gets both cores too.
void repair_invalid(UnitSet& set) {
    std::vector<HygieneReport> found(set.units.size());
    parallel_for(set.units.size(), [&](std::size_t u) {
        Unit& unit = set.units[u];
        ensure_valid(unit, fmt::format("{} feature {}", set.sources[unit.source].path, unit.feature), found[u]);
    });
    for (const HygieneReport& report : found) set.hygiene.append(report);
}

void report_duplicates(UnitSet& set) {
    std::unordered_map<std::string, std::size_t> first;
    for (std::size_t i = 0; i < set.units.size(); ++i) {
        const Unit& unit = set.units[i];
        auto [it, added] = first.try_emplace(unit.code, i);
        if (!added) {
            const Unit& earlier = set.units[it->second];
            set.hygiene.add({ProblemKind::duplicate_code, unit.code, unit.name,
                             fmt::format("{} feature {}", set.sources[unit.source].path, unit.feature),
                             fmt::format("same code as {} feature {} ({})", set.sources[earlier.source].path,
                                         earlier.feature, earlier.name),
                             Location{0, 0}, 0});
            set.hygiene.problems.back().location = [&] { auto p = geos::point_on_surface(*unit.shape); return Location{p.x, p.y}; }();
        }
    }
}

}  // namespace

UnitSet load_units(const LoadOptions& options, const Progress& progress) {
    const std::vector<std::string> paths = expand_sources(options.sources);
    const std::optional<Crs> source_srs =
        options.source_srs ? std::optional(crs_from_user(*options.source_srs, "-s_srs")) : std::nullopt;

    // The first file decides the field mapping and the working CRS; the rest load in parallel.
    std::vector<OpenedLayer> opened(paths.size());
    opened[0] = open_layer(paths[0], options.layer, source_srs);
    UnitSet set;
    set.mapping = map_fields(available_fields(opened[0], options.stem_field), options.fields, paths[0]);
    // A projected source in metres is worked in as it is: no transformation, no rounding.
    const Crs& first = opened[0].crs;
    if (first.srs.IsProjected() && first.srs.GetLinearUnits() == 1.0) {
        set.working_crs = first;
        set.working_crs.how = "the first source's own: projected, in metres";
    } else {
        set.working_crs = choose_working_crs(to_lonlat(opened[0].info.extent, first));
    }

    std::vector<FileUnits> files(paths.size());
    std::atomic<std::size_t> done{0};
    std::mutex progress_mutex;
    parallel_for(paths.size(), [&](std::size_t i) {
        if (i > 0) opened[i] = open_layer(paths[i], options.layer, source_srs);
        files[i] = read_file(opened[i], set.mapping, options.stem_field, set.working_crs);
        opened[i].dataset.reset();  // close the file as soon as it is read
        std::lock_guard lock(progress_mutex);
        report(progress, "reading", static_cast<double>(++done) / paths.size());
    });
    merge_fields(files, set);
    report(progress, "checking", 0);
    repair_invalid(set);
    report_duplicates(set);
    report(progress, "snapping", 0);
    snap_coverage(set.units, options.snap_tolerance, set.hygiene);
    for (const Unit& unit : set.units) {
        double minx, miny, maxx, maxy;
        GEOSGeom_getXMin_r(geos::handle(), unit.shape.get(), &minx);
        GEOSGeom_getYMin_r(geos::handle(), unit.shape.get(), &miny);
        GEOSGeom_getXMax_r(geos::handle(), unit.shape.get(), &maxx);
        GEOSGeom_getYMax_r(geos::handle(), unit.shape.get(), &maxy);
        set.extent.include(minx, miny);
        set.extent.include(maxx, maxy);
    }
    return set;
}

}  // namespace geo
