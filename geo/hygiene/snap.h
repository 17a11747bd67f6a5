#pragma once
// Snapping a polygon coverage's vertices together. Generalised boundary sets (ONS clipped LSOAs)
// store each area's copy of a shared vertex separately, and the copies differ by fractions of a
// millimetre: coverage union then sees no shared edges at all. Vertices closer than the tolerance
// become one, so neighbours share their edges exactly again.
#include "geo/core/progress.h"
#include "geo/hygiene/report.h"
#include "geo/source/ward.h"

#include <vector>

namespace geo {

// Returns the number of vertices that moved. Snapping can fold a thin spike: check validity after.
// `moved`, if given, receives the indices of the units whose shape changed.
std::size_t snap_coverage(std::vector<Ward>& units, double tolerance, HygieneReport& report,
                          const Progress& progress = {}, std::vector<std::size_t>* moved = nullptr);

}  // namespace geo
