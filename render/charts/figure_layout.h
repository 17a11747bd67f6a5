#pragma once
// Where the parts of an ensemble figure go on the page, in points (y down). Pure and fixed-size
// (no text is measured), so a test can compute where a value must have been drawn.
//
// Panels are small multiples in a grid: two columns for up to four panels, three beyond; the box
// plots, when present, come last and stretch over the cells left free in the last row. More than
// three rows do not fit A4: the figure moves to A3 with the same layout.
#include "render/briefing/page.h"
#include "render/labels/place.h"

#include <cstddef>
#include <optional>
#include <vector>

namespace render {

struct FigureGrid {
    PageSpec page;
    Box title, body, footer;
    std::vector<Box> score_panels;
    std::optional<Box> ranked_panel;
};
FigureGrid figure_grid(std::size_t scores, bool ranked, PageSpec page);

// Inside one panel, top to bottom: the heading (name, direction), the band where the reference's
// value is written, the plot, the x tick labels, the x axis label. Left of the plot: y tick labels
// and the y axis label.
struct PanelParts {
    Box heading, marks, plot, x_ticks, x_label, y_ticks, y_label;
};
PanelParts panel_parts(const Box& panel);

}  // namespace render
