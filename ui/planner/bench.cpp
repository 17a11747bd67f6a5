#include "ui/planner/bench.h"

#include "ui/planner/stopwatch.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>

namespace ui {

namespace {

void report(const char* what, std::vector<double> times) {
    if (times.empty()) return;
    std::sort(times.begin(), times.end());
    const double median = times[times.size() / 2];
    const double p95 = times[std::min(times.size() - 1, static_cast<std::size_t>(std::ceil(0.95 * static_cast<double>(times.size()))) - 1)];
    std::printf("%-44s n=%-5zu median %7.2f ms   p95 %7.2f ms   max %7.2f ms\n", what, times.size(), median, p95, times.back());
}

// Out to all of the data and in thirty times closer, circling round the middle.
void scripted_view(MapView& view, const MapView& whole, double t) {
    const double zoom = std::exp(std::log(30.0) * std::sin(std::numbers::pi * t));
    const double radius = whole.metres_per_pixel * whole.width / 6;
    view.metres_per_pixel = whole.metres_per_pixel / zoom;
    view.center_x = whole.center_x + radius * std::cos(2 * std::numbers::pi * t);
    view.center_y = whole.center_y + radius * std::sin(2 * std::numbers::pi * t);
}

// Another command unit for a ward: the next one along that is not locked.
std::string other_unit(const geo::Assignment& assignment, std::size_t ward) {
    const std::size_t n = assignment.units.size();
    const int current = assignment.unit_of[ward];
    for (std::size_t k = 1; k <= n; ++k) {
        const std::size_t u = (static_cast<std::size_t>(std::max(current, 0)) + k) % n;
        if (static_cast<int>(u) != current && !assignment.units[u].locked) return assignment.units[u].code;
    }
    return "";
}

}  // namespace

void run_bench(Planner& planner, int frames, const std::function<void()>& draw_one) {
    const MapView whole = planner.view;
    draw_one();  // first frame: shaders compiled, buffers resident
    std::vector<double> frame_times;
    for (int i = 0; i < frames; ++i) {
        scripted_view(planner.view, whole, static_cast<double>(i) / frames);
        const Stopwatch watch;
        draw_one();
        frame_times.push_back(watch.ms());
    }
    report("pan/zoom frame", frame_times);

    // Zoomed to a borough's scale, as when painting.
    planner.view = whole;
    planner.view.metres_per_pixel = whole.metres_per_pixel / 6;
    std::vector<double> edit_times, session_times;
    const std::size_t wards = planner.wards.units.size();
    const int moves = std::min<int>(40, static_cast<int>(wards));
    for (int k = 0; k < moves; ++k) {
        const std::size_t ward = static_cast<std::size_t>(k) * wards / static_cast<std::size_t>(moves);
        const std::string to = other_unit(planner.document.session->assignment(), ward);
        if (to.empty()) continue;
        const Stopwatch watch;
        apply_command(planner, geo::Edit{geo::MoveWards{{ward}, to}});
        session_times.push_back(watch.ms());
        draw_one();
        edit_times.push_back(watch.ms());
    }
    report("single-ward reassignment, edit to screen", edit_times);
    report("  of which the edit, dissolve and map update", session_times);
    std::fflush(stdout);
}

}  // namespace ui
