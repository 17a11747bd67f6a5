#include "ui/panels/map_panel.h"

#include <cmath>

namespace ui {

namespace {

ScreenPoint screen(ImVec2 p) { return {p.x, p.y}; }

void paint(const Planner& planner, MapInputState& state, int ward, bool boroughs, std::vector<Command>& out) {
    if (ward < 0 || planner.active_unit.empty()) return;
    const geo::Ward& unit = planner.wards.units[static_cast<std::size_t>(ward)];
    if (boroughs) {
        if (unit.parent_code == state.last_parent) return;
        state.last_parent = unit.parent_code;
        out.emplace_back(geo::Edit{geo::MoveParents{{unit.parent_code}, planner.active_unit}});
        return;
    }
    if (ward == state.last_painted) return;
    state.last_painted = ward;
    const int current = planner.document.session->assignment().unit_of[static_cast<std::size_t>(ward)];
    if (current >= 0 && planner.document.session->assignment().units[static_cast<std::size_t>(current)].code == planner.active_unit)
        return;  // already there: no empty edit on the undo stack
    out.emplace_back(geo::Edit{geo::MoveWards{{static_cast<std::size_t>(ward)}, planner.active_unit}});
}

void finish_box(const Planner& planner, MapInputState& state, const MapView& view, ImVec2 to, std::vector<Command>& out) {
    state.boxing = false;
    const WorldPoint a = view.to_world(screen(state.box_from)), b = view.to_world(screen(to));
    geo::Extent box;
    box.include(a.x, a.y);
    box.include(b.x, b.y);
    std::vector<std::size_t> wards = planner.map.index().units_in(box);
    if (wards.empty() || planner.active_unit.empty()) return;
    out.emplace_back(geo::Edit{geo::MoveWards{std::move(wards), planner.active_unit}});
}

}  // namespace

void map_input(const Planner& planner, MapInputState& state, MapView& view, std::vector<Command>& out) {
    const ImGuiIO& io = ImGui::GetIO();
    // Ends the stroke wherever the button comes up, over a panel too.
    if (state.stroke && !ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
        state.stroke = false;
        out.emplace_back(Stroke{false});
    }
    if (io.WantCaptureMouse) {
        state.hovered = -1;
        return;
    }
    const ImVec2 mouse = io.MousePos;
    const WorldPoint at = view.to_world(screen(mouse));
    const auto ward = planner.map.index().unit_at(at.x, at.y);
    state.hovered = ward ? static_cast<int>(*ward) : -1;
    if (io.MouseWheel != 0) view.zoom_at(screen(mouse), std::pow(1.2, io.MouseWheel));
    const bool pan_tool = planner.tool == Tool::pan;
    if (ImGui::IsMouseDragging(ImGuiMouseButton_Right) || ImGui::IsMouseDragging(ImGuiMouseButton_Middle) ||
        (pan_tool && ImGui::IsMouseDragging(ImGuiMouseButton_Left)))
        view.pan_pixels(io.MouseDelta.x, io.MouseDelta.y);
    if (pan_tool) return;
    if (planner.tool == Tool::paint) {
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
            state.last_painted = -1, state.last_parent.clear();
            state.stroke = true;
            out.emplace_back(Stroke{true});
        }
        if (state.stroke && ImGui::IsMouseDown(ImGuiMouseButton_Left))
            paint(planner, state, state.hovered, planner.whole_boroughs || io.KeyShift, out);

    } else {
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) state.boxing = true, state.box_from = mouse;
        if (state.boxing && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) finish_box(planner, state, view, mouse, out);
    }
}

void shortcuts(Planner& planner, std::vector<Command>& out, bool& ask_save_as) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return;
    // ImGui 1.86's GLFW backend indexes keys by GLFW key code, which for letters is the capital.
    auto pressed = [](char key) { return ImGui::IsKeyPressed(key, false); };
    if (io.KeyCtrl && pressed('Z')) out.emplace_back(io.KeyShift ? Command{Redo{}} : Command{Undo{}});
    else if (io.KeyCtrl && pressed('Y')) out.emplace_back(Redo{});
    else if (io.KeyCtrl && pressed('S')) {
        if (planner.document.path.empty()) ask_save_as = true;
        else out.emplace_back(Save{});
    } else if (io.KeyCtrl && pressed('Q')) out.emplace_back(Quit{});
    else if (io.KeyCtrl) return;
    else if (pressed('F')) out.emplace_back(ZoomTo{"all"});
    else if (pressed('S') && !planner.active_unit.empty()) out.emplace_back(FlyTo{extent_of(planner, planner.active_unit)});
    else if (pressed('B')) planner.whole_boroughs = !planner.whole_boroughs;
    else if (pressed('P')) planner.tool = Tool::paint;
    else if (pressed('X')) planner.tool = Tool::box;
    else if (pressed('H')) planner.tool = Tool::pan;
}

}  // namespace ui
