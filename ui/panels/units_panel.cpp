#include "ui/panels/panels.h"

#include "geo/rollout/adjacency.h"
#include "render/style/grey_check.h"

#include <imgui.h>

#include <cstdio>
#include <cstring>

namespace ui {

namespace {

void tool_buttons(Tool& tool, bool& whole_boroughs) {
    if (ImGui::RadioButton("Paint (P)", tool == Tool::paint)) tool = Tool::paint;
    ImGui::SameLine();
    if (ImGui::RadioButton("Box (X)", tool == Tool::box)) tool = Tool::box;
    ImGui::SameLine();
    if (ImGui::RadioButton("Pan (H)", tool == Tool::pan)) tool = Tool::pan;
    ImGui::Checkbox("Whole boroughs (B, or hold Shift)", &whole_boroughs);
}

ImVec4 colour_of(const Planner& planner, int unit) {
    const render::gl::Rgba c = planner.map.unit_colour(*planner.document.session, unit);
    return ImVec4((c & 0xff) / 255.f, ((c >> 8) & 0xff) / 255.f, ((c >> 16) & 0xff) / 255.f, 1.f);
}

render::Rgb rgb_of(const ImVec4& colour) { return {colour.x, colour.y, colour.z}; }

// Units sharing a boundary with each unit; every other unit while the wards' adjacency is not known
// yet (it is worked out with the first rollout).
std::vector<std::vector<std::size_t>> neighbours_of_units(const Planner& planner) {
    const geo::Assignment& assignment = planner.document.session->assignment();
    const std::size_t units = assignment.units.size();
    if (const geo::Adjacency* adjacency = planner.document.session->known_adjacency())
        return geo::command_unit_neighbours(*adjacency, assignment.unit_of, units);
    std::vector<std::vector<std::size_t>> all(units);
    for (std::size_t a = 0; a < units; ++a)
        for (std::size_t b = 0; b < units; ++b)
            if (a != b) all[a].push_back(b);
    return all;
}

// Under the row of a unit just recoloured: a warning when its new colour prints in greyscale like a
// neighbour's (the briefing maps print the plan's colours, and many printers are greyscale).
void grey_warning(const Planner& planner, std::size_t unit, const std::vector<std::size_t>& neighbours) {
    std::vector<render::Rgb> colours;
    for (std::size_t n : neighbours) colours.push_back(rgb_of(colour_of(planner, static_cast<int>(n))));
    const auto clash = render::grey_clash(rgb_of(colour_of(planner, static_cast<int>(unit))), colours);
    if (!clash) return;
    const geo::CommandUnit& neighbour = planner.document.session->assignment().units[neighbours[clash->neighbour]];
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.75f, 0.3f, 0.f, 1.f));
    ImGui::TextWrapped("Prints like its neighbour %s in greyscale (%.1f L* apart, %.0f needed): pick a lighter or darker colour.",
                       neighbour.name.c_str(), clash->difference, render::min_grey_difference);
    ImGui::PopStyleColor();
}

void unit_row(const Planner& planner, std::size_t i, std::string& active_unit, UnitsPanelState& state,
              std::vector<Command>& out) {
    const geo::CommandUnit& unit = planner.document.session->assignment().units[i];
    ImGui::PushID(unit.code.c_str());
    ImVec4 colour = colour_of(planner, static_cast<int>(i));
    float rgb[3] = {colour.x, colour.y, colour.z};
    if (ImGui::ColorEdit3("##colour", rgb, ImGuiColorEditFlags_NoInputs | ImGuiColorEditFlags_NoLabel)) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "#%02x%02x%02x", static_cast<int>(rgb[0] * 255 + .5f),
                      static_cast<int>(rgb[1] * 255 + .5f), static_cast<int>(rgb[2] * 255 + .5f));
        if (!state.recolouring) out.emplace_back(Stroke{true}), state.recolouring = true;
        state.picked = unit.code;
        out.emplace_back(geo::Edit{geo::RecolourUnit{unit.code, hex}});
    }
    ImGui::SameLine();
    if (state.renaming == unit.code) {
        ImGui::SetNextItemWidth(150);
        if (ImGui::InputText("##rename", state.rename, sizeof state.rename, ImGuiInputTextFlags_EnterReturnsTrue)) {
            out.emplace_back(geo::Edit{geo::RenameUnit{unit.code, state.rename}});
            state.renaming.clear();
        }
    } else {
        const std::string label = unit.code + "  " + unit.name + "  (" +
                                  std::to_string(planner.document.session->assignment().wards_in(static_cast<int>(i))) + ")";
        if (ImGui::Selectable(label.c_str(), active_unit == unit.code, 0, ImVec2(190, 0))) active_unit = unit.code;
        if (ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(0)) {
            state.renaming = unit.code;
            std::snprintf(state.rename, sizeof state.rename, "%s", unit.name.c_str());
        }
    }
    ImGui::SameLine();
    bool locked = unit.locked;
    if (ImGui::Checkbox("lock", &locked)) out.emplace_back(geo::Edit{geo::LockUnit{unit.code, locked}});
    ImGui::SameLine();
    if (ImGui::SmallButton("delete")) out.emplace_back(geo::Edit{geo::DeleteUnit{unit.code}});
    ImGui::PopID();
}

void create_row(UnitsPanelState& state, std::vector<Command>& out) {
    ImGui::SetNextItemWidth(60);
    ImGui::InputTextWithHint("##code", "code", state.new_code, sizeof state.new_code);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(150);
    ImGui::InputTextWithHint("##name", "name", state.new_name, sizeof state.new_name);
    ImGui::SameLine();
    if (ImGui::Button("Create") && state.new_code[0]) {
        geo::CommandUnit unit;
        unit.code = state.new_code;
        unit.name = state.new_name[0] ? state.new_name : state.new_code;
        out.emplace_back(geo::Edit{geo::CreateUnit{unit}});
        state.new_code[0] = state.new_name[0] = '\0';
    }
}

}  // namespace

void units_panel(const Planner& planner, std::string& active_unit, Tool& tool, bool& whole_boroughs,
                 UnitsPanelState& state, std::vector<Command>& out) {
    ImGui::SetNextWindowPos(ImVec2(8, 28), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(panel_width, units_panel_height), ImGuiCond_FirstUseEver);
    if (ImGui::Begin("Command units")) {
        tool_buttons(tool, whole_boroughs);
        ImGui::Separator();
        ImGui::TextDisabled("Click a unit to paint with it; double-click to rename.");
        const auto& units = planner.document.session->assignment().units;
        const auto neighbours = state.picked.empty() ? std::vector<std::vector<std::size_t>>{} : neighbours_of_units(planner);
        for (std::size_t i = 0; i < units.size(); ++i) {
            unit_row(planner, i, active_unit, state, out);
            if (units[i].code == state.picked && i < neighbours.size()) grey_warning(planner, i, neighbours[i]);
        }
        ImGui::Separator();
        create_row(state, out);
    }
    ImGui::End();
    // The picker changes the colour on every frame of a drag; the step ends when the button is let go
    // (checked with the panel collapsed too, or the step would never end).
    if (state.recolouring && !ImGui::IsMouseDown(ImGuiMouseButton_Left)) out.emplace_back(Stroke{false}), state.recolouring = false;
}

}  // namespace ui
