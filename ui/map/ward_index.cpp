#include "ui/map/ward_index.h"

#include "geo/core/parallel.h"

#include <algorithm>
#include <cmath>

namespace ui {

WardIndex::WardIndex(const geo::UnitSet& wards) : wards_(wards), extent_(wards.extent) {
    const std::size_t n = wards.units.size();
    envelopes_.resize(n);
    label_points_.resize(n);
    geo::parallel_for(n, [&](std::size_t i) {
        if (!wards.units[i].shape) return;
        envelopes_[i] = geo::geos::envelope(*wards.units[i].shape);
        const geo::geos::Point p = geo::geos::point_on_surface(*wards.units[i].shape);
        label_points_[i] = {p.x, p.y};
    });
    // About four wards a cell.
    const int side = std::max(1, static_cast<int>(std::sqrt(static_cast<double>(n) / 4)));
    columns_ = rows_ = side;
    cell_w_ = std::max(extent_.max_x - extent_.min_x, 1.0) / columns_;
    cell_h_ = std::max(extent_.max_y - extent_.min_y, 1.0) / rows_;
    cells_.resize(static_cast<std::size_t>(columns_ * rows_));
    for (std::size_t i = 0; i < n; ++i) {
        const geo::Extent& e = envelopes_[i];
        if (e.empty) continue;
        const int c0 = std::clamp(static_cast<int>((e.min_x - extent_.min_x) / cell_w_), 0, columns_ - 1);
        const int c1 = std::clamp(static_cast<int>((e.max_x - extent_.min_x) / cell_w_), 0, columns_ - 1);
        const int r0 = std::clamp(static_cast<int>((e.min_y - extent_.min_y) / cell_h_), 0, rows_ - 1);
        const int r1 = std::clamp(static_cast<int>((e.max_y - extent_.min_y) / cell_h_), 0, rows_ - 1);
        for (int r = r0; r <= r1; ++r)
            for (int c = c0; c <= c1; ++c) cells_[static_cast<std::size_t>(r * columns_ + c)].push_back(i);
    }
}

std::optional<std::size_t> WardIndex::ward_at(WorldPoint p) const {
    if (p.x < extent_.min_x || p.x > extent_.max_x || p.y < extent_.min_y || p.y > extent_.max_y) return std::nullopt;
    const int c = std::clamp(static_cast<int>((p.x - extent_.min_x) / cell_w_), 0, columns_ - 1);
    const int r = std::clamp(static_cast<int>((p.y - extent_.min_y) / cell_h_), 0, rows_ - 1);
    GEOSContextHandle_t h = geo::geos::handle();
    const geo::geos::Geom point = geo::geos::own(GEOSGeom_createPointFromXY_r(h, p.x, p.y), "make the cursor point");
    for (std::size_t ward : cells_[static_cast<std::size_t>(r * columns_ + c)]) {
        const geo::Extent& e = envelopes_[ward];
        if (p.x < e.min_x || p.x > e.max_x || p.y < e.min_y || p.y > e.max_y) continue;
        const GEOSGeometry* shape = wards_.units[ward].shape.get();
        if (shape && GEOSIntersects_r(h, shape, point.get()) == 1) return ward;
    }
    return std::nullopt;
}

std::vector<std::size_t> WardIndex::wards_in(const geo::Extent& box) const {
    std::vector<std::size_t> found;
    for (std::size_t i = 0; i < label_points_.size(); ++i) {
        const WorldPoint p = label_points_[i];
        if (!envelopes_[i].empty && p.x >= box.min_x && p.x <= box.max_x && p.y >= box.min_y && p.y <= box.max_y)
            found.push_back(i);
    }
    return found;
}

}  // namespace ui
