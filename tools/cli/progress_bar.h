#pragma once
// Progress on stderr, drawn only when stderr is a terminal and -q is not given. It is also where
// Ctrl-C is noticed: the next progress call after it throws Cancelled (geo/core/cancel.h ends the
// process a moment later if the work does not get that far).
#include "geo/core/progress.h"

#include <chrono>
#include <mutex>
#include <string>

namespace cli {

void install_interrupt_handler();
bool interrupted();

class ProgressBar {
public:
    explicit ProgressBar(bool quiet);
    ~ProgressBar();
    ProgressBar(const ProgressBar&) = delete;
    ProgressBar& operator=(const ProgressBar&) = delete;
    void operator()(std::string_view stage, double fraction);
    geo::Progress callback() { return [this](std::string_view stage, double f) { (*this)(stage, f); }; }

private:
    bool draw_;
    bool drawn_ = false;
    std::mutex mutex_;
    std::chrono::steady_clock::time_point last_{};
};

}  // namespace cli
