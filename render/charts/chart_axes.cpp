#include "render/charts/chart_axes.h"

#include "render/charts/chart_style.h"

#include <algorithm>
#include <cmath>

namespace render {
namespace {

void line(cairo_t* cairo, double x0, double y0, double x1, double y1, const Rgb& colour, double width) {
    cairo_move_to(cairo, x0, y0);
    cairo_line_to(cairo, x1, y1);
    set_colour(cairo, colour);
    cairo_set_line_width(cairo, width);
    cairo_stroke(cairo);
}

// The x ticks' labels, each kept inside the panel's plot columns: true when no two come closer than `gap`.
bool labels_fit(const ChartText& text, const AxisTicks& ticks, const std::function<double(double)>& x_of, double gap) {
    double previous_right = -1e300;
    for (double v : ticks.values) {
        const double half = text.width(tick_font, format_number(v, ticks.decimals)) / 2;
        if (x_of(v) - half < previous_right + gap) return false;
        previous_right = x_of(v) + half;
    }
    return true;
}

}  // namespace

void draw_heading(ChartText& text, const PanelParts& parts, const std::string& name, const std::string& detail) {
    const Box& box = parts.heading;
    text.write(heading_font, text.fit(heading_font, name, box.width()), box.x0, box.y0 + 9, chart_ink);
    text.write(detail_font, text.fit(detail_font, detail, box.width()), box.x0, box.y0 + 18.5, chart_quiet);
}

void draw_y_axis(cairo_t* cairo, ChartText& text, const PanelParts& parts, const AxisTicks& ticks,
                 const VerticalScale& scale, const std::function<std::string(double)>& label_of,
                 const std::string& label) {
    const Box& plot = parts.plot;
    for (double v : ticks.values) {
        const double y = scale.y_in(plot, v);
        line(cairo, plot.x0, y, plot.x1, y, grid_grey, 0.5);
        text.write(tick_font, label_of(v), parts.y_ticks.x1, y + 2.5, chart_quiet, Align::right);
    }
    line(cairo, plot.x0, plot.y0, plot.x0, plot.y1, chart_quiet, 0.5);
    text.write_upright(detail_font, label, {parts.y_label.x0 + parts.y_label.width() / 2, (plot.y0 + plot.y1) / 2},
                       chart_quiet);
}

AxisTicks draw_x_ticks(cairo_t* cairo, ChartText& text, const PanelParts& parts, double lo, double hi,
                       const std::function<double(double)>& x_of) {
    AxisTicks ticks;
    for (int most = std::max(2, static_cast<int>(parts.plot.width() / 28)); most >= 2; --most) {
        ticks = nice_ticks(lo, hi, most);
        if (labels_fit(text, ticks, x_of, 6)) break;
    }
    if (!labels_fit(text, ticks, x_of, 6) && ticks.values.size() > 1) ticks.values = {ticks.values.front()};
    const double baseline = parts.x_ticks.y0 + 9.5;
    for (double v : ticks.values) {
        const double x = x_of(v);
        line(cairo, x, parts.plot.y1, x, parts.plot.y1 + 2.5, chart_quiet, 0.5);
        text.write(tick_font, format_number(v, ticks.decimals), x, baseline, chart_quiet, Align::centre);
    }
    return ticks;
}

void draw_x_rule(cairo_t* cairo, const Box& plot) { line(cairo, plot.x0, plot.y1, plot.x1, plot.y1, chart_quiet, 0.6); }

}  // namespace render
