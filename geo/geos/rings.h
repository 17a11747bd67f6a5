#pragma once
// A shape's rings as plain coordinates, for code that draws them and should not walk GEOS itself
// (the planner's outlines of moved wards).
#include "geo/geos/context.h"

#include <vector>

namespace geo::geos {

// Each ring of a polygon or multipolygon as interleaved x,y, the closing point included, shells
// before their holes.
std::vector<std::vector<double>> rings_xy(const GEOSGeometry& shape);

}  // namespace geo::geos
