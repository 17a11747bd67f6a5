#include "render/gl/tessellate.h"

#include "geo/core/parallel.h"

#include <algorithm>
#include <cmath>

namespace render::gl {

namespace {

std::vector<double> ring_points(const GEOSGeometry& ring) {
    GEOSContextHandle_t h = geo::geos::handle();
    const GEOSCoordSequence* sequence = GEOSGeom_getCoordSeq_r(h, &ring);
    unsigned int size = 0;
    if (!sequence || !GEOSCoordSeq_getSize_r(h, sequence, &size)) return {};
    std::vector<double> xy(2 * static_cast<std::size_t>(size));
    GEOSCoordSeq_copyToBuffer_r(h, sequence, xy.data(), 0, 0);
    return xy;
}

template <typename EachPolygon>
void for_each_polygon(const GEOSGeometry& shape, EachPolygon&& each) {
    GEOSContextHandle_t h = geo::geos::handle();
    const int parts = GEOSGetNumGeometries_r(h, &shape);
    for (int i = 0; i < parts; ++i) each(*GEOSGetGeometryN_r(h, &shape, i));
}

void append_ring(const GEOSGeometry& ring, Origin origin, std::vector<float>& out) {
    const std::vector<double> xy = ring_points(ring);
    for (std::size_t i = 0; i + 3 < xy.size(); i += 2) {
        for (std::size_t k = 0; k < 4; k += 2) {
            out.push_back(static_cast<float>(xy[i + k] - origin.x));
            out.push_back(static_cast<float>(xy[i + k + 1] - origin.y));
        }
    }
}

MeshLevel mesh_of(const geo::UnitSet& wards, Origin origin, double simplify) {
    const std::size_t n = wards.units.size();
    std::vector<MeshLevel> per_ward(n);
    geo::parallel_for(n, [&](std::size_t i) {
        const GEOSGeometry* shape = wards.units[i].shape.get();
        if (!shape) return;
        GEOSContextHandle_t h = geo::geos::handle();
        geo::geos::Geom simplified;
        if (simplify > 0) {
            simplified.reset(GEOSTopologyPreserveSimplify_r(h, shape, simplify));
            if (simplified) shape = simplified.get();
        }
        geo::geos::Geom triangles(GEOSConstrainedDelaunayTriangulation_r(h, shape));
        if (triangles) append_triangles_from(*triangles, origin, static_cast<float>(i), per_ward[i].fill);
        append_outline(*shape, origin, per_ward[i].lines);
    });
    MeshLevel all;
    std::size_t fill = 0, lines = 0;
    for (const MeshLevel& level : per_ward) fill += level.fill.size(), lines += level.lines.size();
    all.fill.reserve(fill);
    all.lines.reserve(lines);
    for (const MeshLevel& level : per_ward) {
        all.fill.insert(all.fill.end(), level.fill.begin(), level.fill.end());
        all.lines.insert(all.lines.end(), level.lines.begin(), level.lines.end());
    }
    return all;
}

}  // namespace

void append_triangles_from(const GEOSGeometry& triangles, Origin origin, float ward, std::vector<float>& out) {
    for_each_polygon(triangles, [&](const GEOSGeometry& triangle) {
        const std::vector<double> xy = ring_points(*GEOSGetExteriorRing_r(geo::geos::handle(), &triangle));
        for (std::size_t i = 0; i + 2 <= xy.size() && i < 6; i += 2) {
            out.push_back(static_cast<float>(xy[i] - origin.x));
            out.push_back(static_cast<float>(xy[i + 1] - origin.y));
            out.push_back(ward);
        }
    });
}

void append_triangles(const GEOSGeometry& shape, Origin origin, float ward, std::vector<float>& out) {
    const geo::geos::Geom triangles =
        geo::geos::own(GEOSConstrainedDelaunayTriangulation_r(geo::geos::handle(), &shape), "triangulate a ward");
    append_triangles_from(*triangles, origin, ward, out);
}

void append_outline(const GEOSGeometry& shape, Origin origin, std::vector<float>& out) {
    GEOSContextHandle_t h = geo::geos::handle();
    for_each_polygon(shape, [&](const GEOSGeometry& polygon) {
        if (GEOSGeomTypeId_r(h, &polygon) != GEOS_POLYGON) return;
        append_ring(*GEOSGetExteriorRing_r(h, &polygon), origin, out);
        const int holes = GEOSGetNumInteriorRings_r(h, &polygon);
        for (int i = 0; i < holes; ++i) append_ring(*GEOSGetInteriorRingN_r(h, &polygon, i), origin, out);
    });
}

WardMeshes build_ward_meshes(const geo::UnitSet& wards) {
    WardMeshes meshes;
    const geo::Extent& e = wards.extent;
    meshes.origin = {(e.min_x + e.max_x) / 2, (e.min_y + e.max_y) / 2};
    // About a pixel when the whole extent fills a 1000-pixel window: finer is never seen far out.
    meshes.coarse_tolerance = std::max(e.max_x - e.min_x, e.max_y - e.min_y) / 1500.0;
    meshes.detailed = mesh_of(wards, meshes.origin, 0);
    meshes.coarse = mesh_of(wards, meshes.origin, meshes.coarse_tolerance);
    return meshes;
}

}  // namespace render::gl
