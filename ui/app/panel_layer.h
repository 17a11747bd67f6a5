#pragma once
// The ImGui panels kept as an image, drawn again only where what they draw changes (panel_damage.h),
// and copied over the window on every frame: as they are where a window is opaque, blended over the
// map along the panels' edges. Under Mesa's llvmpipe the panels cost ~20 ms a frame at 1600x1000
// when drawn whole: ImGui fills 1.5 million pixels a frame (windows, the tables inside them and
// their row colours overlap), each a filtered texture sample and a blend. Map labels (the
// background list) and tooltips, which move with the map and the cursor, are still drawn straight
// into the window, under and over the panels.
#include "render/gl/offscreen_image.h"
#include "ui/app/panel_damage.h"

#include <string>
#include <vector>

struct ImDrawData;
struct ImDrawList;

namespace ui {

class PanelLayer {
public:
    // Draws ImGui's frame over what the window holds.
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
    std::optional<std::vector<PanelBox>> damage(float width, float height);
    void draw_all(const ImDrawData& frame, int width, int height);
    void draw_parts(const ImDrawData& frame, const std::vector<PanelBox>& parts, int height);
    void remember();

    render::gl::OffscreenImage image_;
    bool drawn_ = false;      // the image holds the panels of `drawn_lists_`
    float drawn_width_ = 0, drawn_height_ = 0;
    std::vector<Drawn> drawn_lists_;
    std::vector<ImDrawList*> below_, panels_, above_;
    std::vector<render::gl::PixelRect> opaque_parts_, edge_parts_;  // copied as they are, blended over the map
    std::vector<ImVec4> clips_;  // scratch: the commands' own clip rectangles while a part is drawn
    long draws_ = 0;
    double last_drawn_pixels_ = 0;
};

}  // namespace ui
