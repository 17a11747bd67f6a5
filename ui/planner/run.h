#pragma once
// `wardmap view`: the planner window, interactive or scripted (replay, screenshot, bench).
#include "ui/planner/planner.h"

#include <string>

namespace ui {

struct ViewerOptions {
    std::string boundary_path;  // recorded in saved plan files
    std::string replay;         // actions file (ui/planner/replay.h)
    std::string screenshot;     // PNG of the last frame
    bool exit_after = false;    // close when the replay is done
    int bench_frames = 0;       // > 0: time a scripted pan/zoom and reassignments, print, close
    std::string screen_report;  // where wards and buttons are on screen, after every frame (ui/planner/screen_report.h)
    std::string store;          // the team plan store as found (geo/store/store_location.h); empty: none set
    std::string store_from;     // which setting named it
    int width = 1600, height = 1000;
};

// Throws geo::Error for what stops the window opening, and for a replay step that fails (a
// script should fail loudly); in an interactive window errors become messages.
void run_planner(const geo::WardSet& wards, Document document, const ViewerOptions& options);

}  // namespace ui
