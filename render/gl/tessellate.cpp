#include "render/gl/tessellate.h"

#include "geo/core/parallel.h"

#include <algorithm>
#include <cmath>

namespace render::gl {

namespace {

template <typename EachPolygon>
void for_each_polygon(const GEOSGeometry& shape, EachPolygon&& each) {
    GEOSContextHandle_t h = geo::geos::handle();
    const int parts = GEOSGetNumGeometries_r(h, &shape);
    for (int i = 0; i < parts; ++i) each(*GEOSGetGeometryN_r(h, &shape, i));
}

void append_ring(const GEOSGeometry& ring, Origin origin, std::vector<float>& out) {
    std::vector<double> xy;
    geo::geos::ring_xy(ring, xy);
    for (std::size_t i = 0; i + 3 < xy.size(); i += 2) {
        for (std::size_t k = 0; k < 4; k += 2) {
            out.push_back(static_cast<float>(xy[i + k] - origin.x));
            out.push_back(static_cast<float>(xy[i + k + 1] - origin.y));
        }
    }
}

struct WardMesh {
    std::vector<float> fill, lines;
};

MeshLevel mesh_of(const geo::WardSet& wards, Origin origin, double simplify,
                  const std::vector<std::vector<std::size_t>>& tiles) {
    const std::size_t n = wards.units.size();
    std::vector<WardMesh> per_ward(n);
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
    MeshLevel level;
    level.tolerance = simplify;
    for (const std::vector<std::size_t>& tile : tiles) {
        const int fill_first = static_cast<int>(level.fill.size() / 3), line_first = static_cast<int>(level.lines.size() / 2);
        for (std::size_t ward : tile) {
            level.fill.insert(level.fill.end(), per_ward[ward].fill.begin(), per_ward[ward].fill.end());
            level.lines.insert(level.lines.end(), per_ward[ward].lines.begin(), per_ward[ward].lines.end());
        }
        level.fill_tiles.push_back({fill_first, static_cast<int>(level.fill.size() / 3) - fill_first});
        level.line_tiles.push_back({line_first, static_cast<int>(level.lines.size() / 2) - line_first});
    }
    return level;
}

// Wards into a grid of tiles by the middle of their envelope.
std::vector<std::vector<std::size_t>> tile_wards(const geo::WardSet& wards, std::vector<geo::Extent>& extents) {
    constexpr int side = 16;
    const geo::Extent& e = wards.extent;
    const double w = std::max(e.max_x - e.min_x, 1.0) / side, h = std::max(e.max_y - e.min_y, 1.0) / side;
    std::vector<std::vector<std::size_t>> tiles(side * side);
    extents.assign(side * side, {});
    for (std::size_t i = 0; i < wards.units.size(); ++i) {
        if (!wards.units[i].shape) continue;
        const geo::Extent envelope = geo::geos::envelope(*wards.units[i].shape);
        const int c = std::clamp(static_cast<int>(((envelope.min_x + envelope.max_x) / 2 - e.min_x) / w), 0, side - 1);
        const int r = std::clamp(static_cast<int>(((envelope.min_y + envelope.max_y) / 2 - e.min_y) / h), 0, side - 1);
        tiles[static_cast<std::size_t>(r * side + c)].push_back(i);
        extents[static_cast<std::size_t>(r * side + c)].include(envelope);
    }
    return tiles;
}

}  // namespace

void append_triangles_from(const GEOSGeometry& triangles, Origin origin, float ward, std::vector<float>& out) {
    for_each_polygon(triangles, [&](const GEOSGeometry& triangle) {
        std::vector<double> xy;
        geo::geos::ring_xy(*GEOSGetExteriorRing_r(geo::geos::handle(), &triangle), xy);
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
    geo::geos::for_each_ring(shape, [&](const GEOSGeometry& ring) { append_ring(ring, origin, out); });
}

std::vector<float> thin_segments(const std::vector<float>& segments, double tolerance) {
    if (tolerance <= 0) return segments;
    const double limit = tolerance * tolerance;
    std::vector<float> out;
    out.reserve(segments.size() / 2);
    const std::size_t n = segments.size() / 4;  // x0, y0, x1, y1
    float anchor_x = 0, anchor_y = 0;
    for (std::size_t s = 0; s < n; ++s) {
        const float* p = &segments[4 * s];
        const bool continues = s > 0 && p[0] == segments[4 * s - 2] && p[1] == segments[4 * s - 1];
        if (!continues) anchor_x = p[0], anchor_y = p[1];
        const bool chain_ends = s + 1 == n || segments[4 * s + 4] != p[2] || segments[4 * s + 5] != p[3];
        const double dx = p[2] - anchor_x, dy = p[3] - anchor_y;
        if (chain_ends || dx * dx + dy * dy >= limit) {
            out.insert(out.end(), {anchor_x, anchor_y, p[2], p[3]});
            anchor_x = p[2], anchor_y = p[3];
        }
    }
    return out;
}

WardMeshes build_ward_meshes(const geo::WardSet& wards) {
    WardMeshes meshes;
    const geo::Extent& e = wards.extent;
    meshes.origin = {(e.min_x + e.max_x) / 2, (e.min_y + e.max_y) / 2};
    const std::vector<std::vector<std::size_t>> tiles = tile_wards(wards, meshes.tiles);
    // The coarsest is about a pixel when the whole extent fills a 1500-pixel window; a view takes
    // the coarsest level under a pixel. With only coarse/8 between, the E&W LSOAs at a region's
    // scale (100-400 m a pixel) drew 0.9 million fill vertices, 100 ms a frame in Mesa's software
    // renderer; coarse/4 serves them with 0.5 million. A level costs its triangulation when the
    // wards load (LSOAs: 2.2 s at coarse/8, 1.5 s at coarse/4, 3.1 s at coarse/16), so the finer
    // steps stay as they were.
    const double coarse = std::max(e.max_x - e.min_x, e.max_y - e.min_y) / 1500.0;
    for (double tolerance : {0.0, coarse / 8, coarse / 4, coarse}) meshes.levels.push_back(mesh_of(wards, meshes.origin, tolerance, tiles));
    return meshes;
}

}  // namespace render::gl
