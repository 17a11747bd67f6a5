#pragma once
// Geometry hygiene for one unit: invalid shapes are repaired, never silently passed on.
#include "geo/hygiene/report.h"
#include "geo/source/ward.h"

namespace geo {

// Keeps only the polygonal parts of a geometry (MakeValid can return a GeometryCollection with
// zero-area lines, which coverage union refuses); counts what was dropped.
geos::Geom keep_polygons(geos::Geom geometry, std::size_t& dropped);

// Repairs unit.shape if it is invalid and records what was done. Returns true if it was invalid.
bool ensure_valid(Ward& unit, const std::string& source, HygieneReport& report);

// Where GEOS says an invalidity is: "Self-intersection[524859.2 180764.1]".
std::optional<Location> location_in(const std::string& reason);

}  // namespace geo
