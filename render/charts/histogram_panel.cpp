#include "render/charts/histogram_panel.h"

#include "render/charts/axis_ticks.h"
#include "render/charts/chart_axes.h"
#include "render/charts/chart_style.h"

#include <algorithm>
#include <cmath>

namespace render {
namespace {

std::string plans_text(std::size_t count) {
    return format_number(static_cast<double>(count), 0) + (count == 1 ? " plan" : " plans");
}

// "1.42", "43.2%", "4.62 km", "212": three significant figures, no trailing zeros, whole numbers whole.
std::string value_text(double value, const std::string& unit) {
    const int decimals = value == std::round(value) ? 0
                                                    : std::clamp(2 - static_cast<int>(std::floor(std::log10(std::abs(value)))), 0, 4);
    std::string number = format_number(value, decimals);
    if (number.find('.') != std::string::npos) {
        number.erase(number.find_last_not_of('0') + 1);
        if (number.back() == '.') number.pop_back();
    }
    if (unit.empty()) return number;
    return unit == "%" ? number + "%" : number + " " + unit;
}

std::string heading_detail(const ScoreDistribution& score, const HistogramLayout& layout) {
    std::string detail = score.lower_is_better ? "lower is better" : "higher is better";
    if (layout.binning == Binning::single_value)
        detail += " \u00b7 every plan scores " + value_text((layout.edges[0] + layout.edges[1]) / 2, score.unit);
    if (layout.dropped > 0) detail += " \u00b7 " + plans_text(layout.dropped) + " without a value left out";
    return detail;
}

void draw_bars(cairo_t* cairo, const Box& plot, const HistogramLayout& layout, const VerticalScale& scale) {
    // One bar per value of a count stands apart from its neighbours; bins of a continuous score touch.
    const bool separate = layout.binning == Binning::lattice || layout.binning == Binning::single_value;
    for (std::size_t b = 0; b < layout.counts.size(); ++b) {
        if (layout.counts[b] == 0) continue;
        double x0 = layout.x_in(plot, layout.edges[b]), x1 = layout.x_in(plot, layout.edges[b + 1]);
        const double inset = separate ? std::min(0.15 * (x1 - x0), 2.0) : std::min(0.15, 0.1 * (x1 - x0));
        x0 += inset, x1 -= inset;
        // A bin of a handful of plans among millions still shows: at least a hairline.
        const double top = std::min(scale.y_in(plot, static_cast<double>(layout.counts[b])), plot.y1 - 0.5);
        cairo_rectangle(cairo, x0, top, x1 - x0, plot.y1 - top);
    }
    set_colour(cairo, bar_fill);
    cairo_fill(cairo);
}

// The reference's line from the axis up, and its value and percentile in the marks band: beside the
// line (right of it when they fit there, else left), or, when they fit on neither side, over the band's
// width with the line stopping under them.
void draw_reference(cairo_t* cairo, ChartText& text, const PanelParts& parts, const ScoreDistribution& score,
                    const HistogramLayout& layout, double percentile, const std::string& name) {
    const double x = layout.x_in(parts.plot, *score.reference);
    const std::string value = ": " + value_text(*score.reference, score.unit);
    const std::string second = std::isnan(percentile) ? "no plan to compare with"
                                                      : percentile_text(percentile) + " of plans no better";
    const Box& band = parts.marks;
    const double width = std::max(text.width(mark_font, name + value), text.width(mark_detail_font, second));
    const double room_right = band.x1 - (x + 4), room_left = (x - 4) - band.x0;
    double anchor = x + 4, room = room_right, line_top = band.y0 + 2;
    Align align = Align::left;
    if (width > room_right && width <= room_left) {
        anchor = x - 4, room = room_left, align = Align::right;
    } else if (width > room_right) {
        room = band.width();
        anchor = std::clamp(x - width / 2, band.x0, std::max(band.x0, band.x1 - width));
        line_top = parts.plot.y0;
    }
    cairo_move_to(cairo, x, parts.plot.y1);
    cairo_line_to(cairo, x, line_top);
    set_colour(cairo, reference_red);
    cairo_set_line_width(cairo, reference_line_width);
    cairo_stroke(cairo);
    const double y = band.y0 + 8.5;
    // A long name is cut, never the value.
    const std::string first = text.fit(mark_font, name, room - text.width(mark_font, value)) + value;
    text.write(mark_font, first, anchor, y, reference_red, align);
    text.write(mark_detail_font, text.fit(mark_detail_font, second, room), anchor, y + 9, reference_red, align);
}

void draw_x_label(ChartText& text, const PanelParts& parts, const ScoreDistribution& score) {
    const Box& box = parts.x_label;
    text.write(detail_font, text.fit(detail_font, score.unit, box.width()), (box.x0 + box.x1) / 2, box.y0 + 9, chart_quiet,
               Align::centre);
}

}  // namespace

void draw_histogram_panel(cairo_t* cairo, ChartText& text, const PanelParts& parts, const ScoreDistribution& score,
                          const HistogramLayout& layout, double percentile, const std::string& reference_name) {
    draw_heading(text, parts, score.name, heading_detail(score, layout));
    const Box& plot = parts.plot;
    const VerticalScale scale{0, std::max(1.0, static_cast<double>(layout.largest) * 1.05)};
    const AxisTicks counts = count_ticks(scale.hi, std::max(2, static_cast<int>(plot.height() / 12)));
    draw_y_axis(cairo, text, parts, counts, scale, [](double v) { return format_count(v); }, "plans");
    draw_bars(cairo, plot, layout, scale);
    draw_x_rule(cairo, plot);
    draw_x_ticks(cairo, text, parts, layout.lo, layout.hi, [&](double v) { return layout.x_in(plot, v); });
    draw_x_label(text, parts, score);
    if (score.reference && std::isfinite(*score.reference))
        draw_reference(cairo, text, parts, score, layout, percentile, reference_name);
    if (layout.counted == 0) {  // on white, over the reference's line
        const std::string message = "No plan has a value for this score";
        const PagePoint centre{(plot.x0 + plot.x1) / 2, (plot.y0 + plot.y1) / 2};
        const Box box = text.box_of(detail_font, message, centre.x, centre.y, Align::centre).grown(3);
        cairo_rectangle(cairo, box.x0, box.y0, box.width(), box.height());
        set_colour(cairo, {1, 1, 1});
        cairo_fill(cairo);
        text.write(detail_font, message, centre.x, centre.y, chart_ink, Align::centre);
    }
}

}  // namespace render
