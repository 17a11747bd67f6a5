#pragma once
// Map coordinates (the working CRS, metres) to page coordinates (points, y down) and back. One
// uniform scale, so the map is never stretched and a scale bar drawn from it is true to the CRS.
// Exposed so tests can find where a ward was drawn.
#include "geo/core/extent.h"
#include "render/labels/place.h"

namespace render {

class PageTransform {
public:
    PageTransform() = default;
    // The largest scale at which `world` fits inside `frame`, centred in it.
    PageTransform(const geo::Extent& world, const Box& frame);

    PagePoint to_page(double x, double y) const { return {origin_x_ + (x - world_x_) * scale_, origin_y_ - (y - world_y_) * scale_}; }
    double to_world_x(double page_x) const { return world_x_ + (page_x - origin_x_) / scale_; }
    double to_world_y(double page_y) const { return world_y_ - (page_y - origin_y_) / scale_; }
    double points_per_metre() const { return scale_; }

private:
    double scale_ = 1;
    double world_x_ = 0, world_y_ = 0;    // a world point ...
    double origin_x_ = 0, origin_y_ = 0;  // ... and where it lands on the page
};

}  // namespace render
