#pragma once
// The one place that knows how GEOS handles and geometries are created and freed.
// GEOS's re-entrant API wants one context per thread: thread_context() hands out this thread's.
// A geometry may be freed on another thread than the one that made it (workers hand results back),
// so the deleter uses the freeing thread's context, never a stored one that may have died.
#include "geo/core/extent.h"

#include <geos_c.h>

#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace geo::geos {

class Context {
public:
    Context();
    ~Context();
    Context(const Context&) = delete;
    Context& operator=(const Context&) = delete;
    Context(Context&&) = delete;
    Context& operator=(Context&&) = delete;

    GEOSContextHandle_t get() const noexcept { return handle_; }
    // The last error GEOS reported on this context, cleared by reading it.
    std::string take_error();

private:
    static void on_error(const char* message, void* self);
    static void on_notice(const char* message, void* self);
    GEOSContextHandle_t handle_;
    std::string last_error_;
};

Context& thread_context();
inline GEOSContextHandle_t handle() { return thread_context().get(); }

struct GeomDeleter {
    void operator()(GEOSGeometry* geometry) const noexcept;
};
using Geom = std::unique_ptr<GEOSGeometry, GeomDeleter>;

struct PreparedDeleter {
    void operator()(const GEOSPreparedGeometry* prepared) const noexcept;
};
using Prepared = std::unique_ptr<const GEOSPreparedGeometry, PreparedDeleter>;

struct CoordSeqDeleter {
    void operator()(GEOSCoordSequence* sequence) const noexcept;
};
using CoordSeq = std::unique_ptr<GEOSCoordSequence, CoordSeqDeleter>;

// Every GEOS call that makes a geometry goes through here: null means it failed.
Geom own(GEOSGeometry* made, std::string_view doing);
Prepared prepare(const GEOSGeometry& geometry);
Geom clone(const GEOSGeometry& geometry);

// A ring from `points` interleaved x,y coordinates, the last repeating the first.
Geom make_ring(const double* xy, std::size_t points, std::string_view doing);
// A polygon from its shell and holes; the rings move into it.
Geom make_polygon(Geom shell, std::vector<Geom> holes, std::string_view doing);
// The area a ring encloses, holes aside.
double ring_area(const GEOSGeometry& ring);
// A ring's coordinates as interleaved x,y, the closing point included, written over `xy` (a
// caller's buffer, reused ring after ring). Empty for an empty ring.
void ring_xy(const GEOSGeometry& ring, std::vector<double>& xy);
// Calls each(ring), or each(ring, is_shell), for every ring of a polygon or multipolygon, each
// shell before its holes; parts that are not polygons are passed over. The one ring walker of
// wardmap: snapping, the edge union, adjacency, tessellation and the briefing's paths all use it.
template <typename Each>
void for_each_ring(const GEOSGeometry& shape, Each&& each) {
    const auto visit = [&](const GEOSGeometry& ring, bool shell) {
        if constexpr (std::is_invocable_v<Each&, const GEOSGeometry&, bool>) each(ring, shell);
        else each(ring);
    };
    const GEOSContextHandle_t h = handle();
    const int parts = GEOSGetNumGeometries_r(h, &shape);
    for (int p = 0; p < parts; ++p) {
        const GEOSGeometry* polygon = GEOSGetGeometryN_r(h, &shape, p);
        if (GEOSGeomTypeId_r(h, polygon) != GEOS_POLYGON) continue;
        visit(*GEOSGetExteriorRing_r(h, polygon), true);
        const int holes = GEOSGetNumInteriorRings_r(h, polygon);
        for (int r = 0; r < holes; ++r) visit(*GEOSGetInteriorRingN_r(h, polygon, r), false);
    }
}

// Builds a collection from owned parts; the parts move into it.
Geom collect(int type, std::vector<Geom> parts, std::string_view doing);

// Checks a GEOS predicate result (2 means exception).
bool check(char result, std::string_view doing);

// Reasons, e.g. "Self-intersection at (524859.2 180764.1)".
std::string invalid_reason(const GEOSGeometry& geometry);

// Well-known binary of a geometry (little-endian, 2D), for handing it to GDAL.
std::vector<unsigned char> to_wkb(const GEOSGeometry& geometry);

double area(const GEOSGeometry& geometry);
Extent envelope(const GEOSGeometry& geometry);
double length(const GEOSGeometry& geometry);

struct Point {
    double x = 0, y = 0;
};
Point point_on_surface(const GEOSGeometry& geometry);

}  // namespace geo::geos
