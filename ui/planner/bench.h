#pragma once
// `wardmap view --bench-frames N`: frame times of a scripted pan and zoom, and the time from a
// single-ward reassignment to the frame that shows it. Printed, not asserted: speed is measured
// by tools/bench, never by a timed test.
#include "ui/planner/planner.h"

#include <functional>

namespace ui {

// `draw_one` draws, finishes (glFinish) and shows one whole frame of the window.
void run_bench(Planner& planner, int frames, const std::function<void()>& draw_one);

}  // namespace ui
