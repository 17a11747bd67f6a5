#pragma once
// What the window's back buffer holds when a frame begins, so that the frame composes only what
// changed since (frame_damage.h). GLX_EXT_buffer_age says it where the driver knows; Mesa's
// software renderer under X without DRI (llvmpipe under Xvfb, or on a machine without a GPU)
// answers 0, "unknown", though it swaps by copying its back buffer to the window and keeps it.
// That is tried once at start: two frames cleared in two shades of the map's background, each read
// back after its swap. WARDMAP_FULL_FRAMES=1 composes every frame whole, whatever the driver says.
struct GLFWwindow;

namespace ui {

class BackBuffer {
public:
    // Swaps the window twice (the probe). The window's context must be current.
    explicit BackBuffer(GLFWwindow* window);
    // Before a frame is drawn: n when the back buffer holds the frame swapped n frames ago (1: the
    // last one), 0 when nothing is known of it.
    int age();
    void swap();
    // Whether the probe found the back buffer kept as the last frame left it.
    bool kept() const { return kept_; }
    // Frames begun over a back buffer of known age, of all begun: for the bench's report.
    long frames_over_kept() const { return over_kept_; }
    long frames_begun() const { return begun_; }

private:
    GLFWwindow* window_;
    bool asked_ = false;  // the driver has GLX_EXT_buffer_age
    bool kept_ = false;
    bool whole_ = false;  // WARDMAP_FULL_FRAMES
    long frames_ = 0;     // swapped since the probe
    long over_kept_ = 0, begun_ = 0;
};

}  // namespace ui
