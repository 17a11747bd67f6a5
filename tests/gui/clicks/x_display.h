#pragma once
// The test's own connection to the X server, and what it does there: find the planner's window,
// read its title and pixels, and send input through XTest as a person's mouse and keyboard would
// (the server delivers the events; the window cannot tell them from real ones).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

struct _XDisplay;  // Xlib's Display: its header's macros (None, Status, True) stay out of the tests

namespace clicks {

using WindowId = unsigned long;  // Xlib's Window (an XID)

struct ScreenPoint {  // X screen pixels
    int x = 0, y = 0;
};

class XDisplay {
public:
    explicit XDisplay(const std::string& name);  // throws geo::Error: no server, or no XTest on it
    ~XDisplay();
    XDisplay(const XDisplay&) = delete;
    XDisplay& operator=(const XDisplay&) = delete;
    XDisplay(XDisplay&&) = delete;
    XDisplay& operator=(XDisplay&&) = delete;

    // The mapped top-level window of this process (its _NET_WM_PID), if there is one yet.
    std::optional<WindowId> window_of(long pid);
    ScreenPoint origin_of(WindowId window);  // its top-left corner on the screen
    std::string title_of(WindowId window);   // _NET_WM_NAME, UTF-8
    // The keyboard goes to the window, as a window manager would do on a click; true once it has it.
    bool focus(WindowId window);
    // The screen's pixels in a rectangle, as shown: 0xRRGGBB, top row first.
    std::vector<std::uint32_t> pixels(ScreenPoint top_left, int width, int height);

    void move_pointer(ScreenPoint to);
    void button(unsigned button, bool down);  // 1 left, 2 middle, 3 right
    void key(unsigned long keysym, bool down);
    // Whether typing this character needs Shift on the server's keyboard map.
    bool needs_shift(unsigned long keysym);

private:
    _XDisplay* display_;
};

}  // namespace clicks
