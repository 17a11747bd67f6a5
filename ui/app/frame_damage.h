#pragma once
// Where this frame's window differs from what the window's back buffer already holds, in 16-pixel
// tiles. When the back buffer keeps the frame drawn before (back_buffer.h), only those tiles are
// composed again — the map, its labels, the panels, the tooltips — and the rest of the window is
// left as it is: an edit that changes one ward and a few numbers then costs those pixels, not the
// 1.6 million of a 1600x1000 window copied and blended every frame (~8 ms under Mesa's llvmpipe).
#include "render/gl/offscreen_image.h"
#include "ui/app/panel_damage.h"

#include <deque>
#include <functional>
#include <vector>

namespace ui {

class FrameDamage {
public:
    static constexpr int tile = 16;  // pixels

    // A new frame of `width` x `height` pixels over a back buffer that holds the frame drawn `age`
    // frames ago (1: the last one; 0: nothing known, so all of it is damaged). What the frames since
    // then changed is damaged already.
    void begin(int width, int height, int age);
    void add_all();
    // GL's pixels, counted from the bottom left.
    void add(const render::gl::PixelRect& rect);
    // ImGui's coordinates, from the top left, times the framebuffer's scale.
    void add(const PanelBox& box, float scale_x, float scale_y);

    bool any() const;
    bool all() const;
    int width() const { return width_; }
    int height() const { return height_; }
    int columns() const { return columns_; }
    int rows() const { return rows_; }  // row 0 at the top, as ImGui counts
    bool damaged(int column, int row) const { return damaged_[index(column, row)] != 0; }
    std::size_t index(int column, int row) const { return static_cast<std::size_t>(row * columns_ + column); }

    // The damaged tiles for which `keep(column, row)` holds, as rectangles in GL's pixels that do
    // not overlap (runs along each row of tiles, joined with the rows below when they match).
    std::vector<render::gl::PixelRect> parts(const std::function<bool(int, int)>& keep = {}) const;

private:
    void mark(int c0, int r0, int c1, int r1);  // tiles, inclusive

    int width_ = 0, height_ = 0, columns_ = 0, rows_ = 0;
    std::vector<char> damaged_;            // what this frame composes again
    std::vector<char> own_;                // what this frame itself changed
    std::deque<std::vector<char>> before_;  // what each frame before changed, the last first
};

}  // namespace ui
