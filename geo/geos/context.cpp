#include "geo/geos/context.h"

#include "geo/core/errors.h"

#include <bit>
#include <cstdint>
#include <utility>

namespace geo::geos {

Context::Context() : handle_(GEOS_init_r()) {
    GEOSContext_setErrorMessageHandler_r(handle_, &Context::on_error, this);
    GEOSContext_setNoticeMessageHandler_r(handle_, &Context::on_notice, this);
}

Context::~Context() { GEOS_finish_r(handle_); }

std::string Context::take_error() {
    return std::exchange(last_error_, std::string());
}

void Context::on_error(const char* message, void* self) {
    static_cast<Context*>(self)->last_error_ = message ? message : "GEOS gave no reason";
}

// Notices (e.g. "Self-intersection at ...") come back through invalid_reason(); never printed.
void Context::on_notice(const char*, void*) {}

Context& thread_context() {
    thread_local Context context;
    return context;
}

void GeomDeleter::operator()(GEOSGeometry* geometry) const noexcept {
    GEOSGeom_destroy_r(handle(), geometry);
}

void PreparedDeleter::operator()(const GEOSPreparedGeometry* prepared) const noexcept {
    GEOSPreparedGeom_destroy_r(handle(), prepared);
}

void CoordSeqDeleter::operator()(GEOSCoordSequence* sequence) const noexcept {
    GEOSCoordSeq_destroy_r(handle(), sequence);
}

static std::string failure(std::string_view doing) {
    std::string reason = thread_context().take_error();
    return std::string(doing) + ": " + (reason.empty() ? "GEOS gave no reason" : reason);
}

Geom own(GEOSGeometry* made, std::string_view doing) {
    if (!made) throw GeometryError(failure(doing));
    return Geom(made);
}

Prepared prepare(const GEOSGeometry& geometry) {
    const GEOSPreparedGeometry* prepared = GEOSPrepare_r(handle(), &geometry);
    if (!prepared) throw GeometryError(failure("prepare geometry"));
    return Prepared(prepared);
}

Geom clone(const GEOSGeometry& geometry) {
    return own(GEOSGeom_clone_r(handle(), &geometry), "copy geometry");
}

Geom make_ring(const double* xy, std::size_t points, std::string_view doing) {
    GEOSCoordSequence* sequence = GEOSCoordSeq_copyFromBuffer_r(handle(), xy, static_cast<unsigned>(points), 0, 0);
    if (!sequence) throw GeometryError(failure(doing));
    return own(GEOSGeom_createLinearRing_r(handle(), sequence), doing);
}

Geom make_polygon(Geom shell, std::vector<Geom> holes, std::string_view doing) {
    std::vector<GEOSGeometry*> raw;
    raw.reserve(holes.size());
    for (Geom& hole : holes) raw.push_back(hole.get());
    GEOSGeometry* made = GEOSGeom_createPolygon_r(handle(), shell.get(), raw.data(), static_cast<unsigned>(raw.size()));
    if (!made) throw GeometryError(failure(doing));
    static_cast<void>(shell.release());  // now owned by the polygon
    for (Geom& hole : holes) static_cast<void>(hole.release());
    return Geom(made);
}

void ring_xy(const GEOSGeometry& ring, std::vector<double>& xy) {
    const GEOSContextHandle_t h = handle();
    const GEOSCoordSequence* sequence = GEOSGeom_getCoordSeq_r(h, &ring);
    unsigned int size = 0;
    if (!sequence || !GEOSCoordSeq_getSize_r(h, sequence, &size)) size = 0;
    xy.resize(2 * std::size_t{size});
    if (size > 0) GEOSCoordSeq_copyToBuffer_r(h, sequence, xy.data(), 0, 0);
}

double ring_area(const GEOSGeometry& ring) {
    return area(*make_polygon(clone(ring), {}, "measure a ring"));
}

Geom collect(int type, std::vector<Geom> parts, std::string_view doing) {
    std::vector<GEOSGeometry*> raw;
    raw.reserve(parts.size());
    for (Geom& part : parts) raw.push_back(part.get());
    GEOSGeometry* made = GEOSGeom_createCollection_r(handle(), type, raw.data(),
                                                     static_cast<unsigned>(raw.size()));
    if (!made) throw GeometryError(failure(doing));
    for (Geom& part : parts) static_cast<void>(part.release());  // now owned by the collection
    return Geom(made);
}

bool check(char result, std::string_view doing) {
    if (result == 2) throw GeometryError(failure(doing));
    return result == 1;
}

std::string invalid_reason(const GEOSGeometry& geometry) {
    char* reason = GEOSisValidReason_r(handle(), &geometry);
    if (!reason) return failure("check validity");
    std::string text = reason;
    GEOSFree_r(handle(), reason);
    return text;
}

namespace {

template <typename T>
void put(std::vector<unsigned char>& out, T value) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(&value);
    out.insert(out.end(), bytes, bytes + sizeof value);
}

void put_polygon(std::vector<unsigned char>& out, const GEOSGeometry& polygon) {
    const GEOSContextHandle_t h = handle();
    const int holes = GEOSGetNumInteriorRings_r(h, &polygon);
    out.push_back(1);  // little-endian
    put<std::uint32_t>(out, 3);
    put<std::uint32_t>(out, static_cast<std::uint32_t>(holes + 1));
    for (int r = -1; r < holes; ++r) {
        const GEOSGeometry* ring = r < 0 ? GEOSGetExteriorRing_r(h, &polygon) : GEOSGetInteriorRingN_r(h, &polygon, r);
        const GEOSCoordSequence* sequence = GEOSGeom_getCoordSeq_r(h, ring);
        unsigned int size = 0;
        GEOSCoordSeq_getSize_r(h, sequence, &size);
        put<std::uint32_t>(out, size);
        const std::size_t at = out.size();
        out.resize(at + 16 * std::size_t{size});
        GEOSCoordSeq_copyToBuffer_r(h, sequence, reinterpret_cast<double*>(out.data() + at), 0, 0);
    }
}

}  // namespace

// Written here rather than by GEOS's WKBWriter, which streams byte by byte through an ostream:
// for polygons the format is a few counts and the coordinate buffers as they are (x86 is little-endian).
std::vector<unsigned char> to_wkb(const GEOSGeometry& geometry) {
    static_assert(std::endian::native == std::endian::little);
    const GEOSContextHandle_t h = handle();
    std::vector<unsigned char> wkb;
    wkb.reserve(32 + 16 * static_cast<std::size_t>(GEOSGetNumCoordinates_r(h, &geometry)));
    const int type = GEOSGeomTypeId_r(h, &geometry);
    if (type == GEOS_POLYGON) {
        put_polygon(wkb, geometry);
    } else if (type == GEOS_MULTIPOLYGON) {
        const int parts = GEOSGetNumGeometries_r(h, &geometry);
        wkb.push_back(1);
        put<std::uint32_t>(wkb, 6);
        put<std::uint32_t>(wkb, static_cast<std::uint32_t>(parts));
        for (int i = 0; i < parts; ++i) put_polygon(wkb, *GEOSGetGeometryN_r(h, &geometry, i));
    } else {
        throw GeometryError("encode a geometry as WKB: not a polygon or multipolygon");
    }
    return wkb;
}

double area(const GEOSGeometry& geometry) {
    double value = 0;
    if (!GEOSArea_r(handle(), &geometry, &value)) throw GeometryError(failure("measure area"));
    return value;
}

Extent envelope(const GEOSGeometry& geometry) {
    Extent extent;
    if (GEOSisEmpty_r(handle(), &geometry)) return extent;
    double min_x = 0, min_y = 0, max_x = 0, max_y = 0;
    GEOSGeom_getXMin_r(handle(), &geometry, &min_x);
    GEOSGeom_getYMin_r(handle(), &geometry, &min_y);
    GEOSGeom_getXMax_r(handle(), &geometry, &max_x);
    GEOSGeom_getYMax_r(handle(), &geometry, &max_y);
    extent.include(min_x, min_y);
    extent.include(max_x, max_y);
    return extent;
}

double length(const GEOSGeometry& geometry) {
    double value = 0;
    if (!GEOSLength_r(handle(), &geometry, &value)) throw GeometryError(failure("measure length"));
    return value;
}

Point point_on_surface(const GEOSGeometry& geometry) {
    Geom point = own(GEOSPointOnSurface_r(handle(), &geometry), "find a point on the surface");
    Point p;
    GEOSGeomGetX_r(handle(), point.get(), &p.x);
    GEOSGeomGetY_r(handle(), point.get(), &p.y);
    return p;
}

}  // namespace geo::geos
