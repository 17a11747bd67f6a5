#pragma once
// A replay file: planner actions, one a line, for demos, tests and benchmarks.
//
//   # comments and blank lines are skipped
//   move ward E05000026 to CN        (a ward code; "to -" unassigns)
//   move borough E09000002 to CN
//   undo | redo
//   zoom to E05000026 | zoom to CN | zoom to all
//   save PATH | save as PATH | open PATH | export PATH
//   export map PATH [THEME]          (a briefing map: .pdf .svg .png; theme bcu (default), phase or officers)
//   colour units|officers|officers-unit|phase
//   timeline DATE | timeline off     (wards not live on DATE are greyed)
//   compare PATH|PATH@N|saved|off    (Compare with…: another plan, a version kept in a plan file, the plan as saved)
//   screenshot PATH [WARD...]        (reports each ward's screen point and colour on stdout)
//   panels on|off, labels on|off     (a screenshot of the map alone)
//   autosave                         (writes the autosave now, as the window does every 5 s)
//   answer recover|discard           (the question "Recover plan" asked at start, after a crash)
//   candidates generate [k=12 min=2 max=4 lock=EA,CN balance=crime=10% rank=workload_ratio samples=N exhaustive=N seed=N
//                       unit=borough|ward whole=all]
//   candidates cancel | candidates wait   (wait: the next action waits for the search to end)
//   candidates preview best|pareto ROW | candidates preview off | candidates use best|pareto ROW
//   wait FRAMES
#include "geo/source/ward.h"
#include "ui/planner/commands.h"

#include <string>
#include <vector>

namespace ui {

struct ReplayStep {
    Command command;
    int wait_frames = 0;  // frames to draw before the next step
    std::size_t line = 0;
};

// Throws InputError naming the file and line for an unknown action or ward code.
std::vector<ReplayStep> read_replay(const std::string& path, const geo::WardSet& wards);
std::vector<ReplayStep> parse_replay(const std::string& text, const std::string& path_for_messages,
                                     const geo::WardSet& wards);

}  // namespace ui
