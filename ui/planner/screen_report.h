#pragma once
// `wardmap view --screen-report PATH`: after every frame, where the wards and the clickable items
// are on screen and what the window saw of the mouse and keys, as one JSON file, replaced
// atomically whenever it changes. For tests that drive the real window with X input events
// (tests/gui/clicks): it tells them where to click, and that an event has reached a frame, so
// they wait on it instead of sleeping. Read-only: the planner does the same with or without it.
//
//   {"window": [1600, 1000], "mouse": [812, 433], "buttons": [0], "keys": [340], "shift": true,
//    "ctrl": false, "hovered": "E05000026", "tool": "paint", "boroughs": false, "active_unit": "CE",
//    "question": "", "items": {"Play": {"rect": [x0, y0, x1, y1], "text": ""}, ...},
//    "wards": {"E05000026": [x, y], ...}}                                   (window pixels)
//   With WARDMAP_CHECK_FRAMES=1 also "frame_check": {"frames_differing": 0, "most_differing_pixels": 0}.
//
// "buttons" and "keys" are those held, as Dear ImGui numbers them (GLFW key codes: letters are
// their capitals); "wards" are the label points, where the screenshot report probes.
#include "ui/app/items_on_screen.h"
#include "ui/planner/frame.h"

#include <string>

namespace ui {

class ScreenReport {
public:
    explicit ScreenReport(std::string path) : path_(std::move(path)) {}
    // Call after every frame is on screen; `settled`: the first frames, while ImGui sizes the
    // panels, are not reported, so the file appearing means the window is ready for input.
    // Throws geo::OutputError when the file cannot be written.
    // `check`: WARDMAP_CHECK_FRAMES's counts, reported as "frame_check" when frames differ.
    void after_frame(const Planner& planner, const PanelStates& panels, bool settled, const FrameCheck* check = nullptr);

private:
    std::string path_;
    std::string written_;  // what the file holds: unchanged frames write nothing
    ItemsOnScreen items_;
};

}  // namespace ui
