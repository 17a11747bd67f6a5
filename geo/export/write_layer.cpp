#include "geo/export/write_layer.h"

#include "geo/core/errors.h"

#include <fmt/format.h>

namespace geo {
namespace {

OGRFieldType ogr_type(FieldKind kind) {
    switch (kind) {
        case FieldKind::integer: return OFTInteger64;
        case FieldKind::real: return OFTReal;
        case FieldKind::text: return OFTString;
    }
    return OFTString;
}

void set_value(OGRFeature& feature, int index, const FieldValue& value) {
    if (const auto* i = std::get_if<std::int64_t>(&value)) feature.SetField(index, static_cast<GIntBig>(*i));
    else if (const auto* d = std::get_if<double>(&value)) feature.SetField(index, *d);
    else if (const auto* s = std::get_if<std::string>(&value)) feature.SetField(index, s->c_str());
    else feature.SetFieldNull(index);
}

// GEOS -> OGR through WKB, then into the target CRS.
std::unique_ptr<OGRGeometry> to_ogr(const GEOSGeometry& shape, OGRCoordinateTransformation* transform) {
    const std::vector<unsigned char> wkb = geos::to_wkb(shape);
    OGRGeometry* made = nullptr;
    const OGRErr error = OGRGeometryFactory::createFromWkb(wkb.data(), nullptr, &made, wkb.size());
    if (error != OGRERR_NONE || !made) throw OutputError("cannot decode a geometry for GDAL");
    std::unique_ptr<OGRGeometry> geometry(made);
    geometry.reset(OGRGeometryFactory::forceToMultiPolygon(geometry.release()));
    if (transform && geometry->transform(transform) != OGRERR_NONE)
        throw OutputError("cannot transform a geometry into the output CRS");
    return geometry;
}

}  // namespace

std::vector<std::string> write_layer(GDALDataset& dataset, const OutputLayer& layer, const FormatInfo& format,
                                     OGRSpatialReference* srs, OGRCoordinateTransformation* transform,
                                     const WriteOptions& write, const Progress& progress,
                                     const gdal::CplErrorCapture& gdal) {
    const std::string& provenance = write.provenance;
    CPLStringList options;
    if (!provenance.empty() && (format.format == Format::gpkg || format.format == Format::geojson || format.database))
        options.SetNameValue("DESCRIPTION", (layer.description + "\n" + provenance).c_str());  // PostgreSQL: COMMENT ON TABLE
    if (format.database) {
        // The same column names as the GeoPackage (GSS_Code, not gss_code), and the names QGIS expects.
        options.SetNameValue("LAUNDER", "NO");
        options.SetNameValue("GEOMETRY_NAME", "geom");
        options.SetNameValue("FID", "fid");
    }
    if (format.format == Format::geojson) {
        options.SetNameValue("RFC7946", "YES");
        // 15 figures print a rounded value as it was rounded (40.624014, not 40.624014000000003);
        // coordinates keep RFC 7946's 7 decimals (1 cm), which the figures would otherwise replace.
        options.SetNameValue("SIGNIFICANT_FIGURES", "15");
        options.SetNameValue("COORDINATE_PRECISION", "7");
    }
    if (format.format == Format::shapefile) {
        options.SetNameValue("ENCODING", "UTF-8");
        options.SetNameValue("RESIZE", "YES");  // text columns as wide as their longest value, not cut at 80
    }
    for (const std::string& option : write.layer_creation) {
        const auto equals = option.find('=');
        options.SetNameValue(option.substr(0, equals).c_str(), option.substr(equals + 1).c_str());
    }
    OGRLayer* out = dataset.CreateLayer(layer.name.c_str(), format.geometry ? srs : nullptr,
                                        format.geometry ? wkbMultiPolygon : wkbNone, options.List());
    if (!out) throw OutputError("cannot create layer " + layer.name + " (" + gdal.last_failure() + ")");
    // Where each field went: a driver may have columns of its own first (KML: Name, Description),
    // so values are set at the index each field got, never at its position in layer.fields.
    std::vector<int> index;
    std::vector<std::string> names;
    for (const FieldDef& field : layer.fields) {
        OGRFieldDefn definition(field.name.c_str(), ogr_type(field.kind));
        const int before = out->GetLayerDefn()->GetFieldCount();
        if (out->CreateField(&definition) != OGRERR_NONE || out->GetLayerDefn()->GetFieldCount() != before + 1)
            throw OutputError("cannot create field " + field.name + " (" + gdal.last_failure() + ")");
        index.push_back(before);
        names.emplace_back(out->GetLayerDefn()->GetFieldDefn(before)->GetNameRef());
    }
    // A database is written inside one transaction of the whole dataset already (write_database.cpp).
    const bool transaction = !format.database && out->StartTransaction() == OGRERR_NONE;
    std::size_t written = 0;
    for (const OutputFeature& source : layer.features) {
        OGRFeature feature(out->GetLayerDefn());
        for (std::size_t i = 0; i < source.values.size() && i < index.size(); ++i) set_value(feature, index[i], source.values[i]);
        if (format.geometry && source.shape) feature.SetGeometryDirectly(to_ogr(*source.shape, transform).release());
        if (out->CreateFeature(&feature) != OGRERR_NONE)
            throw OutputError(fmt::format("cannot write feature {} of layer {} ({})", written + 1, layer.name, gdal.last_failure()));
        if (++written % 256 == 0) report(progress, "writing " + layer.name, double(written) / layer.features.size());
    }
    if (transaction && out->CommitTransaction() != OGRERR_NONE) throw OutputError("cannot finish layer " + layer.name);
    return names;
}

}  // namespace geo
