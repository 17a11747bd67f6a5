#pragma once
// The ImGui panels kept as an image, drawn again only where what they draw changes (panel_damage.h),
// and copied into the window's damaged parts (frame_damage.h): as they are where a window is
// opaque, blended over the map along the panels' edges. Under Mesa's llvmpipe the panels cost
// ~20 ms a frame at 1600x1000 when drawn whole: ImGui fills 1.5 million pixels a frame (windows,
// the tables inside them and their row colours overlap), each a filtered texture sample and a
// blend. Map labels (the background list) and tooltips, which move with the map and the cursor,
// are drawn straight into the window's damaged parts, under and over the panels.
#include "render/gl/offscreen_image.h"
#include "ui/app/frame_damage.h"
#include "ui/app/panel_damage.h"

#include <string>
#include <vector>

struct ImDrawData;
struct ImDrawList;

namespace ui {

class PanelLayer {
public:
    // Works out what ImGui's frame changed since the last one: the panels' image is drawn again
    // where they changed, and `damage` gets every part of the window to compose again (panels,
    // the map labels under them, the tooltips over them).
    void prepare(const ImDrawData& frame, FrameDamage& damage);
    // The damaged parts that no opaque panel hides: where the map must be composed again first.
    std::vector<render::gl::PixelRect> uncovered(const FrameDamage& damage) const;
    // Labels, panels and tooltips over the map, which the damaged parts of the window already show.
    void compose(const ImDrawData& frame, const FrameDamage& damage);
    // All of ImGui's frame over what the window holds: prepare and compose with all of it damaged.
    void render(const ImDrawData& frame);
    // How many times the panels were drawn into the image, wholly or in part, and how many pixels
    // the last of those drew: for tests and the bench.
    long draws() const { return draws_; }
    double last_drawn_pixels() const { return last_drawn_pixels_; }

private:
    struct Drawn {
        std::string owner;  // the ImGui window the list draws
        DrawnList list;
    };
    // The boxes to draw again, or nullopt for all of it; empty when nothing changed.
    std::optional<std::vector<PanelBox>> panels_changed(float width, float height);
    void draw_all(const ImDrawData& frame, int width, int height);
    void draw_parts(const ImDrawData& frame, const std::vector<PanelBox>& parts, int height);
    void remember();
    // What a layer of lists (labels, tooltips) changed since `before`, which becomes what it is.
    static void changes(const std::vector<ImDrawList*>& lists, std::vector<Drawn>& before, FrameDamage& damage, ImVec2 scale);
    // Lists drawn straight into the window, only within `parts`.
    void draw_within(const ImDrawData& frame, const std::vector<ImDrawList*>& lists, const std::vector<render::gl::PixelRect>& parts);
    // Tiles of the window (FrameDamage's): what the panels do there.
    enum Cover : char { none, blended, copied };
    void cover(int width, int height);
    Cover cover_at(int column, int row) const { return kinds_[static_cast<std::size_t>(row * columns_ + column)]; }

    render::gl::OffscreenImage image_;
    bool drawn_ = false;      // the image holds the panels of `drawn_lists_`
    float drawn_width_ = 0, drawn_height_ = 0;
    std::vector<Drawn> drawn_lists_, drawn_below_, drawn_above_;
    std::vector<ImDrawList*> below_, panels_, above_;
    std::vector<Cover> kinds_;
    int columns_ = 0, rows_ = 0;
    std::vector<ImVec4> clips_;  // scratch: the commands' own clip rectangles while a part is drawn
    long draws_ = 0;
    double last_drawn_pixels_ = 0;
};

}  // namespace ui
