#include "cli/progress_bar.h"

#include "geo/core/errors.h"

#include <atomic>
#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace cli {
namespace {
std::atomic<bool> interrupt_flag{false};
extern "C" void on_interrupt(int) { interrupt_flag = true; }
}  // namespace

void install_interrupt_handler() {
    struct sigaction action {};
    action.sa_handler = on_interrupt;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

bool interrupted() { return interrupt_flag; }

ProgressBar::ProgressBar(bool quiet) : draw_(!quiet && ::isatty(STDERR_FILENO)) {}

ProgressBar::~ProgressBar() {
    if (drawn_) std::fputs("\r\033[K", stderr);
}

void ProgressBar::operator()(std::string_view stage, double fraction) {
    if (interrupt_flag) throw geo::Cancelled();
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
