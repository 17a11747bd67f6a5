#include "ui/panels/store_dialogs.h"

#include "geo/planner/plan_version.h"
#include "geo/store/store_location.h"
#include "ui/app/items_on_screen.h"
#include "ui/panels/panels.h"

#include <imgui.h>

#include <cmath>
#include <cstdio>
#include <cstring>

namespace ui {

namespace {

// What a save to the store may say; a sign-off is done on a plan file (`wardmap plan sign`).
constexpr const char* statuses[] = {geo::status_draft, geo::status_proposed};

void copy(char* to, std::size_t size, const std::string& from) { std::snprintf(to, size, "%s", from.c_str()); }

void close(StoreDialogState& state) {
    state.kind = StoreDialogState::Kind::none;
    ImGui::CloseCurrentPopup();
}

// The version picked, as the Open button opens it.
std::string picked(const StoreDialogState& state) {
    if (state.plan.empty()) return "";
    return "\"" + state.plan + "\" " + (state.version ? "v" + std::to_string(state.version) : "(current)");
}

void plan_rows(StoreDialogState& state, const StoreListing& listing) {
    if (!ImGui::BeginTable("plans", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY,
                           ImVec2(760, 320)))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    for (const char* column : {"Plan / version", "Current", "Author", "Status", "Saved at (UTC)"}) ImGui::TableSetupColumn(column);
    ImGui::TableHeadersRow();
    for (std::size_t p = 0; p < listing.plans.size(); ++p) {
        const geo::store::PlanSummary& plan = listing.plans[p];
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::PushID(static_cast<int>(p));
        const bool open = ImGui::TreeNodeEx(plan.name.c_str(), ImGuiTreeNodeFlags_SpanFullWidth);
        if (ImGui::IsItemClicked()) state.plan = plan.name, state.version = 0;
        note_item("store plan " + plan.name);
        ImGui::TableSetColumnIndex(1);
        ImGui::Text("v%d of %d", plan.current_version, plan.versions);
        ImGui::TableSetColumnIndex(2);
        ImGui::TextUnformatted(plan.current.author.c_str());
        ImGui::TableSetColumnIndex(3);
        ImGui::TextUnformatted(plan.current.status.c_str());
        ImGui::TableSetColumnIndex(4);
        ImGui::TextUnformatted(plan.current.saved_at.c_str());
        if (open) {
            for (const geo::store::VersionInfo& v : listing.versions[p]) {
                ImGui::TableNextRow();
                ImGui::TableSetColumnIndex(0);
                const std::string label = "v" + std::to_string(v.version) + (v.parent ? " from v" + std::to_string(*v.parent) : "") +
                                          (v.current ? " (current)" : v.saved_over ? " (beside v" + std::to_string(*v.saved_over) + ")" : "");
                const bool selected = state.plan == plan.name && state.version == v.version;
                if (ImGui::Selectable(label.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns))
                    state.plan = plan.name, state.version = v.version;
                note_item("store version " + plan.name + " v" + std::to_string(v.version));
                ImGui::TableSetColumnIndex(2);
                ImGui::TextUnformatted(v.author.c_str());
                ImGui::TableSetColumnIndex(3);
                ImGui::TextUnformatted(v.status.c_str());
                ImGui::TableSetColumnIndex(4);
                ImGui::TextUnformatted(v.saved_at.c_str());
            }
            ImGui::TreePop();
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
}

}  // namespace

void ask_open_from_store(StoreDialogState& state) {
    state.kind = StoreDialogState::Kind::open;
    state.asked_listing = false;
}

void ask_save_to_store(StoreDialogState& state, const Planner& planner) {
    const geo::PlanFile& meta = planner.document.meta;
    state.kind = StoreDialogState::Kind::save;
    copy(state.name, sizeof state.name, meta.name);
    copy(state.author, sizeof state.author, meta.author.empty() ? geo::store::login_name() : meta.author);
    state.status = meta.status == geo::status_proposed ? 1 : 0;
}

bool store_open_dialog(StoreDialogState& state, const StoreState& store, std::vector<Command>& out) {
    if (state.kind != StoreDialogState::Kind::open) return false;
    if (!begin_modal("Open from store", true)) return true;
    if (!state.asked_listing) {
        state.asked_listing = true;
        out.emplace_back(ListStore{});
    }
    if (store.busy()) ImGui::Text("%s ...", store.working.c_str());
    else if (!store.listing) ImGui::TextUnformatted("The store's plans could not be read.");
    else if (store.listing->plans.empty()) ImGui::Text("No plans in %s yet: Save to store adds this one.", store.listing->shown.c_str());
    else {
        ImGui::Text("Plans in %s (open a plan to pick one of its versions; the plan itself opens its current version):",
                    store.listing->shown.c_str());
        plan_rows(state, *store.listing);
    }
    const std::string choice = picked(state);
    ImGui::Text("To open: %s", choice.empty() ? "pick a plan or a version" : choice.c_str());
    ImGui::BeginDisabled(choice.empty() || store.busy());
    if (ImGui::Button("Open")) {
        out.emplace_back(OpenFromStore{state.plan, state.version ? std::optional<int>(state.version) : std::nullopt});
        close(state);
    }
    ImGui::EndDisabled();
    note_item("Open");
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) close(state);
    note_item("Cancel");
    ImGui::EndPopup();
    return true;
}

bool store_save_dialog(StoreDialogState& state, const Planner& planner, std::vector<Command>& out) {
    if (state.kind != StoreDialogState::Kind::save) return false;
    if (!begin_modal("Save to store", true)) return true;
    const std::optional<StoreLink>& link = planner.document.stored;
    ImGui::Text("Store: %s", planner.store.connection.empty() ? "none set" : planner.store.connection.c_str());
    ImGui::SetNextItemWidth(420);
    ImGui::InputText("Plan", state.name, sizeof state.name);
    note_item("Plan", state.name);
    ImGui::SetNextItemWidth(420);
    ImGui::InputText("Author", state.author, sizeof state.author);
    note_item("Author", state.author);
    ImGui::SetNextItemWidth(200);
    ImGui::Combo("Status", &state.status, statuses, IM_ARRAYSIZE(statuses));
    if (link && link->plan == state.name)
        ImGui::Text("Saved as a new version of \"%s\", made from v%d.", link->plan.c_str(), link->version);
    else
        ImGui::TextUnformatted("Saved as a new version (a plan new to the store starts at v1).");
    ImGui::BeginDisabled(!state.name[0]);
    if (ImGui::Button("Save")) {
        out.emplace_back(SaveToStore{state.name, state.author, statuses[state.status]});
        close(state);
    }
    ImGui::EndDisabled();
    note_item("Save");
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) close(state);
    note_item("Cancel");
    ImGui::EndPopup();
    return true;
}

bool store_working_dialog(const StoreState& store) {
    constexpr const char* title = "Plan store";
    if (!store.busy() && !ImGui::IsPopupOpen(title)) return false;
    if (!begin_modal(title, store.busy())) return true;
    // Dots that move: the window is alive while the server works.
    const int dots = static_cast<int>(std::fmod(ImGui::GetTime() * 3, 4.0));
    ImGui::Text("%s%.*s", store.working.c_str(), dots, "...");
    if (!store.busy()) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return true;
}

bool store_overtaken_dialog(const StoreState& store, std::vector<Command>& out) {
    if (!store.overtaken) return false;
    if (!begin_modal("Someone saved first", true)) return true;
    const std::string message = store_saved_message(*store.overtaken);
    ImGui::TextUnformatted((message + ".").c_str());
    ImGui::TextUnformatted("Merge puts your moves on top of theirs as the next version (refused for a ward both moved);");
    ImGui::TextUnformatted("Keep both leaves theirs current and yours beside it.");
    bool answered = false;
    if (ImGui::Button("Merge")) out.emplace_back(AnswerOvertaken{true}), answered = true;
    note_item("Merge");
    ImGui::SameLine();
    if (ImGui::Button("Keep both")) out.emplace_back(AnswerOvertaken{false}), answered = true;
    note_item("Keep both");
    if (answered) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return true;
}

}  // namespace ui
