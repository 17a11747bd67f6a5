#include "cli/progress_bar.h"

#include "cli/exit_codes.h"

#include "geo/core/cancel.h"

#include <cstdio>
#include <unistd.h>

namespace cli {

// Half a second: work that looks stops well within it, and what cannot look (a GEOS union, a Cairo
// page) is ended after it, leaving the rest of the second the planner was promised for removing
// the partial output and exiting.
void install_interrupt_handler() { geo::stop_on_interrupt(exit_code::cancelled, std::chrono::milliseconds(500)); }

bool interrupted() { return geo::interrupt_requested(); }

ProgressBar::ProgressBar(bool quiet) : draw_(!quiet && ::isatty(STDERR_FILENO)) {}

ProgressBar::~ProgressBar() {
    if (drawn_) std::fputs("\r\033[K", stderr);
}

void ProgressBar::operator()(std::string_view stage, double fraction) {
    geo::throw_if_interrupted();
    if (!draw_) return;
    std::lock_guard lock(mutex_);
    const auto now = std::chrono::steady_clock::now();
    if (fraction < 1 && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    const int width = 30, filled = static_cast<int>(fraction * width + 0.5);
    std::fprintf(stderr, "\r\033[K%-12.*s [%.*s%*s] %3d%%", static_cast<int>(stage.size()), stage.data(), filled,
                 "##############################", width - filled, "", static_cast<int>(fraction * 100 + 0.5));
    drawn_ = true;
}

}  // namespace cli
