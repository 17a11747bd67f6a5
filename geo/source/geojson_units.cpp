#include "geo/source/ogr_to_geos.h"
#include "geo/source/source_file.h"

#include <fmt/format.h>

namespace geo {

void geojson_units(SourceFile& file, const FieldMapping& mapping, const std::string& stem_field,
                   VertexTransform& vertices, FileUnits& out) {
    GeoJsonLayer& layer = *file.geojson;
    out.fields = layer.fields;
    if (!stem_field.empty()) out.fields.push_back({stem_field, FieldKind::text});
    auto index_of = [&](const std::string& name) -> int {
        for (std::size_t i = 0; i < out.fields.size(); ++i)
            if (out.fields[i].name == name) return static_cast<int>(i);
        return -1;
    };
    const int code = index_of(mapping.code), name = index_of(mapping.name), parent = index_of(mapping.parent),
              parent_name = index_of(mapping.parent_name);
    for (std::size_t f = 0; f < layer.features.size(); ++f) {
        GeoJsonFeature& feature = layer.features[f];
        Ward unit;
        unit.feature = static_cast<std::int64_t>(f);
        unit.values = std::move(feature.values);  // the layer is dropped once read: one copy of the values, not two
        if (!stem_field.empty()) unit.values.emplace_back(file.info.stem);
        auto text = [&](int i) { return i < 0 ? std::string() : as_text(unit.values[i]); };
        unit.code = text(code);
        unit.name = text(name);
        unit.parent_code = text(parent);
        unit.parent_name = text(parent_name);
        const std::string where = fmt::format("{} feature {}", file.info.path, unit.feature);
        ConvertedShape converted = feature.empty_geometry || unit.code.empty()
                                       ? ConvertedShape{}
                                       : to_geos(feature.shape, vertices, where + " (" + unit.where() + ")");
        keep_unit(out, std::move(unit), std::move(converted), where, mapping);
    }
}

}  // namespace geo
