#include "render/briefing/geometry_path.h"

#include "geo/geos/context.h"

#include <cmath>

namespace render {
namespace {

void append_ring(cairo_t* cairo, const GEOSGeometry& ring, const PageTransform& transform, double min_step) {
    const GEOSContextHandle_t h = geo::geos::handle();
    const GEOSCoordSequence* coords = GEOSGeom_getCoordSeq_r(h, &ring);
    unsigned int size = 0;
    if (!coords || !GEOSCoordSeq_getSize_r(h, coords, &size) || size < 3) return;
    PagePoint last{};
    for (unsigned int i = 0; i < size; ++i) {
        double x = 0, y = 0;
        GEOSCoordSeq_getXY_r(h, coords, i, &x, &y);
        const PagePoint p = transform.to_page(x, y);
        if (i == 0) {
            cairo_move_to(cairo, p.x, p.y);
        } else if (i + 1 == size || std::abs(p.x - last.x) + std::abs(p.y - last.y) >= min_step) {
            cairo_line_to(cairo, p.x, p.y);
        } else {
            continue;
        }
        last = p;
    }
    cairo_close_path(cairo);
}

void append_polygon(cairo_t* cairo, const GEOSGeometry& polygon, const PageTransform& transform, double min_step) {
    geo::geos::for_each_ring(polygon, [&](const GEOSGeometry& ring) { append_ring(cairo, ring, transform, min_step); });
}

}  // namespace

void append_polygons(cairo_t* cairo, const GEOSGeometry& shape, const PageTransform& transform, double min_step) {
    const GEOSContextHandle_t h = geo::geos::handle();
    const int type = GEOSGeomTypeId_r(h, &shape);
    if (type == GEOS_POLYGON) {
        append_polygon(cairo, shape, transform, min_step);
    } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
        for (int p = 0; p < GEOSGetNumGeometries_r(h, &shape); ++p)
            append_polygons(cairo, *GEOSGetGeometryN_r(h, &shape, p), transform, min_step);
    }
}

}  // namespace render
