#include "geo/source/ward_index.h"

#include "geo/core/parallel.h"

#include <algorithm>
#include <cmath>

namespace geo {

WardIndex::WardIndex(const WardSet& units) : units_(units), extent_(units.extent) {
    const std::size_t n = units.units.size();
    envelopes_.resize(n);
    label_points_.resize(n);
    parallel_for(n, [&](std::size_t i) {
        if (!units.units[i].shape) return;
        envelopes_[i] = geos::envelope(*units.units[i].shape);
        label_points_[i] = geos::point_on_surface(*units.units[i].shape);
    });
    // About four units a cell.
    const int side = std::max(1, static_cast<int>(std::sqrt(static_cast<double>(n) / 4)));
    columns_ = rows_ = side;
    cell_w_ = std::max(extent_.max_x - extent_.min_x, 1.0) / columns_;
    cell_h_ = std::max(extent_.max_y - extent_.min_y, 1.0) / rows_;
    cells_.resize(static_cast<std::size_t>(columns_ * rows_));
    for (std::size_t i = 0; i < n; ++i) {
        const Extent& e = envelopes_[i];
        if (e.empty) continue;
        const int c0 = std::clamp(static_cast<int>((e.min_x - extent_.min_x) / cell_w_), 0, columns_ - 1);
        const int c1 = std::clamp(static_cast<int>((e.max_x - extent_.min_x) / cell_w_), 0, columns_ - 1);
        const int r0 = std::clamp(static_cast<int>((e.min_y - extent_.min_y) / cell_h_), 0, rows_ - 1);
        const int r1 = std::clamp(static_cast<int>((e.max_y - extent_.min_y) / cell_h_), 0, rows_ - 1);
        for (int r = r0; r <= r1; ++r)
            for (int c = c0; c <= c1; ++c) cells_[static_cast<std::size_t>(r * columns_ + c)].push_back(i);
    }
}

std::optional<std::size_t> WardIndex::unit_at(double x, double y) const {
    if (x < extent_.min_x || x > extent_.max_x || y < extent_.min_y || y > extent_.max_y) return std::nullopt;
    const int c = std::clamp(static_cast<int>((x - extent_.min_x) / cell_w_), 0, columns_ - 1);
    const int r = std::clamp(static_cast<int>((y - extent_.min_y) / cell_h_), 0, rows_ - 1);
    GEOSContextHandle_t h = geos::handle();
    const geos::Geom point = geos::own(GEOSGeom_createPointFromXY_r(h, x, y), "make the point to look up");
    for (std::size_t unit : cells_[static_cast<std::size_t>(r * columns_ + c)]) {
        const Extent& e = envelopes_[unit];
        if (x < e.min_x || x > e.max_x || y < e.min_y || y > e.max_y) continue;
        const GEOSGeometry* shape = units_.units[unit].shape.get();
        if (shape && GEOSIntersects_r(h, shape, point.get()) == 1) return unit;
    }
    return std::nullopt;
}

std::vector<std::size_t> WardIndex::units_in(const Extent& box) const {
    std::vector<std::size_t> found;
    for (std::size_t i = 0; i < label_points_.size(); ++i) {
        const geos::Point p = label_points_[i];
        if (!envelopes_[i].empty && p.x >= box.min_x && p.x <= box.max_x && p.y >= box.min_y && p.y <= box.max_y)
            found.push_back(i);
    }
    return found;
}

}  // namespace geo
