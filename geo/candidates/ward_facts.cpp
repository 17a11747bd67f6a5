#include "geo/candidates/ward_facts.h"

#include "geo/core/parallel.h"

#include <cmath>
#include <numbers>

namespace geo {
namespace {

double ring_length_km(const std::vector<double>& xy, const KmScale& s) {
    double km = 0;
    for (std::size_t i = 0; i + 3 < xy.size(); i += 2) km += std::hypot((xy[i + 2] - xy[i]) * s.x, (xy[i + 3] - xy[i + 1]) * s.y);
    return km;
}

}  // namespace

KmScale km_scale(const WardSet& wards) {
    if (!wards.working_crs.geographic()) return {};
    const double mid_lat = (wards.extent.min_y + wards.extent.max_y) / 2 * std::numbers::pi / 180;
    const double km_per_degree = 6371.0088 * std::numbers::pi / 180;
    return {km_per_degree * std::cos(mid_lat), km_per_degree};
}

WardFacts ward_facts(const WardSet& wards) {
    const std::size_t n = wards.units.size();
    const KmScale s = km_scale(wards);
    WardFacts facts;
    facts.area_km2.resize(n);
    facts.perimeter_km.resize(n);
    facts.x_km.resize(n);
    facts.y_km.resize(n);
    facts.adjacency = ward_adjacency(wards);
    parallel_for(n, [&](std::size_t w) {
        const GEOSGeometry& shape = *wards.units[w].shape;
        const GEOSContextHandle_t h = geos::handle();
        std::vector<double> xy;
        double perimeter = 0;
        geos::for_each_ring(shape, [&](const GEOSGeometry& ring) {
            geos::ring_xy(ring, xy);
            perimeter += ring_length_km(xy, s);
        });
        facts.perimeter_km[w] = perimeter;
        facts.area_km2[w] = geos::area(shape) * s.x * s.y;
        const geos::Geom centroid = geos::own(GEOSGetCentroid_r(h, &shape), "ward centroid");
        double x = 0, y = 0;
        geos::check(GEOSGeomGetX_r(h, centroid.get(), &x), "ward centroid x");
        geos::check(GEOSGeomGetY_r(h, centroid.get(), &y), "ward centroid y");
        facts.x_km[w] = x * s.x;
        facts.y_km[w] = y * s.y;
    });
    // The shared boundary of each pair of neighbours, measured by GEOS on the two boundaries: exact
    // where the wards' vertices differ along the border, which snapping does not always make equal.
    for (std::size_t a = 0; a < n; ++a)
        for (std::size_t b : facts.adjacency.neighbours[a])
            if (a < b) facts.borders.push_back({static_cast<std::uint32_t>(a), static_cast<std::uint32_t>(b), 0});
    std::vector<geos::Geom> boundary(n);
    parallel_for(n, [&](std::size_t w) { boundary[w] = geos::own(GEOSBoundary_r(geos::handle(), wards.units[w].shape.get()), "ward boundary"); });
    parallel_for(facts.borders.size(), [&](std::size_t i) {
        WardBorder& border = facts.borders[i];
        const GEOSContextHandle_t h = geos::handle();
        const geos::Geom shared = geos::own(GEOSIntersection_r(h, boundary[border.a].get(), boundary[border.b].get()), "shared ward boundary");
        double km = 0;
        std::vector<double> xy;
        // Only the lines of the intersection: points where the boundaries cross add nothing.
        const int parts = GEOSGetNumGeometries_r(h, shared.get());
        for (int p = 0; p < parts; ++p) {
            const GEOSGeometry* part = GEOSGetGeometryN_r(h, shared.get(), p);
            const int type = GEOSGeomTypeId_r(h, part);
            if (type == GEOS_LINESTRING || type == GEOS_MULTILINESTRING) {
                const int lines = GEOSGetNumGeometries_r(h, part);
                for (int l = 0; l < lines; ++l) {
                    geos::ring_xy(*GEOSGetGeometryN_r(h, part, l), xy);
                    km += ring_length_km(xy, s);
                }
            }
        }
        border.km = km;
    });
    return facts;
}

}  // namespace geo
