#pragma once
// What the scores of any plan over one ward set are built from, worked out once from the shapes:
// each ward's area, perimeter and centroid, and the length of boundary each pair of neighbours
// shares. A command unit's perimeter is then its wards' perimeters less twice the borders inside
// it, so a plan is scored without a single GEOS union.
#include "geo/rollout/adjacency.h"
#include "geo/source/ward.h"

#include <cstdint>
#include <vector>

namespace geo {

struct WardBorder {
    std::uint32_t a = 0, b = 0;  // a < b, indexes into WardSet::units
    double km = 0;
};

struct WardFacts {
    std::vector<double> area_km2, perimeter_km;
    std::vector<double> x_km, y_km;  // centroid; on a local flat projection when the CRS is lon/lat
    std::vector<WardBorder> borders;
    Adjacency adjacency;
};

WardFacts ward_facts(const WardSet& wards);

// Kilometres per unit of the wards' working CRS along x and y: 1/1000 in a projected CRS, or an
// equirectangular scale at the wards' mean latitude in lon/lat (good to ~0.1% across a county).
struct KmScale {
    double x = 1e-3, y = 1e-3;
};
KmScale km_scale(const WardSet& wards);

}  // namespace geo
