#include "ui/app/window.h"

#include "geo/core/errors.h"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <cstdio>

namespace ui {

namespace {
std::string last_glfw_error() {
    const char* description = nullptr;
    glfwGetError(&description);
    return description ? description : "GLFW gave no reason";
}
}  // namespace

GlfwLibrary::GlfwLibrary() {
    if (!glfwInit())
        throw geo::Error("cannot open a window: " + last_glfw_error() +
                         "\n  Run it on a desktop, or under Xvfb: xvfb-run -a -s \"-screen 0 1600x1000x24\" wardmap view");
}

GlfwLibrary::~GlfwLibrary() { glfwTerminate(); }

Window::Window(int width, int height, const std::string& title) {
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    // Core profile, not forward-compatible: Mesa then still draws lines wider than one pixel,
    // which the three line weights need.
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    window_ = glfwCreateWindow(width, height, title.c_str(), nullptr, nullptr);
    if (!window_)
        throw geo::Error("cannot open a window with OpenGL 3.3: " + last_glfw_error() +
                         "\n  Mesa's llvmpipe provides it: check LIBGL_ALWAYS_SOFTWARE=1 and the DISPLAY.");
    glfwMakeContextCurrent(window_);
    glfwSwapInterval(0);  // frame times are ours to measure, not the display's
}

Window::~Window() { glfwDestroyWindow(window_); }

void Window::framebuffer_size(int& width, int& height) const { glfwGetFramebufferSize(window_, &width, &height); }

ImGuiBinding::ImGuiBinding(const Window& window) {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // the layout is ours, not a file in the working folder
    ImGui::StyleColorsLight();
    float x_scale = 1, y_scale = 1;
    glfwGetWindowContentScale(window.get(), &x_scale, &y_scale);
    font_ = load_window_fonts(y_scale);
    // Said once, where a planner starting the window sees it: the window opens anyway.
    if (!font_.note.empty()) std::fprintf(stderr, "wardmap view: %s; using %s\n", font_.note.c_str(), font_.name.c_str());
    ImGui_ImplGlfw_InitForOpenGL(window.get(), true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
}

ImGuiBinding::~ImGuiBinding() {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
}

void ImGuiBinding::new_frame() {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
}

const ImDrawData& ImGuiBinding::end_frame() {
    ImGui::Render();
    return *ImGui::GetDrawData();
}

}  // namespace ui
