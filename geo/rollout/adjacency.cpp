#include "geo/rollout/adjacency.h"

#include "geo/core/coordinate_hash.h"
#include "geo/geos/context.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <numeric>
#include <unordered_set>

namespace geo {

namespace {

// A ring edge with its ends in a fixed order: a neighbour's copy, walked the other way, is equal.
struct Edge {
    double x0, y0, x1, y1;
    bool operator==(const Edge&) const = default;
};

struct EdgeHash {
    std::size_t operator()(const Edge& e) const noexcept { return hash_coordinates({e.x0, e.y0, e.x1, e.y1}); }
};

Edge edge(double ax, double ay, double bx, double by) {
    return (ax < bx || (ax == bx && ay < by)) ? Edge{ax, ay, bx, by} : Edge{bx, by, ax, ay};
}

// Calls f(edge) for every ring edge of a polygonal shape; stops when f returns true.
template <typename F>
bool any_edge(const GEOSGeometry& shape, std::vector<double>& xy, F&& f) {
    bool found = false;
    geos::for_each_ring(shape, [&](const GEOSGeometry& ring) {
        if (found) return;
        geos::ring_xy(ring, xy);
        for (std::size_t i = 0; i + 3 < xy.size() && !found; i += 2) found = f(edge(xy[i], xy[i + 1], xy[i + 2], xy[i + 3]));
    });
    return found;
}

}  // namespace

Adjacency ward_adjacency(const WardSet& set) {
    const GEOSContextHandle_t h = geos::handle();
    const std::size_t n = set.units.size();
    std::vector<Extent> boxes;
    for (const Ward& unit : set.units) boxes.push_back(geos::envelope(*unit.shape));
    // Sweep along x: only units whose boxes overlap are compared, then GEOS decides.
    std::vector<std::size_t> by_x(n);
    std::iota(by_x.begin(), by_x.end(), 0);
    std::sort(by_x.begin(), by_x.end(), [&](std::size_t a, std::size_t b) { return boxes[a].min_x < boxes[b].min_x; });
    Adjacency adjacency;
    adjacency.neighbours.resize(n);
    const double slack = 0.01;  // the snap tolerance: boxes that only touch still count
    std::unordered_set<Edge, EdgeHash> edges_of_a;
    std::vector<double> xy;
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t a = by_x[i];
        const geos::Prepared prepared = geos::prepare(*set.units[a].shape);
        edges_of_a.clear();
        any_edge(*set.units[a].shape, xy, [&](const Edge& e) { return edges_of_a.insert(e), false; });
        for (std::size_t j = i + 1; j < n && boxes[by_x[j]].min_x <= boxes[a].max_x + slack; ++j) {
            const std::size_t b = by_x[j];
            if (boxes[b].min_y > boxes[a].max_y + slack || boxes[a].min_y > boxes[b].max_y + slack) continue;
            if (!geos::check(GEOSPreparedIntersects_r(h, prepared.get(), set.units[b].shape.get()), "ward adjacency")) continue;
            // Boundaries meeting in a line (DE-9IM boundary/boundary of dimension 1), not at a corner. An
            // edge both rings have (neighbours' shared vertices are one after snapping) proves it without
            // GEOS's relate, which took most of the 7 s the E&W LSOAs needed.
            const bool shared_edge = any_edge(*set.units[b].shape, xy, [&](const Edge& e) { return edges_of_a.contains(e); });
            if (!shared_edge &&
                !geos::check(GEOSRelatePattern_r(h, set.units[a].shape.get(), set.units[b].shape.get(), "****1****"), "ward adjacency"))
                continue;
            adjacency.neighbours[a].push_back(b);
            adjacency.neighbours[b].push_back(a);
        }
    }
    for (auto& list : adjacency.neighbours) std::sort(list.begin(), list.end());
    return adjacency;
}

std::vector<std::vector<std::size_t>> command_unit_neighbours(const Adjacency& wards, const std::vector<int>& unit_of,
                                                             std::size_t units) {
    std::vector<std::vector<std::size_t>> neighbours(units);
    const auto unit = [&](std::size_t ward) { return ward < unit_of.size() ? unit_of[ward] : -1; };
    for (std::size_t ward = 0; ward < wards.neighbours.size(); ++ward) {
        const int a = unit(ward);
        if (a < 0 || static_cast<std::size_t>(a) >= units) continue;
        for (std::size_t other : wards.neighbours[ward]) {
            const int b = unit(other);
            if (b >= 0 && b != a && static_cast<std::size_t>(b) < units) neighbours[static_cast<std::size_t>(a)].push_back(static_cast<std::size_t>(b));
        }
    }
    for (auto& list : neighbours) {
        std::sort(list.begin(), list.end());
        list.erase(std::unique(list.begin(), list.end()), list.end());
    }
    return neighbours;
}

}  // namespace geo
