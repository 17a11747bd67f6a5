#include "ui/app/back_buffer.h"

#include "render/gl/gl.h"
#include "ui/app/env_flag.h"

#include <GL/glx.h>
#include <GLFW/glfw3.h>

#include <array>
#include <cmath>
#include <string_view>

#ifndef GLX_BACK_BUFFER_AGE_EXT
#define GLX_BACK_BUFFER_AGE_EXT 0x20F4
#endif

namespace ui {

namespace {

bool has_buffer_age() {
    Display* display = glXGetCurrentDisplay();
    if (!display) return false;  // not GLX (Wayland, EGL)
    const char* extensions = glXQueryExtensionsString(display, DefaultScreen(display));
    if (!extensions) return false;
    for (std::string_view rest = extensions; !rest.empty();) {
        const std::size_t space = rest.find(' ');
        if (rest.substr(0, space) == "GLX_EXT_buffer_age") return true;
        if (space == std::string_view::npos) break;
        rest.remove_prefix(space + 1);
    }
    return false;
}

// Clears the back buffer to a shade, swaps, and reads the back buffer again: the same shade if the
// swap kept it.
bool kept_after_swap(GLFWwindow* window, float blue) {
    glDisable(GL_SCISSOR_TEST);
    glClearColor(0.93f, 0.95f, blue, 1.f);
    glClear(GL_COLOR_BUFFER_BIT);
    glfwSwapBuffers(window);
    std::array<unsigned char, 4> pixel{};
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, pixel.data());
    return std::abs(static_cast<int>(pixel[2]) - static_cast<int>(std::lround(blue * 255))) <= 1;
}

}  // namespace

BackBuffer::BackBuffer(GLFWwindow* window) : window_(window) {
    whole_ = env_flag("WARDMAP_FULL_FRAMES");
    asked_ = has_buffer_age();
    // Two shades a few levels apart, both the map's background to the eye: an exchange of two
    // buffers would show the first (or nothing) after the second swap.
    kept_ = kept_after_swap(window_, 0.96f) && kept_after_swap(window_, 0.98f);
}

int BackBuffer::age() {
    ++begun_;
    if (whole_ || frames_ == 0) return 0;
    unsigned age = 0;
    if (asked_) glXQueryDrawable(glXGetCurrentDisplay(), glXGetCurrentDrawable(), GLX_BACK_BUFFER_AGE_EXT, &age);
    if (age == 0 && kept_) age = 1;
    if (age > 0) ++over_kept_;
    return static_cast<int>(age);
}

void BackBuffer::swap() {
    glfwSwapBuffers(window_);
    ++frames_;
}

}  // namespace ui
