#pragma once
// Wall-clock milliseconds since construction: how long the figures took (shown in the panels) and
// the bench's frame and edit times. Steady clock: a clock change must not make a negative time.
#include <chrono>

namespace ui {

class Stopwatch {
public:
    double ms() const { return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start_).count(); }

private:
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

}  // namespace ui
