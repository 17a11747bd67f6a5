#include "ui/app/items_on_screen.h"

#include <imgui.h>

#include <utility>

namespace ui {

ItemsOnScreen::ItemsOnScreen() { ImGui::GetIO().UserData = this; }

ItemsOnScreen::~ItemsOnScreen() {
    if (ImGui::GetCurrentContext() && ImGui::GetIO().UserData == this) ImGui::GetIO().UserData = nullptr;
}

void ItemsOnScreen::note(std::string_view name, std::string_view text) {
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    items_.insert_or_assign(std::string(name), ItemOnScreen{min.x, min.y, max.x, max.y, std::string(text)});
}

std::map<std::string, ItemOnScreen, std::less<>> ItemsOnScreen::take() { return std::exchange(items_, {}); }

void note_item(std::string_view name, std::string_view text) {
    // A window's first frame lays it out unseen (an auto-sized dialog is placed once its size is
    // known): its items are not where a click would find them yet.
    if (ImGui::IsWindowAppearing()) return;
    if (auto* items = static_cast<ItemsOnScreen*>(ImGui::GetIO().UserData)) items->note(name, text);
}

}  // namespace ui
