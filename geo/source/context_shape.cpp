#include "geo/source/context_shape.h"

#include "geo/core/errors.h"
#include "geo/gdal/error_capture.h"
#include "geo/source/open_layer.h"

namespace geo {

ContextShape load_context_shape(const std::string& path, const Crs& working_crs) {
    OpenedLayer opened = open_layer(path, std::nullopt, std::nullopt);
    const Transformer& transformer = cached_transformer(opened.crs, working_crs);
    gdal::CplErrorCapture gdal;
    std::vector<geos::Geom> parts;
    for (const auto& feature : *opened.layer) {
        const OGRGeometry* read = feature->GetGeometryRef();
        if (!read) continue;
        // Curves (a GeoPackage may hold them) become line segments before GEOS sees them.
        std::unique_ptr<OGRGeometry> geometry(read->getLinearGeometry());
        if (!geometry) continue;
        const OGRwkbGeometryType type = wkbFlatten(geometry->getGeometryType());
        if (type != wkbPolygon && type != wkbMultiPolygon) continue;
        if (OGRCoordinateTransformation* to_working = transformer.get(); to_working && geometry->transform(to_working) != OGRERR_NONE)
            throw InputError(path, "feature " + std::to_string(feature->GetFID()),
                             "cannot be transformed to " + working_crs.label + ": " + gdal.last_failure(), "");
        parts.push_back(geos::own(geometry->exportToGEOS(geos::handle()), "read a context shape from " + path));
    }
    if (parts.empty()) throw InputError(path, "layer " + opened.info.layer, "holds no polygons", "");
    ContextShape context;
    const geos::Geom all = geos::collect(GEOS_GEOMETRYCOLLECTION, std::move(parts), "collect " + path);
    context.shape = geos::own(GEOSUnaryUnion_r(geos::handle(), all.get()), "union the shapes of " + path);
    context.extent = geos::envelope(*context.shape);
    return context;
}

}  // namespace geo
