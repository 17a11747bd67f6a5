#pragma once
// The window and its GL context (GLFW), and Dear ImGui bound to them. Owners: created in order,
// destroyed in reverse, whatever way the planner leaves.
#include "ui/app/font.h"
#include "ui/app/panel_layer.h"

#include <string>

struct GLFWwindow;
struct ImDrawData;

namespace ui {

class GlfwLibrary {
public:
    GlfwLibrary();  // throws geo::Error when there is no display
    ~GlfwLibrary();
    GlfwLibrary(const GlfwLibrary&) = delete;
    GlfwLibrary& operator=(const GlfwLibrary&) = delete;
};

class Window {
public:
    Window(int width, int height, const std::string& title);  // OpenGL 3.3, context made current
    ~Window();
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;
    GLFWwindow* get() const noexcept { return window_; }
    void framebuffer_size(int& width, int& height) const;

private:
    GLFWwindow* window_;
};

class ImGuiBinding {
public:
    // Loads DejaVu Sans at the window's content scale (ui/app/font.h).
    explicit ImGuiBinding(const Window& window);
    ~ImGuiBinding();
    ImGuiBinding(const ImGuiBinding&) = delete;
    ImGuiBinding& operator=(const ImGuiBinding&) = delete;
    void new_frame();
    // ImGui's frame finished: its draw lists, for the panel layer to draw.
    const ImDrawData& end_frame();
    const WindowFont& font() const noexcept { return font_; }
    PanelLayer& panels() { return panels_; }
    const PanelLayer& panels() const { return panels_; }

private:
    WindowFont font_;
    PanelLayer panels_;
};

}  // namespace ui
