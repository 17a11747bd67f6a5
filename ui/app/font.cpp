#include "ui/app/font.h"

#include <imgui.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace ui {

namespace {

constexpr float body_pixels = 15, bold_pixels = 18;

// Latin-1 plus Latin Extended-A (names of places and people) and General Punctuation: the legends'
// en dash and the typographic quotes; the arrow of the moves compared ("East → North East", as
// `wardmap diff` writes them). ImGui keeps a pointer to this, so it lives as long as the program.
const ImWchar glyph_ranges[] = {0x0020, 0x017F, 0x2010, 0x2027, 0x2192, 0x2192, 0};

std::string bold_sibling(const std::string& regular) {
    const std::filesystem::path path(regular);
    const std::filesystem::path bold = path.parent_path() / (path.stem().string() + "-Bold" + path.extension().string());
    return std::filesystem::exists(bold) ? bold.string() : regular;
}

ImFont* add_font(const std::string& path, float pixels, const char* name) {
    ImFontConfig config;
    config.OversampleH = 2;  // crisper at small sizes on a software renderer's 1:1 pixels
    std::snprintf(config.Name, sizeof config.Name, "%s, %.0fpx", name, static_cast<double>(pixels));
    return ImGui::GetIO().Fonts->AddFontFromFileTTF(path.c_str(), pixels, &config, glyph_ranges);
}

}  // namespace

std::vector<std::string> font_candidates() {
    std::vector<std::string> candidates;
    if (const char* chosen = std::getenv("WARDMAP_FONT"); chosen && *chosen) candidates.emplace_back(chosen);
    for (const char* path : {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",    // Debian, Ubuntu
                             "/usr/share/fonts/TTF/DejaVuSans.ttf",                // Arch
                             "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf",  // Fedora
                             "/usr/local/share/fonts/DejaVuSans.ttf"})
        candidates.emplace_back(path);
    return candidates;
}

std::string find_font_file(const std::vector<std::string>& candidates) {
    // Readable, not only present: ImGui 1.86 asserts on a font file it cannot open.
    for (const std::string& path : candidates) {
        std::error_code error;
        if (std::filesystem::is_regular_file(path, error) && std::ifstream(path, std::ios::binary)) return path;
    }
    return {};
}

WindowFont load_window_fonts(float content_scale) {
    const float scale = content_scale > 0 ? content_scale : 1;
    ImGui::GetStyle().ScaleAllSizes(scale);
    WindowFont font;
    font.path = find_font_file(font_candidates());
    font.pixels = body_pixels * scale;
    if (!font.path.empty() && add_font(font.path, font.pixels, "DejaVu Sans")) {
        add_font(bold_sibling(font.path), bold_pixels * scale, "DejaVu Sans Bold");
        font.name = "DejaVu Sans";
        return font;
    }
    font.note = font.path.empty() ? "DejaVu Sans not found (install fonts-dejavu-core, or set WARDMAP_FONT)"
                                  : "cannot read " + font.path;
    font.path.clear();
    ImFontConfig config;
    config.SizePixels = 13 * scale;  // the bitmap font is drawn for 13 px; larger is blurred but legible
    ImGui::GetIO().Fonts->AddFontDefault(&config);
    font.name = "ImGui default (ProggyClean)";
    font.pixels = config.SizePixels;
    return font;
}

ImFont* map_name_font() {
    const ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    return atlas.Fonts.Size > 1 ? atlas.Fonts[1] : ImGui::GetFont();
}

}  // namespace ui
