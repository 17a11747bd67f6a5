#include "ui/panels/panels.h"
#include "ui/panels/store_dialogs.h"

#include "ui/app/items_on_screen.h"

#include <imgui.h>

namespace ui {

namespace {
void ask(PathPrompt& prompt, PathPrompt::Kind kind) {
    prompt.kind = kind;
}
}  // namespace

void menu_bar(const Planner& planner, PathPrompt& prompt, StoreDialogState& store, std::vector<Command>& out) {
    if (!ImGui::BeginMainMenuBar()) return;
    const geo::PlanSession& session = *planner.document.session;
    const bool file = ImGui::BeginMenu("File");
    note_item("File");
    if (file) {
        if (ImGui::MenuItem("Open plan...", "Ctrl+O")) ask(prompt, PathPrompt::Kind::open);
        if (ImGui::MenuItem("Save", "Ctrl+S")) {
            if (planner.document.path.empty()) ask(prompt, PathPrompt::Kind::save_as);
            else out.emplace_back(Save{});
        }
        if (ImGui::MenuItem("Save as...")) ask(prompt, PathPrompt::Kind::save_as);
        ImGui::Separator();
        // The team's plan store (geo/store): enabled with none set, so that choosing one says how to set it.
        if (ImGui::MenuItem("Open from store...")) ask_open_from_store(store);
        note_item("Open from store...");
        if (ImGui::MenuItem("Save to store...")) ask_save_to_store(store, planner);
        note_item("Save to store...");
        ImGui::Separator();
        if (ImGui::MenuItem("Export...")) ask(prompt, PathPrompt::Kind::export_plan);
        if (ImGui::MenuItem("Export map...")) ask(prompt, PathPrompt::Kind::export_map);  // figure_panels.h
        ImGui::Separator();
        if (ImGui::MenuItem("Quit", "Ctrl+Q")) out.emplace_back(Quit{});
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Edit")) {
        const std::string undo = "Undo " + session.undo_label(), redo = "Redo " + session.redo_label();
        if (ImGui::MenuItem(undo.c_str(), "Ctrl+Z", false, session.can_undo())) out.emplace_back(Undo{});
        if (ImGui::MenuItem(redo.c_str(), "Ctrl+Shift+Z", false, session.can_redo())) out.emplace_back(Redo{});
        ImGui::EndMenu();
    }
    // Compare with…: its own menu, so that File stays as it is.
    const bool compare = ImGui::BeginMenu("Compare");
    note_item("Compare");
    if (compare) {
        if (ImGui::MenuItem("With another plan...")) ask(prompt, PathPrompt::Kind::compare);
        note_item("Compare with another plan");
        if (ImGui::MenuItem("With the saved plan", nullptr, false, !planner.document.path.empty() || !planner.document.source.empty()))
            out.emplace_back(CompareWith{""});
        if (ImGui::MenuItem("Clear comparison", nullptr, false, planner.comparison.has_value())) out.emplace_back(ClearComparison{});
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
        if (ImGui::MenuItem("Fit to data", "F")) out.emplace_back(ZoomTo{"all"});
        if (ImGui::MenuItem("Fit to selection", "S", false, !planner.active_unit.empty()))
            out.emplace_back(FlyTo{extent_of(planner, planner.active_unit)});
        ImGui::EndMenu();
    }
    ImGui::TextDisabled("  %s", planner.status.c_str());
    ImGui::EndMainMenuBar();
}

void path_prompt(PathPrompt& prompt, std::vector<Command>& out) {
    if (!begin_modal("File path", prompt.kind != PathPrompt::Kind::none)) return;
    const char* what = prompt.kind == PathPrompt::Kind::open      ? "Open a plan file (.toml) or CSV plan table:"
                       : prompt.kind == PathPrompt::Kind::save_as ? "Save the plan as (.toml):"
                       : prompt.kind == PathPrompt::Kind::compare ? "Compare with a plan file, PLAN@N (a version it keeps) or a CSV plan table:"
                                                                  : "Export to (.gpkg .shp .geojson .fgb .kml .csv):";
    ImGui::TextUnformatted(what);
    ImGui::SetNextItemWidth(480);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    const bool entered = ImGui::InputText("##path", prompt.path, sizeof prompt.path, ImGuiInputTextFlags_EnterReturnsTrue);
    note_item("File path", prompt.path);
    if ((ImGui::Button("OK") || entered) && prompt.path[0]) {
        const std::string path = prompt.path;
        if (prompt.kind == PathPrompt::Kind::open) out.emplace_back(OpenPlan{path});
        else if (prompt.kind == PathPrompt::Kind::save_as) out.emplace_back(SaveAs{path});
        else if (prompt.kind == PathPrompt::Kind::compare) out.emplace_back(CompareWith{path});
        else out.emplace_back(ExportPlan{path});
        prompt.kind = PathPrompt::Kind::none;
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) {
        prompt.kind = PathPrompt::Kind::none;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void error_dialog(std::string& error) {
    if (!begin_modal("Something went wrong", !error.empty())) return;
    ImGui::PushTextWrapPos(600);
    ImGui::TextUnformatted(error.c_str());
    ImGui::PopTextWrapPos();
    if (ImGui::Button("OK")) {
        error.clear();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace ui
