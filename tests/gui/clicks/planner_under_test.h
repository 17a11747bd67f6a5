#pragma once
// `wardmap view` started on an X server of the test's own and driven like a person drives it:
// pointer moves, button presses and keys sent through XTest to absolute screen positions. The
// window's screen report (ui/planner/screen_report.h) says where wards and buttons are, and each
// input step waits, with a bound, until a frame of the window has seen it: no fixed sleeps.
// The destructor ends the planner, then the X server, whatever way the test leaves.
#include "tests/gui/clicks/child_process.h"
#include "tests/gui/clicks/virtual_screen.h"
#include "tests/gui/clicks/x_display.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clicks {

using namespace std::chrono_literals;

// X keysyms the tests press (X11/keysymdef.h), without its macros in the tests.
namespace keys {
inline constexpr unsigned long shift = 0xffe1, ctrl = 0xffe3, enter = 0xff0d;
inline constexpr unsigned long letter(char c) { return static_cast<unsigned long>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); }
}  // namespace keys

class PlannerUnderTest {
public:
    // Starts Xvfb and `wardmap view ARGUMENTS...` on it, with its logs and state under `dir`;
    // returns once the window is mapped, has the keyboard and has settled (its first report).
    PlannerUnderTest(const std::filesystem::path& dir, const std::vector<std::string>& arguments);
    ~PlannerUnderTest();
    PlannerUnderTest(const PlannerUnderTest&) = delete;
    PlannerUnderTest& operator=(const PlannerUnderTest&) = delete;
    PlannerUnderTest(PlannerUnderTest&&) = delete;
    PlannerUnderTest& operator=(PlannerUnderTest&&) = delete;

    // The latest screen report, once it satisfies `ready`. Throws geo::Error naming `what` after
    // `timeout`, or at once if the planner has ended.
    nlohmann::json wait_for(const std::string& what, const std::function<bool(const nlohmann::json&)>& ready,
                            std::chrono::milliseconds timeout = 15s);
    nlohmann::json report() { return wait_for("a screen report", [](const nlohmann::json&) { return true; }); }

    // Where things are on the screen: a ward's label point, the centre of a named item.
    ScreenPoint ward(const std::string& code);
    ScreenPoint item(const std::string& name);
    // A window pixel position from the report, on the screen.
    ScreenPoint on_screen(double x, double y) const;

    // Input; each returns once a frame has seen it (a release: or the window has closed).
    void move_to(ScreenPoint to);
    void press(unsigned button = 1);
    void release(unsigned button = 1);
    void click(ScreenPoint at);
    // Press at the first point, move through the others, release at the last. Returns the ward
    // the window said was under the pointer at each point ("" for none).
    std::vector<std::string> drag(const std::vector<ScreenPoint>& path, unsigned button = 1);
    void key_down(unsigned long keysym);
    void key_up(unsigned long keysym);
    void tap(unsigned long keysym);                            // down, then up
    void chord(unsigned long modifier, unsigned long keysym);  // e.g. Ctrl+S
    void type(const std::string& text);  // characters go to ImGui's queue: no frame per key

    // The window's title once `wanted` holds of it (it changes a moment after the frame).
    std::string wait_for_title(const std::string& what, const std::function<bool(const std::string&)>& wanted);
    // The window's pixels as shown now, 0xRRGGBB; `at` takes window pixels (the report's).
    struct Snapshot {
        int width = 0, height = 0;
        std::vector<std::uint32_t> rgb;
        std::uint32_t at(double x, double y) const;  // 0 outside
    };
    Snapshot snapshot();
    // The window's pixels once `wanted` holds of them: the X server may show a frame a moment
    // after the report that describes it was written. Throws geo::Error naming `what` after `timeout`.
    Snapshot wait_for_screen(const std::string& what, const std::function<bool(const Snapshot&)>& wanted,
                             std::chrono::milliseconds timeout = 5s);
    // The planner's exit status once it has closed by itself, within `timeout`.
    std::optional<int> wait_for_exit(std::chrono::milliseconds timeout = 15s);
    std::string errors() const;  // what the planner wrote on stderr, for failure messages

private:
    // A release that closed the window (Ctrl+Q, a question's Save) is seen by no later frame.
    void wait_unless_closed(const std::string& what, const std::function<bool(const nlohmann::json&)>& ready);

    std::filesystem::path dir_;
    std::unique_ptr<VirtualScreen> screen_;
    std::unique_ptr<XDisplay> x_;
    std::unique_ptr<ChildProcess> planner_;
    WindowId window_ = 0;
    std::string report_text_;  // the screen report last read, and parsed
    nlohmann::json report_;
    ScreenPoint origin_;
};

// Points from `from` to `to`, at most `step` pixels apart, both ends included.
std::vector<ScreenPoint> line(ScreenPoint from, ScreenPoint to, int step = 3);

}  // namespace clicks
