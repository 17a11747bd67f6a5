#include "geo/source/ogr_to_geos.h"

#include "geo/source/geojson_reader.h"

#include <memory>
#include <vector>

namespace geo {
namespace {

struct Buffers {
    std::vector<double> x, y, xy;
};

// buffers.x and buffers.y hold the ring's n points in the source CRS.
geos::Geom ring_from_buffers(int n, const Transformer& transformer, const std::string& where, Buffers& buffers) {
    transformer.apply(n, buffers.x.data(), buffers.y.data(), where);
    buffers.xy.resize(2 * static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        buffers.xy[2 * i] = buffers.x[i];
        buffers.xy[2 * i + 1] = buffers.y[i];
    }
    return geos::make_ring(buffers.xy.data(), static_cast<std::size_t>(n), "make a ring of " + where);
}

geos::Geom ring_to_geos(const OGRLinearRing& ring, const Transformer& transformer, const std::string& where,
                        Buffers& buffers) {
    const int n = ring.getNumPoints();
    buffers.x.resize(n);
    buffers.y.resize(n);
    ring.getPoints(buffers.x.data(), sizeof(double), buffers.y.data(), sizeof(double));
    return ring_from_buffers(n, transformer, where, buffers);
}

geos::Geom polygon_from(geos::Geom shell, std::vector<geos::Geom> holes, const std::string& where) {
    return geos::make_polygon(std::move(shell), std::move(holes), "make a polygon of " + where);
}

geos::Geom polygon_to_geos(const OGRPolygon& polygon, const Transformer& transformer, const std::string& where,
                           Buffers& buffers) {
    geos::Geom shell = ring_to_geos(*polygon.getExteriorRing(), transformer, where, buffers);
    std::vector<geos::Geom> holes;
    for (int i = 0; i < polygon.getNumInteriorRings(); ++i)
        holes.push_back(ring_to_geos(*polygon.getInteriorRing(i), transformer, where, buffers));
    return polygon_from(std::move(shell), std::move(holes), where);
}

void collect_polygons(const OGRGeometry& geometry, std::vector<const OGRPolygon*>& polygons,
                      std::vector<std::unique_ptr<OGRGeometry>>& linearised, std::size_t& dropped) {
    if (geometry.IsEmpty()) return;
    if (geometry.hasCurveGeometry()) {
        linearised.emplace_back(geometry.getLinearGeometry());
        collect_polygons(*linearised.back(), polygons, linearised, dropped);
        return;
    }
    switch (wkbFlatten(geometry.getGeometryType())) {
        case wkbPolygon:
            polygons.push_back(geometry.toPolygon());
            return;
        case wkbMultiPolygon:
        case wkbGeometryCollection:
            for (const OGRGeometry* part : *geometry.toGeometryCollection())
                collect_polygons(*part, polygons, linearised, dropped);
            return;
        default:
            ++dropped;
    }
}

geos::Geom collect_parts(std::vector<geos::Geom> parts, const std::string& where) {
    if (parts.empty()) return nullptr;
    if (parts.size() == 1) return std::move(parts.front());
    return geos::collect(GEOS_MULTIPOLYGON, std::move(parts), "make a multipolygon of " + where);
}

}  // namespace

ConvertedShape to_geos(const GeoJsonPolygons& polygons, const Transformer& transformer, const std::string& where) {
    thread_local Buffers buffers;
    std::vector<geos::Geom> parts;
    std::uint32_t ring = 0, point = 0;
    for (const std::uint32_t polygon_end : polygons.polygon_ends) {
        std::vector<geos::Geom> rings;
        for (; ring < polygon_end; ++ring) {
            const std::uint32_t end = polygons.ring_ends[ring];
            const int n = static_cast<int>(end - point);
            buffers.x.resize(n);
            buffers.y.resize(n);
            for (int i = 0; i < n; ++i) {
                buffers.x[i] = polygons.xy[2 * (point + i)];
                buffers.y[i] = polygons.xy[2 * (point + i) + 1];
            }
            rings.push_back(ring_from_buffers(n, transformer, where, buffers));
            point = end;
        }
        if (rings.empty()) continue;
        geos::Geom shell = std::move(rings.front());
        rings.erase(rings.begin());
        parts.push_back(polygon_from(std::move(shell), std::move(rings), where));
    }
    return {collect_parts(std::move(parts), where), 0};
}

ConvertedShape to_geos(const OGRGeometry& geometry, const Transformer& transformer, const std::string& where) {
    std::vector<const OGRPolygon*> polygons;
    std::vector<std::unique_ptr<OGRGeometry>> linearised;
    ConvertedShape result;
    collect_polygons(geometry, polygons, linearised, result.dropped_parts);
    if (polygons.empty()) return result;
    thread_local Buffers buffers;
    std::vector<geos::Geom> parts;
    parts.reserve(polygons.size());
    for (const OGRPolygon* polygon : polygons)
        if (!polygon->IsEmpty()) parts.push_back(polygon_to_geos(*polygon, transformer, where, buffers));
    result.shape = collect_parts(std::move(parts), where);
    return result;
}

}  // namespace geo
