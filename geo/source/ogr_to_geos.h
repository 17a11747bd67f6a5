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

// Two steps, so that reading (one core: GDAL) and transforming (every core) can be apart.
// First the polygons of `geometry` (curves made linear), flat, in the source CRS; returns the
// point and line parts left out.
std::size_t flatten_polygons(const OGRGeometry& geometry, struct GeoJsonPolygons& flat);
// The points of the rings of `geometry`'s polygonal parts (curves counted by their control points),
// counted without copying: a feature too large to read is refused before anything is made of it.
std::size_t polygon_points(const OGRGeometry& geometry);
// Then their shape in the working CRS. `vertices` belongs to the file (or batch) being read:
// places are shared between its features. dropped_parts is left 0.
ConvertedShape to_geos(const struct GeoJsonPolygons& polygons, VertexTransform& vertices, const std::string& where);

}  // namespace geo
