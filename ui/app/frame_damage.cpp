#include "ui/app/frame_damage.h"

#include <algorithm>
#include <cmath>

namespace ui {

namespace {
// Frames of history kept: a back buffer older than this is composed whole.
constexpr std::size_t kept_frames = 3;

// Tiles of `width` x `height` pixels for which `keep` holds, as rectangles that do not overlap:
// runs along each row of tiles, joined with the rows below when they span the same columns.
std::vector<render::gl::PixelRect> tile_runs(int width, int height, int tile, const std::function<bool(int, int)>& keep) {
    const int columns = (width + tile - 1) / tile, rows = (height + tile - 1) / tile;
    struct Run {
        int c0, c1, r0, r1;  // tiles; columns exclusive, rows inclusive
    };
    std::vector<Run> done, open, next;
    for (int r = 0; r < rows; ++r) {
        next.clear();
        for (int c = 0; c < columns;) {
            if (!keep(c, r)) { ++c; continue; }
            const int start = c;
            while (c < columns && keep(c, r)) ++c;
            // The same columns as a run of the row above: one rectangle.
            auto above = std::find_if(open.begin(), open.end(), [&](const Run& run) { return run.c0 == start && run.c1 == c; });
            if (above != open.end()) {
                next.push_back({start, c, above->r0, r});
                open.erase(above);
            } else {
                next.push_back({start, c, r, r});
            }
        }
        done.insert(done.end(), open.begin(), open.end());
        open.swap(next);
    }
    done.insert(done.end(), open.begin(), open.end());
    std::vector<render::gl::PixelRect> rects;
    rects.reserve(done.size());
    for (const Run& run : done) {
        const int x0 = run.c0 * tile, x1 = std::min(width, run.c1 * tile);
        const int top = run.r0 * tile, bottom = std::min(height, (run.r1 + 1) * tile);
        // GL counts rows from the bottom of the window, ImGui from the top.
        rects.push_back({x0, height - bottom, x1 - x0, bottom - top});
    }
    return rects;
}
}  // namespace

void FrameDamage::begin(int width, int height, int age) {
    const bool resized = width != width_ || height != height_;
    if (resized) {
        width_ = std::max(width, 0), height_ = std::max(height, 0);
        columns_ = (width_ + tile - 1) / tile, rows_ = (height_ + tile - 1) / tile;
        before_.clear();
        own_.assign(static_cast<std::size_t>(columns_ * rows_), 0);
    } else {
        before_.push_front(own_);
        if (before_.size() > kept_frames) before_.pop_back();
        std::fill(own_.begin(), own_.end(), 0);
    }
    damaged_.assign(own_.size(), 0);
    // The back buffer holds the frame `age` ago: the frames since (age - 1 of them) changed it.
    const std::size_t since = age > 0 ? static_cast<std::size_t>(age - 1) : 0;
    if (resized || age <= 0 || since > before_.size()) {
        std::fill(damaged_.begin(), damaged_.end(), 1);
        return;
    }
    for (std::size_t k = 0; k < since; ++k)
        for (std::size_t i = 0; i < damaged_.size(); ++i) damaged_[i] |= before_[k][i];
}

void FrameDamage::mark(int c0, int r0, int c1, int r1) {
    c0 = std::max(c0, 0), r0 = std::max(r0, 0), c1 = std::min(c1, columns_ - 1), r1 = std::min(r1, rows_ - 1);
    for (int r = r0; r <= r1; ++r)
        for (int c = c0; c <= c1; ++c) damaged_[index(c, r)] = own_[index(c, r)] = 1;
}

void FrameDamage::add_all() { mark(0, 0, columns_ - 1, rows_ - 1); }

void FrameDamage::add(const render::gl::PixelRect& rect) {
    const render::gl::PixelRect r = render::gl::intersection(rect, {0, 0, width_, height_});
    if (r.width <= 0 || r.height <= 0) return;
    const int top = height_ - (r.y + r.height), bottom = height_ - r.y;  // bottom exclusive
    mark(r.x / tile, top / tile, (r.x + r.width - 1) / tile, (bottom - 1) / tile);
}

void FrameDamage::add(const PanelBox& box, float scale_x, float scale_y) {
    if (box.x1 <= box.x0 || box.y1 <= box.y0) return;
    // Clamped before they become ints: a box far off the window is millions of pixels away.
    auto pixel = [](double at, int limit) { return static_cast<int>(std::clamp(at, -1.0, limit + 1.0)); };
    const int x0 = pixel(std::floor(box.x0 * scale_x), width_), x1 = pixel(std::ceil(box.x1 * scale_x), width_);
    const int y0 = pixel(std::floor(box.y0 * scale_y), height_), y1 = pixel(std::ceil(box.y1 * scale_y), height_);
    if (x1 <= 0 || y1 <= 0 || x0 >= width_ || y0 >= height_ || x1 <= x0 || y1 <= y0) return;
    mark(std::max(x0, 0) / tile, std::max(y0, 0) / tile, (x1 - 1) / tile, (y1 - 1) / tile);
}

bool FrameDamage::any() const { return std::find(damaged_.begin(), damaged_.end(), 1) != damaged_.end(); }

bool FrameDamage::all() const { return std::find(damaged_.begin(), damaged_.end(), 0) == damaged_.end(); }

std::vector<render::gl::PixelRect> FrameDamage::parts(const std::function<bool(int, int)>& keep) const {
    return tile_runs(width_, height_, tile, [&](int c, int r) { return damaged(c, r) && (!keep || keep(c, r)); });
}


}  // namespace ui
