#include "geo/core/extent.h"

#include <algorithm>

namespace geo {

void Extent::include(double x, double y) {
    if (empty) {
        min_x = max_x = x;
        min_y = max_y = y;
        empty = false;
        return;
    }
    min_x = std::min(min_x, x);
    max_x = std::max(max_x, x);
    min_y = std::min(min_y, y);
    max_y = std::max(max_y, y);
}

void Extent::include(const Extent& other) {
    if (other.empty) return;
    include(other.min_x, other.min_y);
    include(other.max_x, other.max_y);
}

}  // namespace geo
