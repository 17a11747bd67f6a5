#pragma once
// Gaps and overlaps between neighbouring units: a coverage should tile its area exactly.
// Overlaps show up as area counted twice (members' areas add up to more than their union), so
// only groups where that happens are searched pair by pair; gaps are the holes of the union.
#include "geo/core/progress.h"
#include "geo/source/ward.h"

namespace geo {

struct CoverageCheck {
    HygieneReport report;    // one problem per gap or overlap of at least the tolerance
    double units_area = 0;   // sum of unit areas, m²
    double covered_area = 0; // area of their union, m²
    std::size_t gaps = 0, overlaps = 0;
};

CoverageCheck check_coverage(const WardSet& set, double tolerance_m2, const Progress& progress = {});

}  // namespace geo
