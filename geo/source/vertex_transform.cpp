#include "geo/source/vertex_transform.h"

#include <cmath>
#include <limits>

namespace geo {
namespace {

constexpr std::uint32_t empty_slot = std::numeric_limits<std::uint32_t>::max();

// Metres per unit of the source CRS, at most: a degree is under 111.8 km anywhere on Earth.
double metres_per_unit(const Crs& source) {
    if (source.srs.IsGeographic()) return source.srs.GetAngularUnits() * 6.4e6;
    const double linear = source.srs.GetLinearUnits();
    return linear > 0 ? linear : 0;
}

}  // namespace

VertexTransform::VertexTransform(const Transformer& transformer, const Crs& source, double snap_tolerance)
    : transformer_(transformer) {
    const double per_unit = metres_per_unit(source);
    // Only where a transformation costs something: a source in the working CRS stays bit for bit.
    if (!transformer.identity() && snap_tolerance > 0 && per_unit > 0) {
        reach_ = snap_tolerance / 2 / per_unit;
        per_cell_ = 1 / (32 * reach_);  // cells 32 reaches wide: a vertex looks next door only near a border
        slots_.assign(1024, empty_slot);
        mask_ = slots_.size() - 1;
    }
}

std::int64_t VertexTransform::cell(double v) const { return static_cast<std::int64_t>(std::floor(v * per_cell_)); }

std::size_t VertexTransform::slot_of(std::int64_t cx, std::int64_t cy) const {
    const auto h = static_cast<std::uint64_t>(cx) * 0x9E3779B97F4A7C15ull ^ static_cast<std::uint64_t>(cy) * 0xC2B2AE3D27D4EB4Full;
    return static_cast<std::size_t>(h ^ (h >> 29)) & mask_;
}

std::uint32_t VertexTransform::place(double x, double y) {
    if (reach_ > 0 && std::isfinite(x) && std::isfinite(y)) {
        const double fx = x * per_cell_, fy = y * per_cell_;
        const auto cx = static_cast<std::int64_t>(std::floor(fx)), cy = static_cast<std::int64_t>(std::floor(fy));
        constexpr double margin = 1.0 / 32;
        const int x0 = fx - cx < margin ? -1 : 0, x1 = cx + 1 - fx < margin ? 1 : 0;
        const int y0 = fy - cy < margin ? -1 : 0, y1 = cy + 1 - fy < margin ? 1 : 0;
        double best = reach_ * reach_;
        std::uint32_t nearest = empty_slot;
        for (int dx = x0; dx <= x1; ++dx)
            for (int dy = y0; dy <= y1; ++dy)
                for (std::size_t i = slot_of(cx + dx, cy + dy); slots_[i] != empty_slot; i = (i + 1) & mask_) {
                    const std::uint32_t id = slots_[i];
                    const double px = source_xy_[2 * id], py = source_xy_[2 * id + 1];
                    const double d = (px - x) * (px - x) + (py - y) * (py - y);
                    if (d <= best) best = d, nearest = id;  // a neighbour cell's place met on the way is as good
                }
        if (nearest != empty_slot) {
            if (source_xy_[2 * nearest] != x || source_xy_[2 * nearest + 1] != y) ++merged_;
            return nearest;
        }
    }
    const auto id = static_cast<std::uint32_t>(source_xy_.size() / 2);
    source_xy_.push_back(x);
    source_xy_.push_back(y);
    if (reach_ > 0 && std::isfinite(x) && std::isfinite(y)) {
        if (2 * (id + 1) > slots_.size()) grow();
        else insert(id);
    }
    return id;
}

void VertexTransform::insert(std::uint32_t id) {
    std::size_t i = slot_of(cell(source_xy_[2 * id]), cell(source_xy_[2 * id + 1]));
    while (slots_[i] != empty_slot) i = (i + 1) & mask_;
    slots_[i] = id;
}

// Doubles the table and puts every place back, the newest included.
void VertexTransform::grow() {
    slots_.assign(slots_.size() * 2, empty_slot);
    mask_ = slots_.size() - 1;
    const auto places = static_cast<std::uint32_t>(source_xy_.size() / 2);
    for (std::uint32_t id = 0; id < places; ++id)
        if (std::isfinite(source_xy_[2 * id]) && std::isfinite(source_xy_[2 * id + 1])) insert(id);
}

void VertexTransform::transform_new(const std::string& where) {
    const std::size_t places = source_xy_.size() / 2;
    out_x_.resize(places);
    out_y_.resize(places);
    for (std::size_t id = transformed_; id < places; ++id) {
        out_x_[id] = source_xy_[2 * id];
        out_y_[id] = source_xy_[2 * id + 1];
    }
    transformer_.apply(places - transformed_, out_x_.data() + transformed_, out_y_.data() + transformed_, where);
    transformed_ = places;
}

}  // namespace geo
