#include "geo/geos/proven_valid.h"

#include "geo/geos/context.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace geo::geos {
namespace {

struct Vertex {
    double x, y;
    bool operator==(const Vertex&) const = default;
};

constexpr double error_bound = 3.3306690738754716e-16;  // (3 + 16ε)ε, Shewchuk's ccwerrboundA

// +1 left turn, -1 right turn, 0 collinear or too close to call in doubles.
int orientation(const Vertex& a, const Vertex& b, const Vertex& c) {
    const double left = (b.x - a.x) * (c.y - a.y), right = (b.y - a.y) * (c.x - a.x);
    const double det = left - right, bound = error_bound * (std::abs(left) + std::abs(right));
    return det > bound ? 1 : det < -bound ? -1 : 0;
}

// True if edges ab and bc meet only at b: they turn, or certainly go on in the same direction
// (straight runs of collinear vertices are common in files digitised on a grid).
bool meet_only_at_joint(const Vertex& a, const Vertex& b, const Vertex& c) {
    if (orientation(a, b, c) != 0) return true;
    const double along = (b.x - a.x) * (c.x - b.x), across = (b.y - a.y) * (c.y - b.y);
    return along + across > error_bound * (std::abs(along) + std::abs(across));
}

// True if segments ab and cd (sharing no endpoint) certainly neither cross nor touch.
bool apart(const Vertex& a, const Vertex& b, const Vertex& c, const Vertex& d) {
    if (std::max(a.y, b.y) < std::min(c.y, d.y) || std::max(c.y, d.y) < std::min(a.y, b.y)) return true;
    const int c_side = orientation(a, b, c), d_side = orientation(a, b, d);
    if (c_side != 0 && c_side == d_side) return true;
    const int a_side = orientation(c, d, a), b_side = orientation(c, d, b);
    return a_side != 0 && a_side == b_side;
}

// An edge's extent in x; edge `e` runs from points[e] to points[e + 1].
struct Span {
    double west, east;
    std::uint32_t e;
};

struct Scratch {
    std::vector<Vertex> points;  // the ring, its first point repeated at the end
    std::vector<Span> spans;     // sorted by west: sorting the spans themselves, not indices to
                                 // them, keeps the sort and the sweep in cache
};

// The ring's points without consecutive repeats (GEOS ignores them); at least three distinct.
// A ring taller than wide is mirrored (x and y swapped) so that the sweep below runs along its
// longer side: a long thin ring across the sweep would have every edge overlapping every other.
// Mirroring flips every orientation's sign and nothing else, and simplicity never looks at signs.
bool load_ring(const GEOSGeometry& ring, Scratch& scratch) {
    const GEOSContextHandle_t h = handle();
    const GEOSCoordSequence* sequence = GEOSGeom_getCoordSeq_r(h, &ring);
    unsigned int size = 0;
    if (!sequence || !GEOSCoordSeq_getSize_r(h, sequence, &size) || size < 4) return false;
    scratch.points.resize(size);
    GEOSCoordSeq_copyToBuffer_r(h, sequence, reinterpret_cast<double*>(scratch.points.data()), 0, 0);
    std::vector<Vertex>& p = scratch.points;
    if (!(p.front() == p.back())) return false;
    for (const Vertex& point : p)
        if (!std::isfinite(point.x) || !std::isfinite(point.y)) return false;
    p.erase(std::unique(p.begin(), p.end()), p.end());
    const auto [west, east] = std::minmax_element(p.begin(), p.end(), [](const Vertex& a, const Vertex& b) { return a.x < b.x; });
    const auto [south, north] = std::minmax_element(p.begin(), p.end(), [](const Vertex& a, const Vertex& b) { return a.y < b.y; });
    if (north->y - south->y > east->x - west->x)
        for (Vertex& point : p) std::swap(point.x, point.y);
    return p.size() >= 4;
}

// Pairs of edges the sweep may compare per edge, on average, before it leaves the ring to GEOS.
// Boundary rings need a handful; rings where most edges overlap most others in x (a spiral, a
// comb) would make the sweep quadratic, and GEOS's noding is O(n log n) whatever the shape.
constexpr std::size_t comparisons_per_edge = 32;

// A ring is simple when consecutive edges never fold back and no two other edges meet.
// Edges are swept in order of their western end; only those overlapping in x are compared, and
// only up to a budget: false ("not proven") once it is spent.
bool simple_ring(Scratch& scratch) {
    const std::vector<Vertex>& p = scratch.points;
    const std::size_t n = p.size() - 1;  // edges; edge e runs from p[e] to p[e + 1]
    if (!meet_only_at_joint(p[n - 1], p[0], p[1])) return false;
    for (std::size_t i = 1; i < n; ++i)
        if (!meet_only_at_joint(p[i - 1], p[i], p[i + 1])) return false;
    std::vector<Span>& spans = scratch.spans;
    spans.resize(n);
    for (std::size_t e = 0; e < n; ++e)
        spans[e] = {std::min(p[e].x, p[e + 1].x), std::max(p[e].x, p[e + 1].x), static_cast<std::uint32_t>(e)};
    std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.west < b.west; });
    std::size_t budget = comparisons_per_edge * n;
    for (std::size_t k = 0; k < n; ++k) {
        const std::uint32_t e = spans[k].e;
        const double reach = spans[k].east;
        for (std::size_t l = k + 1; l < n && spans[l].west <= reach; ++l) {
            if (budget-- == 0) return false;
            const std::uint32_t f = spans[l].e;
            const std::size_t gap = e > f ? e - f : f - e;
            if (gap == 1 || gap == n - 1) continue;  // neighbours: their turn was checked above
            if (!apart(p[e], p[e + 1], p[f], p[f + 1])) return false;
        }
    }
    return true;
}

bool simple_polygon(const GEOSGeometry& polygon, Scratch& scratch) {
    const GEOSContextHandle_t h = handle();
    if (GEOSGeomTypeId_r(h, &polygon) != GEOS_POLYGON || GEOSGetNumInteriorRings_r(h, &polygon) != 0) return false;
    const GEOSGeometry* shell = GEOSGetExteriorRing_r(h, &polygon);
    return shell && load_ring(*shell, scratch) && simple_ring(scratch);
}

}  // namespace

bool proven_valid(const GEOSGeometry& shape) {
    const GEOSContextHandle_t h = handle();
    thread_local Scratch scratch;
    const int type = GEOSGeomTypeId_r(h, &shape);
    if (type == GEOS_POLYGON) return simple_polygon(shape, scratch);
    if (type != GEOS_MULTIPOLYGON) return false;
    // Parts whose envelopes are apart cannot overlap or touch; more than a few is GEOS's job.
    const int parts = GEOSGetNumGeometries_r(h, &shape);
    if (parts < 1 || parts > 32) return false;
    std::vector<Extent> boxes;
    for (int i = 0; i < parts; ++i) {
        const GEOSGeometry* part = GEOSGetGeometryN_r(h, &shape, i);
        if (!simple_polygon(*part, scratch)) return false;
        const Extent box = envelope(*part);
        for (const Extent& other : boxes)
            if (!(box.max_x < other.min_x || other.max_x < box.min_x || box.max_y < other.min_y || other.max_y < box.min_y))
                return false;
        boxes.push_back(box);
    }
    return true;
}

}  // namespace geo::geos
