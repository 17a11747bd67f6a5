#pragma once
// One frame of the planner window: panels and input build commands, commands are carried out,
// then the map and the panels are drawn.
#include "ui/panels/figure_panels.h"
#include "ui/panels/map_panel.h"
#include "ui/panels/panels.h"
#include "ui/panels/store_dialogs.h"

#include <optional>

namespace ui {

// The window's view state: the panels' own, between frames.
struct PanelStates {
    UnitsPanelState units;
    PathPrompt prompt;
    MapInputState map;
    RolloutPanelState rollout;
    ExportMapState export_map;
    CandidatesPanelState candidates;
    StoreDialogState store;
    bool closing = false;        // the unsaved-changes question is open
    bool close_now = false;      // answered: close once saved (or discarded)
    bool discarded = false;      // answered: close without saving
    bool recovering = false;     // the recovery question is open
    std::string autosave;        // what it would recover
    std::string question;        // the title of the question on screen this frame, if any
    bool mouse = true;           // false in a replay: a stray pointer must not change the picture
};

// Builds the ImGui frame and carries out what was asked. `scripted` commands (replay) come first.
void build_frame(Planner& planner, PanelStates& panels, std::vector<Command> scripted);
// Draws the map and the ImGui frame into the back buffer.
void draw_frame(Planner& planner, const PanelStates& panels);

}  // namespace ui
