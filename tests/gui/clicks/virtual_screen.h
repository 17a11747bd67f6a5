#pragma once
// An X server of the test's own (Xvfb): the server picks a free display number and tells it
// (-displayfd), so tests run side by side, and no other window or pointer gets in their way.
#include "tests/gui/clicks/child_process.h"

#include <chrono>
#include <memory>
#include <string>

namespace clicks {

class VirtualScreen {
public:
    // Throws geo::Error when Xvfb does not start or name its display within `timeout`.
    VirtualScreen(int width, int height, const std::string& log_path, std::chrono::milliseconds timeout);
    const std::string& display() const noexcept { return display_; }  // ":N"

private:
    std::unique_ptr<ChildProcess> server_;
    std::string display_;
};

}  // namespace clicks
