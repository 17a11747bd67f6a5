#include "ui/map/view.h"

#include <algorithm>
#include <cmath>

namespace ui {

WorldPoint MapView::to_world(ScreenPoint p) const {
    return {center_x + (p.x - width / 2.0) * metres_per_pixel, center_y - (p.y - height / 2.0) * metres_per_pixel};
}

ScreenPoint MapView::to_screen(WorldPoint p) const {
    return {width / 2.0 + (p.x - center_x) / metres_per_pixel, height / 2.0 - (p.y - center_y) / metres_per_pixel};
}

void MapView::pan_pixels(double dx, double dy) {
    center_x -= dx * metres_per_pixel;
    center_y += dy * metres_per_pixel;
}

void MapView::zoom_at(ScreenPoint cursor, double factor) {
    const WorldPoint before = to_world(cursor);
    // A metre a pixel down to 1/2 km a pixel: past either end nothing more can be seen.
    metres_per_pixel = std::clamp(metres_per_pixel / factor, 0.05, 5000.0);
    const WorldPoint after = to_world(cursor);
    center_x += before.x - after.x;
    center_y += before.y - after.y;
}

void MapView::fit(const geo::Extent& extent, double margin) {
    if (extent.empty) return;
    // The free area, unless the panels leave too little of the window to be worth it.
    const bool use_insets = width - inset_left - inset_right > width / 3.0 && height - inset_top - inset_bottom > height / 3.0;
    const double left = use_insets ? inset_left : 0, right = use_insets ? inset_right : 0;
    const double top = use_insets ? inset_top : 0, bottom = use_insets ? inset_bottom : 0;
    const double free_w = std::max(width - left - right, 1.0), free_h = std::max(height - top - bottom, 1.0);
    const double w = std::max(extent.max_x - extent.min_x, 1.0), h = std::max(extent.max_y - extent.min_y, 1.0);
    metres_per_pixel = std::max(w / free_w, h / free_h) * (1 + 2 * margin);
    // The extent's middle goes to the free area's middle.
    const double shift_x = (left - right) / 2 * metres_per_pixel, shift_y = (bottom - top) / 2 * metres_per_pixel;
    center_x = (extent.min_x + extent.max_x) / 2 - shift_x;
    center_y = (extent.min_y + extent.max_y) / 2 - shift_y;
}

render::gl::ViewTransform MapView::transform() const {
    // The map's part of the window, between the panels, as GL counts pixels (from the bottom left).
    const int left = static_cast<int>(inset_left), right = static_cast<int>(inset_right);
    const int top = static_cast<int>(inset_top), bottom = static_cast<int>(inset_bottom);
    const render::gl::PixelRect visible{left, bottom, std::max(0, width - left - right), std::max(0, height - top - bottom)};
    return {center_x, center_y, metres_per_pixel, width, height, visible};
}

void MapView::approach(const MapView& target, double fraction) {
    center_x += (target.center_x - center_x) * fraction;
    center_y += (target.center_y - center_y) * fraction;
    // Zoom in log space, so flying out and in feel alike.
    metres_per_pixel = std::exp(std::log(metres_per_pixel) +
                                (std::log(target.metres_per_pixel) - std::log(metres_per_pixel)) * fraction);
}

}  // namespace ui
