#include "geo/source/ogr_to_geos.h"

#include "geo/source/geojson_reader.h"

#include <memory>
#include <vector>

namespace geo {
namespace {

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

void append_ring(const OGRLinearRing& ring, GeoJsonPolygons& flat) {
    const std::size_t at = flat.xy.size();
    const int n = ring.getNumPoints();
    flat.xy.resize(at + 2 * static_cast<std::size_t>(n));
    ring.getPoints(flat.xy.data() + at, 2 * sizeof(double), flat.xy.data() + at + 1, 2 * sizeof(double));
    flat.ring_ends.push_back(static_cast<std::uint32_t>(flat.xy.size() / 2));
}

// The polygons' rings, flat, as the GeoJSON reader gives them; empty rings kept as GDAL has them.
void flatten(const std::vector<const OGRPolygon*>& polygons, GeoJsonPolygons& flat) {
    flat.xy.clear();
    flat.ring_ends.clear();
    flat.polygon_ends.clear();
    for (const OGRPolygon* polygon : polygons) {
        if (polygon->IsEmpty()) continue;
        append_ring(*polygon->getExteriorRing(), flat);
        for (int i = 0; i < polygon->getNumInteriorRings(); ++i) append_ring(*polygon->getInteriorRing(i), flat);
        flat.polygon_ends.push_back(static_cast<std::uint32_t>(flat.ring_ends.size()));
    }
}

geos::Geom collect_parts(std::vector<geos::Geom> parts, const std::string& where) {
    if (parts.empty()) return nullptr;
    if (parts.size() == 1) return std::move(parts.front());
    return geos::collect(GEOS_MULTIPOLYGON, std::move(parts), "make a multipolygon of " + where);
}

// The polygons of a flat feature, each ring's coordinates given by `ring_xy(first, end)`.
template <typename RingXy>
geos::Geom build_polygons(const GeoJsonPolygons& polygons, RingXy ring_xy, const std::string& where) {
    std::vector<geos::Geom> parts;
    std::uint32_t ring = 0, point = 0;
    for (const std::uint32_t polygon_end : polygons.polygon_ends) {
        std::vector<geos::Geom> rings;
        for (; ring < polygon_end; ++ring) {
            const std::uint32_t end = polygons.ring_ends[ring];
            rings.push_back(geos::make_ring(ring_xy(point, end), end - point, "make a ring of " + where));
            point = end;
        }
        if (rings.empty()) continue;
        geos::Geom shell = std::move(rings.front());
        rings.erase(rings.begin());
        parts.push_back(geos::make_polygon(std::move(shell), std::move(rings), "make a polygon of " + where));
    }
    return collect_parts(std::move(parts), where);
}

}  // namespace

ConvertedShape to_geos(const GeoJsonPolygons& polygons, VertexTransform& vertices, const std::string& where) {
    // A source in the working CRS goes to GEOS straight from the flat coordinates: no place kept.
    if (vertices.identity())
        return {build_polygons(polygons, [&](std::uint32_t first, std::uint32_t) { return polygons.xy.data() + 2 * std::size_t{first}; }, where), 0};
    thread_local std::vector<std::uint32_t> ids;
    thread_local std::vector<double> xy;
    const std::size_t points = polygons.xy.size() / 2;
    ids.resize(points);
    for (std::size_t i = 0; i < points; ++i) ids[i] = vertices.place(polygons.xy[2 * i], polygons.xy[2 * i + 1]);
    vertices.transform_new(where);
    const auto transformed = [&](std::uint32_t first, std::uint32_t end) {
        xy.resize(2 * std::size_t{end - first});
        for (std::uint32_t i = first; i < end; ++i) {
            xy[2 * (i - first)] = vertices.x(ids[i]);
            xy[2 * (i - first) + 1] = vertices.y(ids[i]);
        }
        return xy.data();
    };
    return {build_polygons(polygons, transformed, where), 0};
}

std::size_t polygon_points(const OGRGeometry& geometry) {
    if (const auto* polygon = dynamic_cast<const OGRCurvePolygon*>(&geometry)) {
        std::size_t points = 0;
        for (const OGRCurve* ring : *polygon) points += static_cast<std::size_t>(ring->getNumPoints());
        return points;
    }
    std::size_t points = 0;
    if (const auto* collection = dynamic_cast<const OGRGeometryCollection*>(&geometry))
        for (const OGRGeometry* part : *collection) points += polygon_points(*part);
    return points;
}

std::size_t flatten_polygons(const OGRGeometry& geometry, GeoJsonPolygons& flat) {
    std::vector<const OGRPolygon*> polygons;
    std::vector<std::unique_ptr<OGRGeometry>> linearised;
    std::size_t dropped = 0;
    collect_polygons(geometry, polygons, linearised, dropped);
    flatten(polygons, flat);
    return dropped;
}

}  // namespace geo
