#pragma once
// GEOS polygons as Cairo paths through a page transform.
#include "render/briefing/page_transform.h"

#include <cairo.h>
#include <geos_c.h>

namespace render {

// Appends every ring of a Polygon or MultiPolygon (other types are ignored) to the current path.
// Vertices closer than `min_step` points to the last one kept are skipped: the London wards have
// 164,000 vertices, most of them finer than a printer dot at briefing scale. Fill with EVEN_ODD.
void append_polygons(cairo_t* cairo, const GEOSGeometry& shape, const PageTransform& transform, double min_step = 0.15);

}  // namespace render
