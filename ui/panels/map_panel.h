#pragma once
// The map under the panels: mouse and keys on it, and what is drawn over it with ImGui (labels,
// tooltip, attribution, the selection box). The map itself is drawn by MapLayer.
#include "ui/planner/planner.h"

#include <imgui.h>

#include <string>
#include <vector>

namespace ui {

struct MapInputState {
    int hovered = -1;                 // ward under the cursor
    int last_painted = -1;            // ward painted last in this stroke: each ward moves once
    std::string last_parent;          // likewise for whole boroughs
    bool stroke = false;              // a paint drag is under way (one undo step)
    bool boxing = false;
    ImVec2 box_from{};
};

// Pan, zoom, paint, box selection. Moves the view itself (view state); edits go to `out`.
void map_input(const Planner& planner, MapInputState& state, MapView& view, std::vector<Command>& out);
// Keyboard shortcuts, when no text field has the keyboard.
void shortcuts(Planner& planner, std::vector<Command>& out, bool& ask_save_as);
// Labels (command units always; boroughs, then wards, as the map zooms in), never on each other.
void map_labels(const Planner& planner);
// Attribution in a corner, tooltip of the hovered ward, the selection box.
void map_overlay(const Planner& planner, const MapInputState& state);

}  // namespace ui
