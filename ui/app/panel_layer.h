#pragma once
// The ImGui panels kept as an image, drawn again only when what they draw changes, and blended over
// the map on the other frames. Under Mesa's llvmpipe the panels cost ~20 ms a frame at 1600x1000:
// ImGui fills 1.5 million pixels a frame (windows, the tables inside them and their row colours
// overlap), each a filtered texture sample and a blend, which is the 20 ms the window cost before
// any map was drawn. Map labels (the background list) and tooltips, which move with the map and
// the cursor, are still drawn straight into the window, under and over the panels.
#include "render/gl/offscreen_image.h"

#include <cstdint>
#include <vector>

struct ImDrawData;
struct ImDrawList;

namespace ui {

class PanelLayer {
public:
    // Draws ImGui's frame over what the window holds.
    void render(const ImDrawData& frame);
    // How many times the panels were drawn into the image: for tests.
    long draws() const { return draws_; }

private:
    render::gl::OffscreenImage image_;
    std::uint64_t drawn_ = 0;  // fingerprint of the panels in the image (0: none)
    std::uint64_t last_ = 0;   // ... and of the last frame's
    std::vector<ImDrawList*> below_, panels_, above_;
    std::vector<render::gl::PixelRect> parts_;
    long draws_ = 0;
};

}  // namespace ui
