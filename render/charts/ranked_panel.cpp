#include "render/charts/ranked_panel.h"

#include "render/charts/axis_ticks.h"
#include "render/charts/chart_axes.h"
#include "render/charts/chart_style.h"

#include <algorithm>
#include <cmath>

namespace render {
namespace {

// The values shown: every box's whiskers and every reference point.
std::pair<double, double> value_range(const RankedBoxes& ranked, const std::vector<BoxSummary>& boxes) {
    double lo = INFINITY, hi = -INFINITY;
    for (const BoxSummary& box : boxes)
        if (box.counted > 0) lo = std::min(lo, box.p05), hi = std::max(hi, box.p95);
    for (double v : ranked.reference)
        if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
    if (!std::isfinite(lo)) return {0, 1};
    if (hi == lo) lo -= 0.5, hi += 0.5;
    const double margin = 0.05 * (hi - lo);
    return {lo - margin, hi + margin};
}

void draw_box(cairo_t* cairo, const BoxSummary& box, double centre, double half, const VerticalScale& scale,
              const Box& plot) {
    const auto y = [&](double v) { return scale.y_in(plot, v); };
    cairo_set_line_width(cairo, 0.7);
    set_colour(cairo, chart_quiet);
    cairo_move_to(cairo, centre, y(box.p05));
    cairo_line_to(cairo, centre, y(box.q1));
    cairo_move_to(cairo, centre, y(box.q3));
    cairo_line_to(cairo, centre, y(box.p95));
    for (double end : {box.p05, box.p95}) {
        cairo_move_to(cairo, centre - half / 2, y(end));
        cairo_line_to(cairo, centre + half / 2, y(end));
    }
    cairo_stroke(cairo);
    cairo_rectangle(cairo, centre - half, y(box.q3), 2 * half, y(box.q1) - y(box.q3));
    set_colour(cairo, box_fill);
    cairo_fill_preserve(cairo);
    set_colour(cairo, chart_quiet);
    cairo_stroke(cairo);
    cairo_move_to(cairo, centre - half, y(box.median));
    cairo_line_to(cairo, centre + half, y(box.median));
    set_colour(cairo, chart_ink);
    cairo_set_line_width(cairo, 1.4);
    cairo_stroke(cairo);
}

// A diamond with a white rim: a shape, so it reads without colour, and clear over a box's lines.
void draw_diamond(cairo_t* cairo, PagePoint at, double size) {
    cairo_move_to(cairo, at.x, at.y - size);
    cairo_line_to(cairo, at.x + size, at.y);
    cairo_line_to(cairo, at.x, at.y + size);
    cairo_line_to(cairo, at.x - size, at.y);
    cairo_close_path(cairo);
    set_colour(cairo, {1, 1, 1});
    cairo_set_line_width(cairo, 1.2);
    cairo_stroke_preserve(cairo);
    set_colour(cairo, reference_red);
    cairo_fill(cairo);
}

void draw_legend(cairo_t* cairo, ChartText& text, const PanelParts& parts, const std::string& reference_name) {
    const std::string label = text.fit(mark_font, reference_name, parts.marks.width() - 16);
    const double x = parts.marks.x1 - text.width(mark_font, label);
    const double y = parts.marks.y0 + 12;
    draw_diamond(cairo, {x - 7, y - 2.7}, 3.6);
    text.write(mark_font, label, x, y, reference_red);
}

}  // namespace

void draw_ranked_panel(cairo_t* cairo, ChartText& text, const PanelParts& parts, const RankedBoxes& ranked,
                       const std::vector<BoxSummary>& boxes, const std::string& reference_name) {
    draw_heading(text, parts, ranked.name + ", by rank in each plan",
                 "box: middle half of the plans \u00b7 line: median \u00b7 whiskers: 5th to 95th percentile");
    const Box& plot = parts.plot;
    const auto [lo, hi] = value_range(ranked, boxes);
    const VerticalScale scale{lo, hi};
    const AxisTicks ticks = nice_ticks(lo, hi, std::max(2, static_cast<int>(plot.height() / 12)));
    draw_y_axis(cairo, text, parts, ticks, scale, [&](double v) { return format_number(v, ticks.decimals); }, ranked.unit);
    draw_x_rule(cairo, plot);
    if (!ranked.reference.empty()) draw_legend(cairo, text, parts, reference_name);

    const double slot = plot.width() / static_cast<double>(std::max<std::size_t>(1, boxes.size()));
    const double half = std::min(0.3 * slot, 14.0);
    const double label_y = parts.x_ticks.y0 + 9.5;
    // Rank numbers thin out (every 2nd, 5th...) when a slot is narrower than its number.
    const std::size_t every = std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(14 / slot)));
    for (std::size_t r = 0; r < boxes.size(); ++r) {
        const double centre = plot.x0 + (static_cast<double>(r) + 0.5) * slot;
        if (boxes[r].counted > 0) draw_box(cairo, boxes[r], centre, half, scale, plot);
        if ((r + 1) % every == 0 || r == 0)
            text.write(tick_font, std::to_string(r + 1), centre, label_y, chart_quiet, Align::centre);
    }
    for (std::size_t r = 0; r < std::min(ranked.reference.size(), boxes.size()); ++r)
        if (std::isfinite(ranked.reference[r]))
            draw_diamond(cairo, {plot.x0 + (static_cast<double>(r) + 0.5) * slot, scale.y_in(plot, ranked.reference[r])}, 3.6);
    const Box& box = parts.x_label;
    const std::string axis = "command units sorted within each plan, 1 = lowest";
    text.write(detail_font, text.fit(detail_font, axis, box.width()), (box.x0 + box.x1) / 2, box.y0 + 9, chart_quiet,
               Align::centre);
    if (boxes.empty() || std::none_of(boxes.begin(), boxes.end(), [](const BoxSummary& b) { return b.counted > 0; }))
        text.write(detail_font, "No plan has a value for this quantity", (plot.x0 + plot.x1) / 2,
                   (plot.y0 + plot.y1) / 2, chart_ink, Align::centre);
}

}  // namespace render
