#include "ui/panels/panels.h"

#include "ui/app/items_on_screen.h"

#include <imgui.h>
#include <imgui_internal.h>  // GetTopMostPopupModal: 1.86 has no public way to name the open modal

#include <initializer_list>
#include <utility>

namespace ui {

namespace {

// The answers as buttons on one line: a click (or a replay's answer) answers the question and closes it.
template <typename Choice>
Choice answer_buttons(bool& open, std::initializer_list<std::pair<const char*, Choice>> answers, Choice given = Choice::none) {
    Choice choice = given;
    for (auto answer = answers.begin(); answer != answers.end(); ++answer) {
        if (answer != answers.begin()) ImGui::SameLine();
        if (ImGui::Button(answer->first)) choice = answer->second;
        note_item(answer->first);
    }
    if (choice != Choice::none) {
        open = false;
        ImGui::CloseCurrentPopup();
    }
    return choice;
}

}  // namespace

bool begin_modal(const char* title, bool wanted) {
    if (wanted && !ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
    return ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize);
}

std::string question_on_screen() {
    const ImGuiWindow* modal = ImGui::GetTopMostPopupModal();
    return modal && modal->Active ? modal->Name : "";
}

CloseChoice unsaved_changes_dialog(bool& open, const std::string& plan_name) {
    if (!begin_modal("Unsaved changes", open)) return CloseChoice::none;
    ImGui::Text("Save the changes to \"%s\" before closing?", plan_name.c_str());
    const CloseChoice choice = answer_buttons<CloseChoice>(
        open, {{"Save", CloseChoice::save}, {"Close without saving", CloseChoice::discard}, {"Cancel", CloseChoice::cancel}});
    ImGui::EndPopup();
    return choice;
}

RecoverChoice recovery_dialog(bool& open, const std::string& autosave_path, RecoverChoice given) {
    if (!begin_modal("Recover plan", open)) return RecoverChoice::none;
    ImGui::TextUnformatted("wardmap did not close cleanly last time, and this plan has unsaved changes in");
    ImGui::TextUnformatted(autosave_path.c_str());
    const RecoverChoice choice = answer_buttons<RecoverChoice>(open, {{"Recover them", RecoverChoice::recover}, {"Discard them", RecoverChoice::discard}}, given);
    ImGui::EndPopup();
    return choice;
}

}  // namespace ui
