#pragma once
// Union of a polygonal coverage by cancelling shared edges, in time linear in its vertices.
//
// With every shell counter-clockwise and every hole clockwise, an edge two members share appears
// once in each direction and cancels; what is left is the union's boundary with its interior on
// the left, chained into rings (shells counter-clockwise, holes clockwise). This is GEOS's
// CoverageUnion without its polygonizer, whose allocations dominate a London dissolve.
#include "geo/geos/context.h"

#include <vector>

namespace geo {

// Null when the members are not an exactly-noded coverage (an edge without its twin, an edge
// covered twice): the caller then uses a robust union instead.
geos::Geom edge_union(const std::vector<const GEOSGeometry*>& members);

}  // namespace geo
