// Reading a layer's features with GDAL: any vector format it knows.
#include "geo/core/errors.h"
#include "geo/gdal/error_capture.h"
#include "geo/source/ogr_to_geos.h"
#include "geo/source/source_file.h"

#include <fmt/format.h>
#include <map>

namespace geo {
namespace {

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

void note_gdal_messages(const gdal::CplErrorCapture& gdal, const std::string& path, HygieneReport& report) {
    std::map<std::string, int> seen;
    for (const auto& message : gdal.failures()) ++seen[message];
    for (const auto& message : gdal.warnings()) ++seen[message];
    for (const auto& [message, times] : seen)
        report.add({ProblemKind::gdal_message, "", "", path,
                    times > 1 ? fmt::format("{} (x{})", message, times) : message, std::nullopt, 0});
}

}  // namespace

void gdal_units(SourceFile& source, const FieldMapping& mapping, const std::string& stem_field,
                VertexTransform& vertices, FileUnits& file) {
    OpenedLayer& opened = source.gdal;
    const std::string& path = opened.info.path;
    const OGRFeatureDefn& definition = *opened.layer->GetLayerDefn();
    for (int i = 0; i < definition.GetFieldCount(); ++i)
        file.fields.push_back({definition.GetFieldDefn(i)->GetNameRef(), kind_of(definition.GetFieldDefn(i)->GetType())});
    if (!stem_field.empty()) file.fields.push_back({stem_field, FieldKind::text});

    const FieldReader code = reader_for(mapping.code, definition, stem_field);
    const FieldReader name = reader_for(mapping.name, definition, stem_field);
    const FieldReader parent = reader_for(mapping.parent, definition, stem_field);
    const FieldReader parent_name = reader_for(mapping.parent_name, definition, stem_field);

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
        for (int i = 0; i < definition.GetFieldCount(); ++i) unit.values.push_back(value_of(*feature, i, file.fields[i].kind));
        if (!stem_field.empty()) unit.values.emplace_back(file.info.stem);
        const OGRGeometry* geometry = feature->GetGeometryRef();
        ConvertedShape converted = geometry && !unit.code.empty()
                                       ? to_geos(*geometry, vertices, where + " (" + unit.where() + ")")
                                       : ConvertedShape{};
        if (!converted.shape && geometry && !geometry->IsEmpty()) {
            ++non_polygon;
            continue;
        }
        keep_unit(file, std::move(unit), std::move(converted), where, mapping);
    }
    if (file.units.empty() && non_polygon > 0)
        throw InputError(path, "layer " + file.info.layer, fmt::format("none of its {} features is a polygon", features),
                         "wardmap dissolves areas: give a layer of ward or district polygons.");
    if (features == 0)
        throw InputError(path, "layer " + file.info.layer, "the layer has no features", "Give a file with boundary polygons.");
    file.info.features = features;
    note_gdal_messages(gdal, path, file.report);
    source.gdal.dataset.reset();  // close the file as soon as it is read
}


}  // namespace geo
