#include "geo/dissolve/edge_union.h"

#include "geo/core/coordinate_hash.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <unordered_map>

namespace geo {
namespace {

struct Point {
    double x, y;
    bool operator==(const Point&) const = default;
};

struct PointHash {
    std::size_t operator()(const Point& p) const noexcept { return hash_coordinates({p.x, p.y}); }
};

struct Edge {
    Point from, to;
    bool alive = true;
};

// Directed edges keyed by their endpoints in a flat open-addressing table; an edge meeting its
// reverse cancels it (the slot becomes a tombstone so that probe chains stay intact).
class EdgeSet {
public:
    explicit EdgeSet(std::size_t expected) {
        std::size_t capacity = 16;
        while (capacity < 2 * expected) capacity *= 2;
        slots_.assign(capacity, Slot{});
        mask_ = capacity - 1;
        edges_.reserve(expected);
    }

    // False when the same directed edge arrives twice (members overlap) or the table is full.
    bool add(Point from, Point to) {
        if (from == to) return true;
        for (std::size_t i = slot_of(to, from);; i = (i + 1) & mask_) {
            Slot& slot = slots_[i];
            if (slot.state == State::empty) break;
            if (slot.state == State::used && edges_[slot.edge].from == to && edges_[slot.edge].to == from) {
                edges_[slot.edge].alive = false;
                slot.state = State::tombstone;
                return true;
            }
        }
        if (++used_ * 2 > slots_.size()) return false;
        std::size_t i = slot_of(from, to);
        for (;; i = (i + 1) & mask_) {
            const Slot& slot = slots_[i];
            if (slot.state != State::used) break;
            if (edges_[slot.edge].from == from && edges_[slot.edge].to == to) return false;
        }
        slots_[i] = Slot{State::used, static_cast<std::uint32_t>(edges_.size())};
        edges_.push_back({from, to, true});
        return true;
    }
    const std::vector<Edge>& edges() const { return edges_; }

private:
    enum class State : std::uint8_t { empty, used, tombstone };
    struct Slot {
        State state = State::empty;
        std::uint32_t edge = 0;
    };
    std::size_t slot_of(const Point& from, const Point& to) const {
        const PointHash h;
        return (h(from) * 31 + h(to)) & mask_;
    }
    std::vector<Slot> slots_;
    std::vector<Edge> edges_;
    std::size_t mask_ = 0, used_ = 0;
};

double signed_area(const std::vector<Point>& ring) {
    double twice = 0;
    for (std::size_t i = 0; i + 1 < ring.size(); ++i) twice += ring[i].x * ring[i + 1].y - ring[i + 1].x * ring[i].y;
    return twice / 2;
}

std::vector<Point> ring_points(const GEOSGeometry& ring) {
    const GEOSContextHandle_t h = geos::handle();
    const GEOSCoordSequence* sequence = GEOSGeom_getCoordSeq_r(h, &ring);
    unsigned int size = 0;
    GEOSCoordSeq_getSize_r(h, sequence, &size);
    std::vector<Point> points(size);
    GEOSCoordSeq_copyToBuffer_r(h, sequence, reinterpret_cast<double*>(points.data()), 0, 0);
    return points;
}

// Adds a ring's edges oriented so that the polygon's interior is on their left.
bool add_ring(EdgeSet& edges, const GEOSGeometry& ring, bool shell) {
    std::vector<Point> points = ring_points(ring);
    if ((signed_area(points) > 0) != shell) std::reverse(points.begin(), points.end());
    for (std::size_t i = 0; i + 1 < points.size(); ++i)
        if (!edges.add(points[i], points[i + 1])) return false;
    return true;
}

double angle(const Point& from, const Point& to) { return std::atan2(to.y - from.y, to.x - from.x); }

struct ChainedRing {
    std::vector<Point> points;
    bool branched = false;  // passed a point where several boundary edges leave: may be pinched
};

bool before(const Point& a, const Point& b) { return a.x < b.x || (a.x == b.x && a.y < b.y); }

// Chains the surviving edges into closed rings. Where several boundary edges leave one point
// (members touching at a corner), the sharpest left turn is taken so that shells stay apart.
std::vector<ChainedRing> chain_rings(const std::vector<Edge>& edges) {
    // Surviving edges sorted by their start: the edges leaving a point are one run of this list.
    std::vector<std::uint32_t> order;
    for (std::size_t i = 0; i < edges.size(); ++i)
        if (edges[i].alive) order.push_back(static_cast<std::uint32_t>(i));
    std::sort(order.begin(), order.end(), [&](auto a, auto b) { return before(edges[a].from, edges[b].from); });
    auto leaving = [&](const Point& p) {
        auto first = std::lower_bound(order.begin(), order.end(), p,
                                      [&](std::uint32_t e, const Point& q) { return before(edges[e].from, q); });
        auto last = first;
        while (last != order.end() && edges[*last].from == p) ++last;
        return std::pair(first, last);
    };
    std::vector<bool> used(edges.size(), false);
    std::vector<ChainedRing> rings;
    for (const std::uint32_t start : order) {
        if (used[start]) continue;
        ChainedRing ring{{edges[start].from}, false};
        std::size_t current = start;
        while (true) {
            used[current] = true;
            const Edge& edge = edges[current];
            ring.points.push_back(edge.to);
            if (edge.to == edges[start].from) break;
            const auto [first, last] = leaving(edge.to);
            std::size_t next = SIZE_MAX;
            if (last - first == 1) {
                next = used[*first] ? SIZE_MAX : *first;
            } else {
                ring.branched = true;
                double best = 10;
                const double back = angle(edge.to, edge.from);
                for (auto candidate = first; candidate != last; ++candidate) {
                    if (used[*candidate]) continue;
                    double turn = back - angle(edges[*candidate].from, edges[*candidate].to);  // clockwise from the way back
                    while (turn <= 0) turn += 2 * M_PI;
                    if (turn < best) best = turn, next = *candidate;
                }
            }
            if (next == SIZE_MAX) return {};  // an open chain: not a coverage
            current = next;
        }
        rings.push_back(std::move(ring));
    }
    return rings;
}

// A ring that passes the same point twice (a hole pinched against its shell at one vertex) is
// split there into simple loops; GEOS wants the pinched hole as a hole ring of its own.
void split_at_repeats(const std::vector<Point>& ring, std::vector<std::vector<Point>>& loops) {
    std::vector<Point> path;
    std::unordered_map<Point, std::size_t, PointHash> at;
    for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
        const Point& p = ring[i];
        if (auto seen = at.find(p); seen != at.end()) {
            std::vector<Point> loop(path.begin() + static_cast<std::ptrdiff_t>(seen->second), path.end());
            loop.push_back(p);
            for (std::size_t k = seen->second + 1; k < path.size(); ++k) at.erase(path[k]);
            path.resize(seen->second + 1);
            loops.push_back(std::move(loop));
        } else {
            at.emplace(p, path.size());
            path.push_back(p);
        }
    }
    path.push_back(path.front());
    loops.push_back(std::move(path));
}

geos::Geom make_ring(const std::vector<Point>& points) {
    return geos::make_ring(reinterpret_cast<const double*>(points.data()), points.size(), "make a ring");
}

geos::Geom make_polygon(const std::vector<Point>& shell, const std::vector<const std::vector<Point>*>& holes) {
    std::vector<geos::Geom> inner;
    for (const auto* hole : holes) inner.push_back(make_ring(*hole));
    return geos::make_polygon(make_ring(shell), std::move(inner), "make a polygon");
}

}  // namespace

geos::Geom edge_union(const std::vector<const GEOSGeometry*>& members) {
    const GEOSContextHandle_t h = geos::handle();
    std::size_t vertices = 0;
    for (const GEOSGeometry* member : members) vertices += static_cast<std::size_t>(GEOSGetNumCoordinates_r(h, member));
    EdgeSet edges(vertices);
    bool added = true;
    for (const GEOSGeometry* member : members)
        geos::for_each_ring(*member, [&](const GEOSGeometry& ring, bool shell) { added = added && add_ring(edges, ring, shell); });
    if (!added) return nullptr;
    std::vector<std::vector<Point>> rings;
    for (auto& ring : chain_rings(edges.edges())) {
        if (ring.branched) split_at_repeats(ring.points, rings);
        else rings.push_back(std::move(ring.points));
    }
    if (rings.empty()) return nullptr;

    struct Shell {
        const std::vector<Point>* points;
        double area;
        geos::Geom polygon;  // the shell alone, to test where holes lie
        std::vector<const std::vector<Point>*> holes;
    };
    std::vector<Shell> shells;
    std::vector<const std::vector<Point>*> holes;
    for (const auto& ring : rings) {
        if (ring.size() < 4) return nullptr;
        const double area = signed_area(ring);
        if (area > 0) shells.push_back({&ring, area, nullptr, {}});
        else holes.push_back(&ring);
    }
    if (shells.empty()) return nullptr;
    std::sort(shells.begin(), shells.end(), [](const Shell& a, const Shell& b) { return a.area < b.area; });
    if (shells.size() == 1) {
        shells[0].holes = holes;
    } else {
        for (Shell& shell : shells) shell.polygon = make_polygon(*shell.points, {});
        for (const auto* hole : holes) {
            // The smallest shell that covers the hole's first edge midpoint holds it.
            const Point mid{((*hole)[0].x + (*hole)[1].x) / 2, ((*hole)[0].y + (*hole)[1].y) / 2};
            geos::Geom point = geos::own(GEOSGeom_createPointFromXY_r(h, mid.x, mid.y), "make a point");
            auto holder = std::find_if(shells.begin(), shells.end(), [&](const Shell& s) {
                return geos::check(GEOSCovers_r(h, s.polygon.get(), point.get()), "locate a hole");
            });
            if (holder == shells.end()) return nullptr;
            holder->holes.push_back(hole);
        }
    }
    std::vector<geos::Geom> polygons;
    for (const Shell& shell : shells) polygons.push_back(make_polygon(*shell.points, shell.holes));
    if (polygons.size() == 1) return std::move(polygons.front());
    return geos::collect(GEOS_MULTIPOLYGON, std::move(polygons), "collect polygons");
}

}  // namespace geo
