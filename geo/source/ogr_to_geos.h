#pragma once
// OGR geometry -> GEOS (Multi)Polygon in the working CRS, coordinates copied once through
// contiguous buffers: the hot path when loading two million vertices.
#include "geo/geos/context.h"
#include "geo/source/vertex_transform.h"

#include <ogr_geometry.h>

#include <string>

namespace geo {

struct ConvertedShape {
    geos::Geom shape;               // null when nothing polygonal was there
    std::size_t dropped_parts = 0;  // points or lines inside a collection
};

// `vertices` belongs to the file being read: places are shared between its features.
ConvertedShape to_geos(const OGRGeometry& geometry, VertexTransform& vertices, const std::string& where);
// The first half of that, which needs no transformation: the polygons of `geometry` (curves
// made linear), flat, in the source CRS. Returns the point and line parts left out.
std::size_t flatten_polygons(const OGRGeometry& geometry, struct GeoJsonPolygons& flat);
ConvertedShape to_geos(const struct GeoJsonPolygons& polygons, VertexTransform& vertices, const std::string& where);

}  // namespace geo
