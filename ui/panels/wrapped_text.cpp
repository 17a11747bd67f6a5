#include "ui/panels/figure_panels.h"

#include <imgui.h>

namespace ui {

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

void note_text(const std::string& text) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", text.c_str());
    ImGui::PopTextWrapPos();
}

void error_text(const std::string& text) {
    // Errors name files and say what to do: long lines, so they wrap at the panel's edge.
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(ImVec4(0.8f, 0.1f, 0.1f, 1.f), "%s", text.c_str());
    ImGui::PopTextWrapPos();
}

}  // namespace ui
