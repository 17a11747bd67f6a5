#pragma once
// Ward shapes into what a GPU draws: triangles for the fill, line segments for the outlines.
// Pure functions of GEOS geometry (no GL context needed), run once when the wards are loaded.
#include "geo/geos/context.h"
#include "geo/source/ward.h"

#include <vector>

namespace render::gl {

// Subtracted from every coordinate before it becomes a float: British National Grid values near
// 500,000 m keep centimetres only when they are small.
struct Origin {
    double x = 0, y = 0;
};

// The triangles of a polygonal shape (GEOS constrained Delaunay), appended as x,y,ward triples.
void append_triangles(const GEOSGeometry& shape, Origin origin, float ward, std::vector<float>& out);
// The same from GEOS's triangulation result (a collection of triangles).
void append_triangles_from(const GEOSGeometry& triangles, Origin origin, float ward, std::vector<float>& out);
// Every ring edge as a segment (pairs of x,y points, for GL_LINES).
void append_outline(const GEOSGeometry& shape, Origin origin, std::vector<float>& out);
// The same segments with vertices closer than `tolerance` to the last one kept dropped along each
// chain (a chain: segments that follow on from each other). Chain ends are always kept, so rings
// stay closed and outlines move by less than the tolerance: what a level of detail needs for lines
// that change on every edit, in linear time and without GEOS.
std::vector<float> thin_segments(const std::vector<float>& segments, double tolerance);

// A run of vertices in a buffer: one tile's wards.
struct Range {
    int first = 0, count = 0;
};

// One level of detail of all wards, laid out tile by tile so a frame draws only the tiles it sees.
struct MeshLevel {
    double tolerance = 0;            // metres the shapes were simplified by (0: as loaded)
    std::vector<float> fill;         // x, y, ward index
    std::vector<float> lines;        // x, y pairs: every ward's outline
    std::vector<Range> fill_tiles;   // per tile, in vertices
    std::vector<Range> line_tiles;
};

struct WardMeshes {
    Origin origin;
    std::vector<geo::Extent> tiles;  // each tile's extent (its wards' envelopes), working CRS
    std::vector<MeshLevel> levels;   // finest first; coarser ones for far-out zooms
};

// Every level for every ward, in parallel. A ward GEOS cannot triangulate is left unfilled
// rather than stopping the window from opening.
WardMeshes build_ward_meshes(const geo::WardSet& wards);

}  // namespace render::gl
