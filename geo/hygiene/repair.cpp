#include "geo/hygiene/repair.h"

#include "geo/geos/proven_valid.h"

#include <cstdio>
#include <fmt/format.h>

namespace geo {

std::optional<Location> location_in(const std::string& reason) {
    const auto open = reason.find('[');
    if (open == std::string::npos) return std::nullopt;
    Location where;
    if (std::sscanf(reason.c_str() + open + 1, "%lf %lf", &where.x, &where.y) != 2) return std::nullopt;
    return where;
}

static void gather_polygons(const GEOSGeometry& geometry, std::vector<geos::Geom>& polygons, std::size_t& dropped) {
    const int type = GEOSGeomTypeId_r(geos::handle(), &geometry);
    if (type == GEOS_POLYGON) {
        if (!GEOSisEmpty_r(geos::handle(), &geometry)) polygons.push_back(geos::clone(geometry));
    } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
        const int n = GEOSGetNumGeometries_r(geos::handle(), &geometry);
        for (int i = 0; i < n; ++i) gather_polygons(*GEOSGetGeometryN_r(geos::handle(), &geometry, i), polygons, dropped);
    } else {
        ++dropped;
    }
}

geos::Geom keep_polygons(geos::Geom geometry, std::size_t& dropped) {
    const int type = GEOSGeomTypeId_r(geos::handle(), geometry.get());
    if (type == GEOS_POLYGON || type == GEOS_MULTIPOLYGON) return geometry;
    std::vector<geos::Geom> polygons;
    gather_polygons(*geometry, polygons, dropped);
    if (polygons.size() == 1) return std::move(polygons.front());
    return geos::collect(GEOS_MULTIPOLYGON, std::move(polygons), "collect polygons");
}

bool ensure_valid(Ward& unit, const std::string& source, HygieneReport& report) {
    if (geos::proven_valid(*unit.shape) ||
        geos::check(GEOSisValid_r(geos::handle(), unit.shape.get()), "check validity of " + unit.where()))
        return false;
    const std::string reason = geos::invalid_reason(*unit.shape);
    const double before = geos::area(*unit.shape);
    geos::Geom repaired = geos::own(GEOSMakeValid_r(geos::handle(), unit.shape.get()), "repair " + unit.where());
    std::size_t dropped = 0;
    repaired = keep_polygons(std::move(repaired), dropped);
    const double after = geos::area(*repaired);
    report.add({ProblemKind::invalid_repaired, unit.code, unit.name, source,
                fmt::format("{}; repaired with MakeValid (area {:.1f} m² -> {:.1f} m²{})", reason, before, after,
                            dropped ? fmt::format(", {} zero-area part(s) dropped", dropped) : ""),
                location_in(reason), std::abs(after - before)});
    unit.shape = std::move(repaired);
    return true;
}

}  // namespace geo
