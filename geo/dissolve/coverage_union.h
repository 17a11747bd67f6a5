#pragma once
// The union of polygons that tile an area without overlapping (a polygonal coverage).
#include "geo/geos/context.h"
#include "geo/hygiene/report.h"

#include <vector>

namespace geo {

struct CoverageUnionResult {
    geos::Geom shape;
    bool snap_rounded = false;      // the fast coverage union refused the input
    std::size_t slivers_closed = 0;
    double sliver_area = 0;         // m² closed
};

// Coverage union first (linear: shared edges cancel out). Where members do not share their edges
// exactly it falls back to snap-rounding union on a `grid`-metre grid for that group alone.
// Holes smaller than `sliver_area` m² are gaps between members, not real holes: they are closed.
CoverageUnionResult union_coverage(const std::vector<const GEOSGeometry*>& members, double grid, double sliver_area);

}  // namespace geo
