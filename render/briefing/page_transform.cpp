#include "render/briefing/page_transform.h"

#include <algorithm>

namespace render {

PageTransform::PageTransform(const geo::Extent& world, const Box& frame) {
    const double width = std::max(world.max_x - world.min_x, 1e-9);
    const double height = std::max(world.max_y - world.min_y, 1e-9);
    scale_ = std::min(frame.width() / width, frame.height() / height);
    // Centre the world's centre on the frame's centre.
    world_x_ = (world.min_x + world.max_x) / 2;
    world_y_ = (world.min_y + world.max_y) / 2;
    origin_x_ = (frame.x0 + frame.x1) / 2;
    origin_y_ = (frame.y0 + frame.y1) / 2;
}

}  // namespace render
