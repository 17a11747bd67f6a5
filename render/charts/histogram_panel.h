#pragma once
// One score's panel: the ensemble's histogram, the reference plan as a vertical line with its value
// and percentile written beside it, round ticks, the unit under the x axis.
#include "render/charts/chart_text.h"
#include "render/charts/ensemble_figure.h"
#include "render/charts/figure_layout.h"

namespace render {

void draw_histogram_panel(cairo_t* cairo, ChartText& text, const PanelParts& parts, const ScoreDistribution& score,
                          const HistogramLayout& layout, double percentile, const std::string& reference_name);

}  // namespace render
