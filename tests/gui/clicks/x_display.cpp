#include "tests/gui/clicks/x_display.h"

#include "geo/core/errors.h"

#include <X11/XKBlib.h>
#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/XTest.h>

#include <memory>
#include <vector>

namespace clicks {

namespace {

template <typename T>
struct XFreeDeleter {
    void operator()(T* p) const { XFree(p); }
};
template <typename T>
using XOwned = std::unique_ptr<T, XFreeDeleter<T>>;

struct ImageDeleter {
    void operator()(XImage* image) const { XDestroyImage(image); }
};

// One property of a window as raw items; empty when it has none of that type.
template <typename T>
std::vector<T> property(Display* display, WindowId window, const char* name, Atom type) {
    Atom actual = 0;
    int format = 0;
    unsigned long count = 0, after = 0;
    unsigned char* raw = nullptr;
    const Atom atom = XInternAtom(display, name, False);
    if (XGetWindowProperty(display, window, atom, 0, 1024, False, type, &actual, &format, &count, &after, &raw) != Success)
        return {};
    XOwned<unsigned char> owned(raw);
    if (!raw || actual != type) return {};
    // Xlib hands 32-bit items back as longs.
    if (format == 32) {
        const long* items = reinterpret_cast<const long*>(raw);
        return std::vector<T>(items, items + count);
    }
    return std::vector<T>(raw, raw + count);
}

}  // namespace

XDisplay::XDisplay(const std::string& name) : display_(XOpenDisplay(name.c_str())) {
    if (!display_) throw geo::Error("cannot connect to the X server " + name);
    int event = 0, error = 0, major = 0, minor = 0;
    if (!XTestQueryExtension(display_, &event, &error, &major, &minor)) {
        XCloseDisplay(display_);
        throw geo::Error("the X server " + name + " has no XTest extension: the test cannot send input");
    }
}

XDisplay::~XDisplay() { XCloseDisplay(display_); }

std::optional<WindowId> XDisplay::window_of(long pid) {
    ::Window root = 0, parent = 0, *children = nullptr;
    unsigned count = 0;
    if (!XQueryTree(display_, DefaultRootWindow(display_), &root, &parent, &children, &count)) return std::nullopt;
    XOwned<::Window> owned(children);
    for (unsigned i = 0; i < count; ++i) {
        const std::vector<long> owner = property<long>(display_, children[i], "_NET_WM_PID", XA_CARDINAL);
        if (owner.empty() || owner.front() != pid) continue;
        XWindowAttributes attributes;
        if (XGetWindowAttributes(display_, children[i], &attributes) && attributes.map_state == IsViewable) return children[i];
    }
    return std::nullopt;
}

ScreenPoint XDisplay::origin_of(WindowId window) {
    int x = 0, y = 0;
    ::Window child = 0;
    XTranslateCoordinates(display_, window, DefaultRootWindow(display_), 0, 0, &x, &y, &child);
    return {x, y};
}

std::string XDisplay::title_of(WindowId window) {
    const std::vector<char> name = property<char>(display_, window, "_NET_WM_NAME", XInternAtom(display_, "UTF8_STRING", False));
    return std::string(name.begin(), name.end());
}

bool XDisplay::focus(WindowId window) {
    XSetInputFocus(display_, window, RevertToParent, CurrentTime);
    XSync(display_, False);
    ::Window focused = 0;
    int revert = 0;
    XGetInputFocus(display_, &focused, &revert);
    return focused == window;
}

std::vector<std::uint32_t> XDisplay::pixels(ScreenPoint top_left, int width, int height) {
    const std::unique_ptr<XImage, ImageDeleter> image(XGetImage(display_, DefaultRootWindow(display_), top_left.x, top_left.y,
                                                                static_cast<unsigned>(width), static_cast<unsigned>(height), AllPlanes, ZPixmap));
    if (!image) throw geo::Error("cannot read the screen's pixels");
    std::vector<std::uint32_t> rgb;
    rgb.reserve(static_cast<std::size_t>(width) * static_cast<std::size_t>(height));
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) rgb.push_back(static_cast<std::uint32_t>(XGetPixel(image.get(), x, y)) & 0xffffffu);
    return rgb;
}

void XDisplay::move_pointer(ScreenPoint to) {
    XTestFakeMotionEvent(display_, DefaultScreen(display_), to.x, to.y, CurrentTime);
    XSync(display_, False);
}

void XDisplay::button(unsigned button, bool down) {
    XTestFakeButtonEvent(display_, button, down ? True : False, CurrentTime);
    XSync(display_, False);
}

void XDisplay::key(unsigned long keysym, bool down) {
    const KeyCode code = XKeysymToKeycode(display_, keysym);
    if (code == 0) throw geo::Error("the X server's keyboard has no key for keysym " + std::to_string(keysym));
    XTestFakeKeyEvent(display_, code, down ? True : False, CurrentTime);
    XSync(display_, False);
}

bool XDisplay::needs_shift(unsigned long keysym) {
    const KeyCode code = XKeysymToKeycode(display_, keysym);
    return code != 0 && XkbKeycodeToKeysym(display_, code, 0, 0) != keysym;
}

}  // namespace clicks
