#pragma once
// Where the window drew the buttons and fields a test clicks or reads ("Play", "Timeline", a
// question's answers, the path being typed), collected over one frame for
// `wardmap view --screen-report` (ui/planner/screen_report.h). Nothing is collected unless a
// collector exists; then noting an item is one pointer test. The collector lives in Dear ImGui's
// io.UserData, which nothing else in wardmap uses: the panels need no extra parameter for it.
#include <map>
#include <string>
#include <string_view>

namespace ui {

struct ItemOnScreen {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // window pixels, as the mouse sees them
    std::string text;                       // what it shows, when that is not its name: a slider's date, a field's text
};

class ItemsOnScreen {
public:
    ItemsOnScreen();   // starts collecting in the current ImGui context
    ~ItemsOnScreen();  // stops
    ItemsOnScreen(const ItemsOnScreen&) = delete;
    ItemsOnScreen& operator=(const ItemsOnScreen&) = delete;
    ItemsOnScreen(ItemsOnScreen&&) = delete;
    ItemsOnScreen& operator=(ItemsOnScreen&&) = delete;

    void note(std::string_view name, std::string_view text);
    // This frame's items; the next frame starts empty (an item not drawn is not there).
    std::map<std::string, ItemOnScreen, std::less<>> take();

private:
    std::map<std::string, ItemOnScreen, std::less<>> items_;
};

// Records the ImGui item just drawn under `name` while a collector exists.
void note_item(std::string_view name, std::string_view text = {});

}  // namespace ui
