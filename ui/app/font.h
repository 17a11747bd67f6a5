#pragma once
// The window's text: DejaVu Sans (fonts-dejavu-core, the briefing maps' font too) at the screen's
// scale, found at run time; ImGui's built-in bitmap font only when no DejaVu file is there.
#include <string>
#include <vector>

struct ImFont;

namespace ui {

struct WindowFont {
    std::string name;   // "DejaVu Sans", or "ImGui default (ProggyClean)"
    std::string path;   // the file read; empty for the built-in font
    float pixels = 0;   // body text size, after the content scale
    std::string note;   // why the built-in font was used; empty when DejaVu loaded
};

// Where Debian and other distributions put DejaVu Sans, in the order tried; `$WARDMAP_FONT` first
// when set (a font file to use instead).
std::vector<std::string> font_candidates();
// The first candidate that exists, or empty.
std::string find_font_file(const std::vector<std::string>& candidates);

// Adds the body font and a bold one for map names to ImGui's atlas (call before the first frame)
// and scales the style by `content_scale` (glfwGetWindowContentScale: 2 on a HiDPI screen).
WindowFont load_window_fonts(float content_scale);

// The bold face for command-unit names on the map; the body font when only one was loaded.
ImFont* map_name_font();

}  // namespace ui
