#pragma once
// One frame of the planner window: panels and input build commands, commands are carried out,
// then the map and the panels are drawn.
#include "ui/app/frame_damage.h"
#include "ui/app/window.h"
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
// Draws the map and the ImGui frame into the back buffer, which holds the frame `back_buffer_age`
// frames ago (0: unknown): only what changed since is composed again.
void draw_frame(Planner& planner, const PanelStates& panels, ImGuiBinding& imgui, FrameDamage& damage, int back_buffer_age);

// WARDMAP_CHECK_FRAMES=1: each frame composed only where it changed is read back, composed again
// whole and compared, pixel for pixel; the counts are printed as a JSON line when the window
// closes. Given a right frame before it, a frame composed in part must be the frame composed whole.
struct FrameCheck {
    long frames = 0, partial = 0, untouched = 0;  // composed: checked, in part, not at all
    long differing_frames = 0, most_differing_pixels = 0;
    long first_differing_frame = -1;
    void check(Planner& planner, ImGuiBinding& imgui, const FrameDamage& damage);
    std::string report() const;  // one JSON line
};

}  // namespace ui
