#include "geo/dissolve/coverage_union.h"

#include "geo/dissolve/edge_union.h"
#include "geo/geos/proven_valid.h"
#include "geo/hygiene/repair.h"

namespace geo {
namespace {

geos::Geom collection_of(const std::vector<const GEOSGeometry*>& members) {
    std::vector<geos::Geom> copies;
    copies.reserve(members.size());
    for (const GEOSGeometry* member : members) copies.push_back(geos::clone(*member));
    return geos::collect(GEOS_GEOMETRYCOLLECTION, std::move(copies), "collect members");
}

// Rebuilds a polygon without its holes under `limit` m².
geos::Geom without_small_holes(const GEOSGeometry& polygon, double limit, CoverageUnionResult& result) {
    const GEOSContextHandle_t h = geos::handle();
    const int n = GEOSGetNumInteriorRings_r(h, &polygon);
    std::vector<geos::Geom> kept;
    bool dropped = false;
    for (int i = 0; i < n; ++i) {
        const GEOSGeometry* ring = GEOSGetInteriorRingN_r(h, &polygon, i);
        const double hole_area = geos::ring_area(*ring);
        if (hole_area < limit) {
            ++result.slivers_closed;
            result.sliver_area += hole_area;
            dropped = true;
        } else {
            kept.push_back(geos::clone(*ring));
        }
    }
    if (!dropped) return geos::clone(polygon);
    return geos::make_polygon(geos::clone(*GEOSGetExteriorRing_r(h, &polygon)), std::move(kept), "rebuild a polygon");
}

geos::Geom close_slivers(const GEOSGeometry& shape, double limit, CoverageUnionResult& result) {
    const GEOSContextHandle_t h = geos::handle();
    std::vector<geos::Geom> polygons;
    const int n = GEOSGetNumGeometries_r(h, &shape);
    for (int i = 0; i < n; ++i) polygons.push_back(without_small_holes(*GEOSGetGeometryN_r(h, &shape, i), limit, result));
    if (polygons.size() == 1) return std::move(polygons.front());
    return geos::collect(GEOS_MULTIPOLYGON, std::move(polygons), "collect polygons");
}

}  // namespace

CoverageUnionResult union_coverage(const std::vector<const GEOSGeometry*>& members, double grid, double sliver_area) {
    const GEOSContextHandle_t h = geos::handle();
    CoverageUnionResult result;
    geos::Geom merged = edge_union(members);
    std::size_t dropped = 0;
    if (!merged || !(geos::proven_valid(*merged) || geos::check(GEOSisValid_r(h, merged.get()), "check a union"))) {
        // Members that do not share their edges exactly: snap-rounding noding closes what is
        // narrower than the grid, at the cost of a full overlay.
        geos::thread_context().take_error();
        result.snap_rounded = true;
        const geos::Geom collection = collection_of(members);
        merged = geos::own(GEOSUnaryUnionPrec_r(h, collection.get(), grid), "union with snap-rounding");
        merged = keep_polygons(std::move(merged), dropped);
    }
    result.shape = sliver_area > 0 ? close_slivers(*merged, sliver_area, result) : std::move(merged);
    return result;
}

}  // namespace geo
