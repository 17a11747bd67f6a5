#pragma once
// Ward shapes into what a GPU draws: triangles for the fill, line segments for the outlines.
// Pure functions of GEOS geometry (no GL context needed), run once when the wards are loaded.
#include "geo/geos/context.h"
#include "geo/source/unit.h"

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

// One level of detail of all wards.
struct MeshLevel {
    std::vector<float> fill;   // x, y, ward index
    std::vector<float> lines;  // x, y pairs: every ward's outline
};

struct WardMeshes {
    Origin origin;
    MeshLevel detailed;
    MeshLevel coarse;             // shapes simplified by `coarse_tolerance`, for far-out zooms
    double coarse_tolerance = 0;  // metres
};

// Both levels for every ward, in parallel. A ward GEOS cannot triangulate is left unfilled
// rather than stopping the window from opening.
WardMeshes build_ward_meshes(const geo::UnitSet& wards);

}  // namespace render::gl
