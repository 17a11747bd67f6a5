#include "geo/hygiene/snap.h"

#include "geo/core/coordinate_hash.h"
#include "geo/core/parallel.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <memory>
#include <new>
#include <numeric>
#include <optional>

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

    // Asks the memory for the slot where (x, y)'s cell starts, a few vertices before it is
    // snapped: the table is tens of MB, the hash scatters neighbouring cells over all of it, and
    // without this nearly every vertex waits for a cache miss.
    void prefetch(double x, double y) const { __builtin_prefetch(&slots_[hash(cell(x), cell(y))]); }

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
        return hash_cell(cx, cy) & mask_;
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

// A ring as snapped into RingRebuild::xy: `points` coordinates pairs from `offset`, closed; 0
// points if it collapsed.
struct SnappedRing {
    std::size_t offset, points;
    bool shell;
};

// One worker's snapping: its own table, the tables it may only read, and the unit being snapped.
struct RingRebuild {
    VertexClusters* clusters;
    std::vector<const VertexClusters*> frozen;
    std::vector<double> xy;
    std::vector<SnappedRing> rings;
    std::size_t moved = 0;
};

// Snaps a ring's vertices onto the end of work.xy and drops the repeats that snapping makes.
void snap_ring(const GEOSGeometry& ring, bool shell, RingRebuild& work) {
    const GEOSContextHandle_t h = geos::handle();
    const GEOSCoordSequence* sequence = GEOSGeom_getCoordSeq_r(h, &ring);
    unsigned int size = 0;
    GEOSCoordSeq_getSize_r(h, sequence, &size);
    const std::size_t offset = work.xy.size();
    work.xy.resize(offset + 2 * std::size_t{size});
    double* xy = work.xy.data() + offset;
    GEOSCoordSeq_copyToBuffer_r(h, sequence, xy, 0, 0);
    std::size_t kept = 0;
    // The closing vertex is not snapped on its own: it repeats the first, wherever that went.
    constexpr unsigned int ahead = 8;
    for (unsigned int i = 0; i < std::min(ahead, size); ++i) work.clusters->prefetch(xy[2 * i], xy[2 * i + 1]);
    for (unsigned int i = 0; i + 1 < size; ++i) {
        // Vertices past i still hold their coordinates as read: `kept` never passes i.
        if (i + ahead < size) work.clusters->prefetch(xy[2 * (i + ahead)], xy[2 * (i + ahead) + 1]);
        double x = xy[2 * i], y = xy[2 * i + 1];
        const double ox = x, oy = y;
        work.clusters->snap(x, y, work.frozen);
        if (x != ox || y != oy) ++work.moved;
        if (kept > 0 && xy[2 * (kept - 1)] == x && xy[2 * (kept - 1) + 1] == y) continue;
        xy[2 * kept] = x;
        xy[2 * kept + 1] = y;
        ++kept;
    }
    while (kept > 1 && xy[2 * (kept - 1)] == xy[0] && xy[2 * (kept - 1) + 1] == xy[1]) --kept;
    if (kept < 3) {
        work.xy.resize(offset);
        work.rings.push_back({offset, 0, shell});
        return;
    }
    xy[2 * kept] = xy[0];
    xy[2 * kept + 1] = xy[1];
    ++kept;
    work.xy.resize(offset + 2 * kept);
    work.rings.push_back({offset, kept, shell});
}

// The unit's polygons from its snapped rings; a polygon whose shell collapsed is dropped, and so
// is a collapsed hole.
std::vector<geos::Geom> rebuild_polygons(const RingRebuild& work) {
    std::vector<geos::Geom> polygons;
    for (std::size_t r = 0; r < work.rings.size();) {
        const SnappedRing& shell = work.rings[r++];
        std::vector<geos::Geom> holes;
        for (; r < work.rings.size() && !work.rings[r].shell; ++r)
            if (shell.points && work.rings[r].points)
                holes.push_back(geos::make_ring(work.xy.data() + work.rings[r].offset, work.rings[r].points, "rebuild a snapped ring"));
        if (!shell.points) continue;
        polygons.push_back(geos::make_polygon(geos::make_ring(work.xy.data() + shell.offset, shell.points, "rebuild a snapped ring"),
                                              std::move(holes), "rebuild a snapped polygon"));
    }
    return polygons;
}

// True if the unit's shape changed. GEOS geometries are made only for a unit a vertex of which
// moved: most units of a clean coverage (every London ward) have none.
bool snap_unit(Ward& unit, RingRebuild& work) {
    const std::size_t moved_before = work.moved;
    work.xy.clear();
    work.rings.clear();
    geos::for_each_ring(*unit.shape, [&](const GEOSGeometry& ring, bool shell) { snap_ring(ring, shell, work); });
    if (work.moved == moved_before) return false;
    std::vector<geos::Geom> polygons = rebuild_polygons(work);
    if (polygons.empty()) return false;
    unit.shape = polygons.size() == 1 ? std::move(polygons.front())
                                      : geos::collect(GEOS_MULTIPOLYGON, std::move(polygons), "rebuild " + unit.where());
    return true;
}

// Units wholly west of a north-south line, wholly east of it, and near it, with their vertex
// counts. West and east never hold vertices within the tolerance of each other, so they snap on
// two cores with a table each; the units near the line come last and look in all three tables.
// The line halves the vertices, not the units: rural units are fewer and more detailed, and
// halving the units of England left one core snapping alone for a sixth of the time.
struct Sides {
    std::array<std::vector<std::size_t>, 3> units;
    std::array<std::size_t, 3> vertices{};
};

Sides sides_of(const std::vector<Ward>& units, double tolerance) {
    std::vector<Extent> boxes(units.size());
    std::vector<std::size_t> vertices(units.size());
    constexpr std::size_t chunk = 1024;
    parallel_for((units.size() + chunk - 1) / chunk, [&](std::size_t c) {
        for (std::size_t u = c * chunk; u < std::min(units.size(), (c + 1) * chunk); ++u) {
            boxes[u] = geos::envelope(*units[u].shape);
            vertices[u] = static_cast<std::size_t>(GEOSGetNumCoordinates_r(geos::handle(), units[u].shape.get()));
        }
    });
    const auto centre = [&](std::size_t u) { return (boxes[u].min_x + boxes[u].max_x) / 2; };
    std::vector<std::size_t> order(units.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return centre(a) < centre(b); });
    const std::size_t total = std::accumulate(vertices.begin(), vertices.end(), std::size_t{0});
    double line = 0;  // between the centre where half the vertices are reached and the next one
    for (std::size_t k = 0, west = 0; k < order.size(); ++k)
        if ((west += vertices[order[k]]) * 2 >= total) {
            line = k + 1 < order.size() ? (centre(order[k]) + centre(order[k + 1])) / 2 : centre(order[k]);
            break;
        }
    const double margin = 2 * tolerance;
    Sides sides;
    for (std::size_t u = 0; u < units.size(); ++u) {
        const std::size_t side = boxes[u].max_x < line - margin ? 0 : boxes[u].min_x > line + margin ? 1 : 2;
        sides.units[side].push_back(u);
        sides.vertices[side] += vertices[u];
    }
    return sides;
}

}  // namespace

std::size_t snap_coverage(std::vector<Ward>& units, double tolerance, HygieneReport& report, const Progress& progress,
                          std::vector<std::size_t>* moved_units) {
    if (tolerance <= 0 || units.empty()) return 0;
    const Sides sides = sides_of(units, tolerance);
    std::array<std::optional<VertexClusters>, 3> tables;
    std::array<RingRebuild, 3> work;
    // Each table is made by the core that fills it: making one zeroes tens of MB of fresh memory.
    const auto make_table = [&](std::size_t side) {
        tables[side].emplace(sides.vertices[side] / 2 + 16, tolerance);  // most vertices are shared
        work[side].clusters = &*tables[side];
    };
    std::vector<char> changed(units.size(), 0);
    parallel_for(2, [&](std::size_t side) {
        const std::vector<std::size_t>& mine = sides.units[side];
        make_table(side);
        for (std::size_t k = 0; k < mine.size(); ++k) {
            if (side == 0 && k % 1024 == 0) geo::report(progress, "snapping", static_cast<double>(k) / mine.size());
            changed[mine[k]] = snap_unit(units[mine[k]], work[side]);
        }
    });
    make_table(2);
    work[2].frozen = {&*tables[0], &*tables[1]};
    for (std::size_t u : sides.units[2]) changed[u] = snap_unit(units[u], work[2]);
    if (moved_units)
        for (std::size_t u = 0; u < units.size(); ++u)
            if (changed[u]) moved_units->push_back(u);
    const std::size_t moved = work[0].moved + work[1].moved + work[2].moved;
    report.vertices_snapped += moved;
    return moved;
}

}  // namespace geo
