#pragma once
// An image the size of the window that is drawn into on some frames and copied to the window on
// every frame, so what did not change is not drawn again. Under Mesa's llvmpipe at 1600x1000 a
// copy of the whole window costs a few ms, against up to ~50 ms to draw the England and Wales
// LSOAs or ~20 ms for the ImGui panels. The copy is a textured quad: glBlitFramebuffer into the
// window was slower (~7 ms against ~5), as Mesa flips it through a shader anyway.
#include "render/gl/handles.h"

#include <vector>

namespace render::gl {

// Pixels from the bottom-left, as glScissor and glViewport count them.
struct PixelRect {
    int x = 0, y = 0, width = 0, height = 0;
    bool operator==(const PixelRect&) const = default;
};
// The pixels in both (width or height 0 when none).
PixelRect intersection(const PixelRect& a, const PixelRect& b);

class OffscreenImage {
public:
    OffscreenImage();

    // Makes the image the target of the draws that follow, resized if the window was (then its
    // pixels are undefined until drawn).
    void draw_into(int width, int height);
    // Copies the whole image over the window (framebuffer 0), which becomes the draw target.
    void show();
    // Copies these parts of it (which must not overlap) over the window, as they are.
    void show(const std::vector<PixelRect>& parts);
    // Blends the image, premultiplied by its alpha, over the window within these rectangles
    // (which must not overlap): a layer drawn into a transparent image goes over what is there.
    void show_over(const std::vector<PixelRect>& parts);
    int width() const { return width_; }
    int height() const { return height_; }

private:
    void copy(const std::vector<PixelRect>& parts);

    Framebuffer framebuffer_;
    Texture pixels_;
    Program copy_;
    VertexArray vao_;
    Buffer corners_;
    std::vector<float> scratch_;  // the rectangles as triangles, kept to avoid allocating per frame
    int width_ = 0, height_ = 0;
};

}  // namespace render::gl
