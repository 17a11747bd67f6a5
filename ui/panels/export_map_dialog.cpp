#include "ui/panels/figure_panels.h"

#include <imgui.h>

namespace ui {

namespace {
// What render_briefing draws for a plan edited here (officers: the Officers panel's allocation).
constexpr const char* themes[] = {"bcu", "phase", "officers"};
}  // namespace

void export_map_dialog(ExportMapState& state, std::vector<Command>& out) {
    if (!begin_modal("Export map", state.open)) return;
    ImGui::TextUnformatted("Briefing map of this plan, A4 (.pdf, .svg or .png at 300 dpi):");
    ImGui::SetNextItemWidth(480);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    const bool entered = ImGui::InputText("##map-path", state.path, sizeof state.path, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::Combo("Theme", &state.theme, themes, IM_ARRAYSIZE(themes));
    if ((ImGui::Button("Export") || entered) && state.path[0]) {
        out.emplace_back(ExportMap{state.path, themes[state.theme]});
        state.open = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) {
        state.open = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace ui
