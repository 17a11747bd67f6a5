#pragma once
// The planner's panels: each a plain function of the plan, changing only its own view state and
// returning what the planner asked for as commands (Dear ImGui demo style).
#include "ui/planner/planner.h"

#include <string>
#include <vector>

namespace ui {

// Where the panels open: a left column (units over findings) and statistics along the bottom.
inline constexpr float panel_width = 400, units_panel_height = 470, bottom_height = 290;

struct UnitsPanelState {
    char new_code[16] = "";
    char new_name[64] = "";
    std::string renaming;  // code of the unit whose name is being edited
    char rename[64] = "";
    bool recolouring = false;  // a drag in a colour picker: its many recolours are one undo step
    std::string picked;        // code of the unit last recoloured here: its greyscale check is shown
};

struct PathPrompt {
    enum class Kind { none, open, save_as, export_plan, export_map, compare } kind = Kind::none;
    char path[512] = "";
};

struct StoreDialogState;  // store_dialogs.h
// Menu bar: File, Edit, View. Opens path prompts through `prompt`, the plan store's dialogs through `store`.
void menu_bar(const Planner& planner, PathPrompt& prompt, StoreDialogState& store, std::vector<Command>& out);
// Tools and command units: pick the active unit, create, rename, recolour, lock, delete.
void units_panel(const Planner& planner, std::string& active_unit, Tool& tool, bool& whole_boroughs,
                 UnitsPanelState& state, std::vector<Command>& out);
struct CandidatesPanelState;
// Scores, candidates (figure_panels.h), and one row per command unit, sortable.
void stats_panel(const Planner& planner, CandidatesPanelState& candidates, std::vector<Command>& out);
// Findings; clicking one flies the map there.
void findings_panel(const Planner& planner, std::vector<Command>& out);
// Compare with…: the moves between the plan compared with and this one, with what goes with them;
// and the moved wards outlined on the map (drawn under the map names).
void compare_panel(const Planner& planner, std::vector<Command>& out);
void compare_outlines(const Planner& planner);
// Asks for a path for open, save as and export.
void path_prompt(PathPrompt& prompt, std::vector<Command>& out);
// The error of the last command, until dismissed.
void error_dialog(std::string& error);
// Opens the modal `title` while `wanted` and begins it: every dialog's first line. True: draw the
// dialog and end it with ImGui::EndPopup(). Dialogs come last in a frame, one at a time
// (ui/planner/frame.cpp, ask_questions): Dear ImGui 1.86 asserts when a window appears after a
// modal that opened in the same frame.
bool begin_modal(const char* title, bool wanted);
// The title of the modal question drawn in this frame, or "": for the replay's screenshot report.
std::string question_on_screen();

}  // namespace ui

namespace ui {

enum class CloseChoice { none, save, discard, cancel };
// "Save changes to NAME before closing?" while `open`.
CloseChoice unsaved_changes_dialog(bool& open, const std::string& plan_name);

enum class RecoverChoice { none, recover, discard };
// "wardmap did not close cleanly: recover the autosaved plan?" while `open`. `given`: a replay's
// answer, taken as a click on its button.
RecoverChoice recovery_dialog(bool& open, const std::string& autosave_path, RecoverChoice given = RecoverChoice::none);

}  // namespace ui
