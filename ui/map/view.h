#pragma once
// Where the map looks: a centre in the working CRS and a scale. Screen y grows downwards, world y
// upwards. Plain data with the arithmetic of panning and zooming; no ImGui, no GL.
#include "geo/core/extent.h"
#include "geo/geos/context.h"
#include "render/gl/map_renderer.h"

namespace ui {

struct WorldPoint {
    double x = 0, y = 0;
};
struct ScreenPoint {
    double x = 0, y = 0;
};
inline WorldPoint world(const geo::geos::Point& p) { return {p.x, p.y}; }

struct MapView {
    double center_x = 0, center_y = 0;
    double metres_per_pixel = 1;
    int width = 1, height = 1;
    // Pixels along each edge that panels cover: fitting keeps the data clear of them.
    double inset_left = 0, inset_top = 0, inset_right = 0, inset_bottom = 0;

    WorldPoint to_world(ScreenPoint p) const;
    ScreenPoint to_screen(WorldPoint p) const;
    void pan_pixels(double dx, double dy);
    // The world point under the cursor stays under it.
    void zoom_at(ScreenPoint cursor, double factor);
    void fit(const geo::Extent& extent, double margin = 0.06);
    render::gl::ViewTransform transform() const;
    // Part way from here to `target` (0..1): flying to a finding over a few frames.
    void approach(const MapView& target, double fraction);
};

}  // namespace ui
