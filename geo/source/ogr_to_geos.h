#pragma once
// OGR geometry -> GEOS (Multi)Polygon in the working CRS, coordinates copied once through
// contiguous buffers: the hot path when loading two million vertices.
#include "geo/crs/crs.h"
#include "geo/geos/context.h"

#include <ogr_geometry.h>

#include <string>

namespace geo {

struct ConvertedShape {
    geos::Geom shape;               // null when nothing polygonal was there
    std::size_t dropped_parts = 0;  // points or lines inside a collection
};

ConvertedShape to_geos(const OGRGeometry& geometry, const Transformer& transformer, const std::string& where);
ConvertedShape to_geos(const struct GeoJsonPolygons& polygons, const Transformer& transformer, const std::string& where);

}  // namespace geo
