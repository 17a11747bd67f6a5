#include "ui/panels/panels.h"

#include <imgui.h>

namespace ui {

CloseChoice unsaved_changes_dialog(bool& open, const std::string& plan_name) {
    static constexpr const char* title = "Unsaved changes";
    if (open && !ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
    CloseChoice choice = CloseChoice::none;
    if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return choice;
    ImGui::Text("Save the changes to \"%s\" before closing?", plan_name.c_str());
    if (ImGui::Button("Save")) choice = CloseChoice::save;
    ImGui::SameLine();
    if (ImGui::Button("Close without saving")) choice = CloseChoice::discard;
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) choice = CloseChoice::cancel;
    if (choice != CloseChoice::none) {
        open = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
    return choice;
}

RecoverChoice recovery_dialog(bool& open, const std::string& autosave_path) {
    static constexpr const char* title = "Recover plan";
    if (open && !ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
    RecoverChoice choice = RecoverChoice::none;
    if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return choice;
    ImGui::TextUnformatted("wardmap did not close cleanly last time, and this plan has unsaved changes in");
    ImGui::TextUnformatted(autosave_path.c_str());
    if (ImGui::Button("Recover them")) choice = RecoverChoice::recover;
    ImGui::SameLine();
    if (ImGui::Button("Discard them")) choice = RecoverChoice::discard;
    if (choice != RecoverChoice::none) {
        open = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
    return choice;
}

}  // namespace ui
