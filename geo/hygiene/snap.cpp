#include "geo/hygiene/snap.h"

#include "geo/core/parallel.h"


#include <algorithm>
#include <array>
#include <bit>
#include <cstdlib>
#include <memory>
#include <new>
#include <cmath>
#include <limits>
#include <optional>
#include <cstdint>

namespace geo {
namespace {

// An open-addressing table of representative vertices keyed by their grid cell. Cells are several
// tolerances wide, so a vertex looks beyond its own cell only when it lies within the tolerance of
// that cell's border: about 1.5 cells a vertex instead of 9.
class VertexClusters {
public:
    // `expected`: how many representatives there will be, at most (a vertex shared by two units
    // makes one), so that the table stays at most half full without growing.
    VertexClusters(std::size_t expected, double tolerance)
        : tolerance_(tolerance), squared_(tolerance * tolerance), cell_size_(8 * tolerance) {
        std::size_t capacity = 16;
        while (capacity < 2 * expected) capacity *= 2;
        allocate(capacity);
    }

    // Moves (x, y) onto the nearest representative within tolerance, here or in a table that is
    // no longer written to (`frozen`), or makes it a representative here.
    void snap(double& x, double& y, const std::vector<const VertexClusters*>& frozen) {
        double best = squared_ * 1.0000001;
        const Slot* nearest = find(x, y, best);
        for (const VertexClusters* other : frozen)
            if (const Slot* there = other->find(x, y, best)) nearest = there;
        if (nearest) {
            x = nearest->x();
            y = nearest->y;
            return;
        }
        if (++size_ * 2 > capacity_) grow();
        insert(Slot::of(x, y));
    }

private:
    // 16 bytes: the cell is worked out again from the point when needed. x is kept with its bits
    // inverted, so that zeroed memory is an empty table (x all ones, a NaN no vertex has): the
    // table comes from calloc, which zeroes pages wholesale (or not at all when they are fresh),
    // where filling it slot by slot took a tenth of a London dissolve.
    struct Slot {
        std::uint64_t inverted_x;
        double y;
        static Slot of(double x, double y) { return {~std::bit_cast<std::uint64_t>(x), y}; }
        double x() const { return std::bit_cast<double>(~inverted_x); }
        bool empty() const { return inverted_x == 0; }
    };
    struct Free {
        void operator()(Slot* slots) const noexcept { std::free(slots); }
    };
    void allocate(std::size_t capacity) {
        slots_.reset(static_cast<Slot*>(std::calloc(capacity, sizeof(Slot))));
        if (!slots_) throw std::bad_alloc();
        capacity_ = capacity;
        mask_ = capacity - 1;
    }
    std::int64_t cell(double v) const { return static_cast<std::int64_t>(std::floor(v / cell_size_)); }

    // The representative nearest to (x, y) if closer than `best` (squared), which it then lowers.
    const Slot* find(double x, double y, double& best) const {
        const double fx = x / cell_size_, fy = y / cell_size_;
        const auto cx = static_cast<std::int64_t>(std::floor(fx)), cy = static_cast<std::int64_t>(std::floor(fy));
        const double margin = tolerance_ / cell_size_;
        const int x0 = fx - cx < margin ? -1 : 0, x1 = cx + 1 - fx < margin ? 1 : 0;
        const int y0 = fy - cy < margin ? -1 : 0, y1 = cy + 1 - fy < margin ? 1 : 0;
        const Slot* nearest = nullptr;
        for (int dx = x0; dx <= x1; ++dx)
            for (int dy = y0; dy <= y1; ++dy)
                for (std::size_t i = hash(cx + dx, cy + dy);; i = (i + 1) & mask_) {
                    const Slot& slot = slots_[i];
                    if (slot.empty()) break;
                    const double sx = slot.x();
                    const double d = (sx - x) * (sx - x) + (slot.y - y) * (slot.y - y);
                    if (d < best && cell(sx) == cx + dx && cell(slot.y) == cy + dy) best = d, nearest = &slot;
                }
        return nearest;
    }
    std::size_t hash(std::int64_t cx, std::int64_t cy) const {
        const auto h = static_cast<std::uint64_t>(cx) * 0x9E3779B97F4A7C15ull ^ static_cast<std::uint64_t>(cy) * 0xC2B2AE3D27D4EB4Full;
        return static_cast<std::size_t>(h ^ (h >> 29)) & mask_;
    }
    void insert(const Slot& slot) {
        std::size_t i = hash(cell(slot.x()), cell(slot.y));
        while (!slots_[i].empty()) i = (i + 1) & mask_;
        slots_[i] = slot;
    }
    void grow() {
        const std::unique_ptr<Slot[], Free> old = std::move(slots_);
        const std::size_t old_capacity = capacity_;
        allocate(2 * old_capacity);
        for (std::size_t i = 0; i < old_capacity; ++i)
            if (!old[i].empty()) insert(old[i]);
    }

    double tolerance_, squared_, cell_size_;
    std::unique_ptr<Slot[], Free> slots_;
    std::size_t capacity_ = 0, mask_ = 0, size_ = 0;
};

// One worker's snapping: its own table, the tables it may only read, and its scratch buffer.
struct RingRebuild {
    VertexClusters* clusters;
    std::vector<const VertexClusters*> frozen;
    std::vector<double> xy;
    std::size_t moved = 0;
};

// Snaps a ring's vertices and drops the repeats that snapping makes. Null if it collapsed.
geos::Geom snap_ring(const GEOSGeometry& ring, RingRebuild& work) {
    const GEOSContextHandle_t h = geos::handle();
    const GEOSCoordSequence* sequence = GEOSGeom_getCoordSeq_r(h, &ring);
    unsigned int size = 0;
    GEOSCoordSeq_getSize_r(h, sequence, &size);
    work.xy.resize(2 * std::size_t{size});
    GEOSCoordSeq_copyToBuffer_r(h, sequence, work.xy.data(), 0, 0);
    std::size_t kept = 0;
    // The closing vertex is not snapped on its own: it repeats the first, wherever that went.
    for (unsigned int i = 0; i + 1 < size; ++i) {
        double x = work.xy[2 * i], y = work.xy[2 * i + 1];
        const double ox = x, oy = y;
        work.clusters->snap(x, y, work.frozen);
        if (x != ox || y != oy) ++work.moved;
        if (kept > 0 && work.xy[2 * (kept - 1)] == x && work.xy[2 * (kept - 1) + 1] == y) continue;
        work.xy[2 * kept] = x;
        work.xy[2 * kept + 1] = y;
        ++kept;
    }
    while (kept > 1 && work.xy[2 * (kept - 1)] == work.xy[0] && work.xy[2 * (kept - 1) + 1] == work.xy[1]) --kept;
    if (kept < 3) return nullptr;
    work.xy[2 * kept] = work.xy[0];
    work.xy[2 * kept + 1] = work.xy[1];
    ++kept;
    return geos::make_ring(work.xy.data(), kept, "rebuild a snapped ring");
}

geos::Geom snap_polygon(const GEOSGeometry& polygon, RingRebuild& work) {
    const GEOSContextHandle_t h = geos::handle();
    geos::Geom shell = snap_ring(*GEOSGetExteriorRing_r(h, &polygon), work);
    std::vector<geos::Geom> holes;
    const int n = GEOSGetNumInteriorRings_r(h, &polygon);
    for (int i = 0; i < n; ++i)
        if (geos::Geom hole = snap_ring(*GEOSGetInteriorRingN_r(h, &polygon, i), work)) holes.push_back(std::move(hole));
    if (!shell) return nullptr;
    return geos::make_polygon(std::move(shell), std::move(holes), "rebuild a snapped polygon");
}

std::size_t count_vertices(const std::vector<Unit>& units, const std::vector<std::size_t>& which) {
    std::size_t total = 0;
    for (std::size_t u : which) total += static_cast<std::size_t>(GEOSGetNumCoordinates_r(geos::handle(), units[u].shape.get()));
    return total;
}

// True if the unit's shape changed.
bool snap_unit(Unit& unit, RingRebuild& work) {
    const GEOSContextHandle_t h = geos::handle();
    const std::size_t moved_before = work.moved;
    std::vector<geos::Geom> polygons;
    const int parts = GEOSGetNumGeometries_r(h, unit.shape.get());
    for (int i = 0; i < parts; ++i)
        if (geos::Geom polygon = snap_polygon(*GEOSGetGeometryN_r(h, unit.shape.get(), i), work)) polygons.push_back(std::move(polygon));
    if (work.moved == moved_before || polygons.empty()) return false;
    unit.shape = polygons.size() == 1 ? std::move(polygons.front())
                                      : geos::collect(GEOS_MULTIPOLYGON, std::move(polygons), "rebuild " + unit.where());
    return true;
}

// Units wholly west of the median line, wholly east of it, and near it. West and east never
// hold vertices within the tolerance of each other, so they snap on two cores with a table each;
// the units near the line come last and look in all three tables.
std::array<std::vector<std::size_t>, 3> sides_of(const std::vector<Unit>& units, double tolerance) {
    std::vector<double> west(units.size()), east(units.size()), centres(units.size());
    for (std::size_t u = 0; u < units.size(); ++u) {
        const Extent box = geos::envelope(*units[u].shape);
        west[u] = box.min_x;
        east[u] = box.max_x;
        centres[u] = (west[u] + east[u]) / 2;
    }
    auto middle = centres.begin() + static_cast<std::ptrdiff_t>(centres.size() / 2);
    std::nth_element(centres.begin(), middle, centres.end());
    const double line = *middle, margin = 2 * tolerance;
    std::array<std::vector<std::size_t>, 3> sides;
    for (std::size_t u = 0; u < units.size(); ++u)
        sides[east[u] < line - margin ? 0 : west[u] > line + margin ? 1 : 2].push_back(u);
    return sides;
}

}  // namespace

std::size_t snap_coverage(std::vector<Unit>& units, double tolerance, HygieneReport& report, const Progress& progress,
                          std::vector<std::size_t>* moved_units) {
    if (tolerance <= 0 || units.empty()) return 0;
    const auto sides = sides_of(units, tolerance);
    std::array<std::optional<VertexClusters>, 3> tables;
    std::array<RingRebuild, 3> work;
    // Each table is made by the core that fills it: making one zeroes tens of MB of fresh memory.
    const auto make_table = [&](std::size_t side) {
        tables[side].emplace(count_vertices(units, sides[side]) / 2 + 16, tolerance);  // most vertices are shared
        work[side].clusters = &*tables[side];
    };
    std::vector<char> changed(units.size(), 0);
    parallel_for(2, [&](std::size_t side) {
        make_table(side);
        for (std::size_t k = 0; k < sides[side].size(); ++k) {
            if (side == 0 && k % 1024 == 0) geo::report(progress, "snapping", static_cast<double>(k) / sides[0].size());
            changed[sides[side][k]] = snap_unit(units[sides[side][k]], work[side]);
        }
    });
    make_table(2);
    work[2].frozen = {&*tables[0], &*tables[1]};
    for (std::size_t u : sides[2]) changed[u] = snap_unit(units[u], work[2]);
    if (moved_units)
        for (std::size_t u = 0; u < units.size(); ++u)
            if (changed[u]) moved_units->push_back(u);
    const std::size_t moved = work[0].moved + work[1].moved + work[2].moved;
    report.vertices_snapped += moved;
    return moved;
}

}  // namespace geo
