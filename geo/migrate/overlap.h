#pragma once
// How the wards of one set lie over those of another: for each new ward, the area it shares with
// each old ward (GEOS intersections, working CRS, m²). What carrying a plan to new boundaries is
// decided from.
#include "geo/core/progress.h"
#include "geo/source/ward.h"

#include <vector>

namespace geo {

struct Overlap {
    std::size_t old_ward = 0;
    double area = 0;  // m²
};

struct WardOverlaps {
    double area = 0;               // the new ward's own area, m²
    std::vector<Overlap> parts;    // old wards it shares area with (over 0), by old ward index
};

// Both sets must be in the same working CRS. Throws GeometryError, Cancelled.
std::vector<WardOverlaps> overlap_wards(const WardSet& old_wards, const WardSet& new_wards, const Progress& progress = {});

}  // namespace geo
