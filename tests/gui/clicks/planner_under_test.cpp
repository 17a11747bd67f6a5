#include "tests/gui/clicks/planner_under_test.h"

#include "geo/core/errors.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <thread>

namespace clicks {

namespace {

namespace fs = std::filesystem;

constexpr auto poll_every = 5ms;

// Dear ImGui (GLFW backend) numbers: what the report lists as held.
int imgui_button(unsigned x_button) { return x_button == 1 ? 0 : x_button == 3 ? 1 : 2; }

int glfw_key(unsigned long keysym) {
    if (keysym >= 'a' && keysym <= 'z') return static_cast<int>(keysym - 'a' + 'A');
    if (keysym == keys::shift) return 340;  // GLFW_KEY_LEFT_SHIFT
    if (keysym == keys::ctrl) return 341;   // GLFW_KEY_LEFT_CONTROL
    if (keysym == keys::enter) return 257;  // GLFW_KEY_ENTER
    throw geo::Error("the click tests do not know GLFW's number for keysym " + std::to_string(keysym));
}

bool holds(const nlohmann::json& list, int value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

std::string read_text(const fs::path& path) {
    std::ifstream in(path);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

PlannerUnderTest::PlannerUnderTest(const fs::path& dir, const std::vector<std::string>& arguments) : dir_(dir) {
    const auto started = std::chrono::steady_clock::now();
    screen_ = std::make_unique<VirtualScreen>(1600, 1000, (dir / "xvfb.log").string(), 10s);
    x_ = std::make_unique<XDisplay>(screen_->display());
    Launch launch;
    launch.argv = {WARDMAP_BINARY, "view", "-q", "--screen-report", (dir / "screen.json").string()};
    launch.argv.insert(launch.argv.end(), arguments.begin(), arguments.end());
    // Every frame composed only where it changed is also composed whole and compared (ui/planner/frame.h):
    // hovers, tooltips, drags and dialogs, which replays do not have, are checked in every test.
    launch.environment = {"DISPLAY=" + screen_->display(), "XDG_STATE_HOME=" + (dir / "state").string(), "WARDMAP_CHECK_FRAMES=1"};
    launch.stdout_path = (dir / "planner.out").string();
    launch.stderr_path = (dir / "planner.err").string();
    launch.grace = 1s;  // SIGTERM leaves a window with unsaved changes open: kill it soon after
    planner_ = std::make_unique<ChildProcess>(launch);

    // Loading London and compiling Mesa's shaders (slower under the sanitizers) come first.
    const auto deadline = std::chrono::steady_clock::now() + 60s;
    while (!window_) {
        if (planner_->ended()) throw geo::Error("the planner ended before its window appeared:\n" + errors());
        if (std::chrono::steady_clock::now() > deadline) throw geo::Error("the planner's window did not appear within 60 s");
        if (auto window = x_->window_of(planner_->pid())) window_ = *window;
        else std::this_thread::sleep_for(poll_every);
    }
    origin_ = x_->origin_of(window_);
    // No window manager on the test's server: the test gives the window the keyboard, as a click would.
    while (!x_->focus(window_)) {
        if (std::chrono::steady_clock::now() > deadline) throw geo::Error("the planner's window did not take the keyboard");
        std::this_thread::sleep_for(poll_every);
    }
    wait_for("the window to settle (its first screen report)", [](const nlohmann::json&) { return true; }, 60s);
    // Most of a click test's time: worth seeing when a test gets slow.
    std::printf("the planner's window was ready for input after %lld ms\n",
                static_cast<long long>(std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count()));
}

PlannerUnderTest::~PlannerUnderTest() {
    // The last report says whether any frame composed in part differed from the frame composed whole.
    try {
        const nlohmann::json last = nlohmann::json::parse(read_text(dir_ / "screen.json"));
        if (!last.contains("frame_check"))
            ADD_FAILURE() << "the planner's screen report has no frame_check: WARDMAP_CHECK_FRAMES was not heard";
        else if (last["frame_check"]["frames_differing"] != 0)
            ADD_FAILURE() << "frames composed where they changed differ from the frames composed whole: " << last["frame_check"].dump()
                          << " (stdout and the screen report in " << dir_ << ")";
    } catch (const std::exception& error) {
        ADD_FAILURE() << "the planner's last screen report cannot be read: " << error.what();
    }
}

nlohmann::json PlannerUnderTest::wait_for(const std::string& what, const std::function<bool(const nlohmann::json&)>& ready,
                                          std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        // Replaced atomically by the window: a file that is there is whole.
        std::string text = read_text(dir_ / "screen.json");
        if (!text.empty() && text != report_text_) report_ = nlohmann::json::parse(text), report_text_ = std::move(text);
        if (!report_.is_null() && ready(report_)) return report_;
        if (const auto status = planner_->ended())
            throw geo::Error("the planner ended (status " + std::to_string(*status) + ") while the test waited for " + what + ":\n" + errors());
        if (std::chrono::steady_clock::now() > deadline) {
            nlohmann::json last = report_;
            if (last.is_object()) last.erase("wards");
            throw geo::Error("waited " + std::to_string(timeout.count()) + " ms for " + what + "; the window's last report: " +
                             (last.is_null() ? std::string("none") : last.dump()));
        }
        std::this_thread::sleep_for(poll_every);
    }
}

ScreenPoint PlannerUnderTest::on_screen(double x, double y) const {
    return {origin_.x + static_cast<int>(std::lround(x)), origin_.y + static_cast<int>(std::lround(y))};
}

ScreenPoint PlannerUnderTest::ward(const std::string& code) {
    const nlohmann::json at = report().at("wards").at(code);
    return on_screen(at[0], at[1]);
}

ScreenPoint PlannerUnderTest::item(const std::string& name) {
    const nlohmann::json report = wait_for("the item \"" + name + "\" on screen",
                                           [&](const nlohmann::json& r) { return r["items"].contains(name); });
    const nlohmann::json& rect = report["items"][name]["rect"];
    return on_screen((rect[0].get<double>() + rect[2].get<double>()) / 2, (rect[1].get<double>() + rect[3].get<double>()) / 2);
}

void PlannerUnderTest::move_to(ScreenPoint to) {
    x_->move_pointer(to);
    const double x = to.x - origin_.x, y = to.y - origin_.y;
    wait_for("the pointer at (" + std::to_string(to.x) + ", " + std::to_string(to.y) + ")", [&](const nlohmann::json& r) {
        return r["mouse"].is_array() && std::abs(r["mouse"][0].get<double>() - x) < 0.5 && std::abs(r["mouse"][1].get<double>() - y) < 0.5;
    });
}

void PlannerUnderTest::press(unsigned button) {
    x_->button(button, true);
    wait_for("button " + std::to_string(button) + " down", [&](const nlohmann::json& r) { return holds(r["buttons"], imgui_button(button)); });
}

void PlannerUnderTest::release(unsigned button) {
    x_->button(button, false);
    wait_unless_closed("button " + std::to_string(button) + " up",
                       [&](const nlohmann::json& r) { return !holds(r["buttons"], imgui_button(button)); });
}

void PlannerUnderTest::click(ScreenPoint at) {
    move_to(at);
    press();
    release();
}

std::vector<std::string> PlannerUnderTest::drag(const std::vector<ScreenPoint>& path, unsigned button) {
    std::vector<std::string> under;
    move_to(path.front());
    press(button);
    under.push_back(report()["hovered"]);
    for (std::size_t i = 1; i < path.size(); ++i) {
        move_to(path[i]);
        under.push_back(report()["hovered"]);
    }
    release(button);
    return under;
}

void PlannerUnderTest::key_down(unsigned long keysym) {
    x_->key(keysym, true);
    wait_for("key " + std::to_string(keysym) + " down", [&](const nlohmann::json& r) { return holds(r["keys"], glfw_key(keysym)); });
}

void PlannerUnderTest::key_up(unsigned long keysym) {
    x_->key(keysym, false);
    wait_unless_closed("key " + std::to_string(keysym) + " up", [&](const nlohmann::json& r) { return !holds(r["keys"], glfw_key(keysym)); });
}

void PlannerUnderTest::wait_unless_closed(const std::string& what, const std::function<bool(const nlohmann::json&)>& ready) {
    try {
        wait_for(what, ready);
    } catch (const geo::Error&) {
        if (!planner_->ended()) throw;
    }
}

void PlannerUnderTest::tap(unsigned long keysym) {
    key_down(keysym);
    key_up(keysym);
}

void PlannerUnderTest::chord(unsigned long modifier, unsigned long keysym) {
    key_down(modifier);
    tap(keysym);
    key_up(modifier);
}

void PlannerUnderTest::type(const std::string& text) {
    for (const char c : text) {
        const auto keysym = static_cast<unsigned long>(static_cast<unsigned char>(c));  // printable ASCII: keysym = code
        const bool shift = x_->needs_shift(keysym);
        if (shift) x_->key(keys::shift, true);
        x_->key(keysym, true);
        x_->key(keysym, false);
        if (shift) x_->key(keys::shift, false);
    }
}

std::string PlannerUnderTest::wait_for_title(const std::string& what, const std::function<bool(const std::string&)>& wanted) {
    const auto deadline = std::chrono::steady_clock::now() + 5s;
    for (;;) {
        const std::string title = x_->title_of(window_);
        if (wanted(title)) return title;
        if (std::chrono::steady_clock::now() > deadline) throw geo::Error("the window's title is \"" + title + "\", not " + what);
        std::this_thread::sleep_for(poll_every);
    }
}

PlannerUnderTest::Snapshot PlannerUnderTest::snapshot() {
    const nlohmann::json size = report()["window"];
    Snapshot shot{size[0].get<int>(), size[1].get<int>(), {}};
    shot.rgb = x_->pixels(origin_, shot.width, shot.height);
    return shot;
}

PlannerUnderTest::Snapshot PlannerUnderTest::wait_for_screen(const std::string& what, const std::function<bool(const Snapshot&)>& wanted,
                                                              std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        Snapshot shot = snapshot();
        if (wanted(shot)) return shot;
        if (std::chrono::steady_clock::now() > deadline)
            throw geo::Error("waited " + std::to_string(timeout.count()) + " ms for the screen to show " + what);
        std::this_thread::sleep_for(poll_every);
    }
}

std::uint32_t PlannerUnderTest::Snapshot::at(double x, double y) const {
    const long column = std::lround(x), row = std::lround(y);
    if (column < 0 || row < 0 || column >= width || row >= height) return 0;
    return rgb[static_cast<std::size_t>(row) * static_cast<std::size_t>(width) + static_cast<std::size_t>(column)];
}

std::optional<int> PlannerUnderTest::wait_for_exit(std::chrono::milliseconds timeout) { return planner_->wait_for_end(timeout); }

std::string PlannerUnderTest::errors() const { return read_text(dir_ / "planner.err"); }

std::vector<ScreenPoint> line(ScreenPoint from, ScreenPoint to, int step) {
    const int dx = to.x - from.x, dy = to.y - from.y;
    const int steps = std::max(1, static_cast<int>(std::ceil(std::hypot(dx, dy) / step)));
    std::vector<ScreenPoint> points;
    for (int i = 0; i <= steps; ++i)
        points.push_back({from.x + static_cast<int>(std::lround(dx * i / static_cast<double>(steps))),
                          from.y + static_cast<int>(std::lround(dy * i / static_cast<double>(steps)))});
    return points;
}

}  // namespace clicks
