#pragma once
// Which ward is under a point, and which wards fall in a box: a grid over the wards' envelopes,
// then an exact GEOS test on the few candidates. Built once at load; the ward set never changes.
#include "geo/source/unit.h"
#include "ui/map/view.h"

#include <optional>
#include <vector>

namespace ui {

class WardIndex {
public:
    explicit WardIndex(const geo::UnitSet& wards);
    std::optional<std::size_t> ward_at(WorldPoint p) const;
    // Wards whose label point lies in the box: what a box selection takes.
    std::vector<std::size_t> wards_in(const geo::Extent& box) const;
    WorldPoint label_point(std::size_t ward) const { return label_points_[ward]; }
    const geo::Extent& envelope(std::size_t ward) const { return envelopes_[ward]; }

private:
    std::size_t cell(double x, double y) const;
    const geo::UnitSet& wards_;
    geo::Extent extent_;
    int columns_ = 1, rows_ = 1;
    double cell_w_ = 1, cell_h_ = 1;
    std::vector<std::vector<std::size_t>> cells_;
    std::vector<geo::Extent> envelopes_;
    std::vector<WorldPoint> label_points_;
};

}  // namespace ui
