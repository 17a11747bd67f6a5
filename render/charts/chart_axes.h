#pragma once
// The furniture every panel of an ensemble figure shares: heading, y axis with grid lines, x axis
// ticks, axis labels. Tick counts shrink until their labels fit side by side, so they never overlap.
#include "render/charts/axis_ticks.h"
#include "render/charts/chart_text.h"
#include "render/charts/figure_layout.h"

#include <functional>
#include <string>

namespace render {

// Values lo..hi up the plot (lo at the bottom).
struct VerticalScale {
    double lo = 0, hi = 1;
    double y_in(const Box& plot, double value) const { return plot.y1 - (value - lo) / (hi - lo) * plot.height(); }
};

// Name in bold; under it, in small grey type, `detail` (cut to fit).
void draw_heading(ChartText& text, const PanelParts& parts, const std::string& name, const std::string& detail);

// Grid lines and labels at `ticks`, a left axis rule, and the upright `label`.
void draw_y_axis(cairo_t* cairo, ChartText& text, const PanelParts& parts, const AxisTicks& ticks,
                 const VerticalScale& scale, const std::function<std::string(double)>& label_of,
                 const std::string& label);

// As many round ticks over lo..hi as fit with their labels a little apart; drawn under the plot at
// x_of(value). Returns the ticks used.
AxisTicks draw_x_ticks(cairo_t* cairo, ChartText& text, const PanelParts& parts, double lo, double hi,
                       const std::function<double(double)>& x_of);

// The base line of the plot.
void draw_x_rule(cairo_t* cairo, const Box& plot);

}  // namespace render
