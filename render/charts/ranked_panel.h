#pragma once
// Per-rank box plots (redist's plot_distr_qtys): in each plan the command units are sorted by a
// quantity; box r summarises the r-th smallest unit's value over all plans, and the reference
// plan's own sorted values are drawn over them as red diamonds.
#include "render/charts/box_summary.h"
#include "render/charts/chart_text.h"
#include "render/charts/ensemble_figure.h"
#include "render/charts/figure_layout.h"

#include <vector>

namespace render {

void draw_ranked_panel(cairo_t* cairo, ChartText& text, const PanelParts& parts, const RankedBoxes& ranked,
                       const std::vector<BoxSummary>& boxes, const std::string& reference_name);

}  // namespace render
