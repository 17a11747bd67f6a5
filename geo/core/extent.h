#pragma once
// A bounding box, growing as points are included.
namespace geo {

struct Extent {
    double min_x = 0, min_y = 0, max_x = 0, max_y = 0;
    bool empty = true;
    void include(double x, double y);
    void include(const Extent& other);
    bool overlaps(const Extent& other) const {
        return !empty && !other.empty && min_x < other.max_x && other.min_x < max_x && min_y < other.max_y &&
               other.min_y < max_y;
    }
};

}  // namespace geo
