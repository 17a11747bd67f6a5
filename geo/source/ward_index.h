#pragma once
// Which ward is under a point, and which wards fall in a box: a grid over the wards' envelopes,
// then an exact GEOS test on the few candidates. Built once; the ward set must not change after.
// The planner asks it on every mouse move and box selection.
#include "geo/core/extent.h"
#include "geo/geos/context.h"
#include "geo/source/ward.h"

#include <optional>
#include <vector>

namespace geo {

class WardIndex {
public:
    explicit WardIndex(const WardSet& units);
    std::optional<std::size_t> unit_at(double x, double y) const;
    // Units whose label point lies in the box: what a box selection takes.
    std::vector<std::size_t> units_in(const Extent& box) const;
    // A point inside the unit (GEOS's point on surface), where its label goes.
    geos::Point label_point(std::size_t unit) const { return label_points_[unit]; }
    const Extent& envelope(std::size_t unit) const { return envelopes_[unit]; }

private:
    const WardSet& units_;
    Extent extent_;
    int columns_ = 1, rows_ = 1;
    double cell_w_ = 1, cell_h_ = 1;
    std::vector<std::vector<std::size_t>> cells_;
    std::vector<Extent> envelopes_;
    std::vector<geos::Point> label_points_;
};

}  // namespace geo
