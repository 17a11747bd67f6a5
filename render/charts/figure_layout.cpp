#include "render/charts/figure_layout.h"

#include <algorithm>

namespace render {
namespace {

constexpr double points_per_mm = 72 / 25.4;
constexpr double margin = 10 * points_per_mm;
constexpr double title_height = 48;   // title 18 pt, subtitle 10 pt, and a rule (render/briefing/page_text)
constexpr double footer_height = 40;  // four lines of 7 pt: method (two), attribution, version
constexpr double column_gap = 22, row_gap = 14;

// Panel heading: name 9 pt, second line 7 pt. Marks: two lines of 7.5 pt.
constexpr double heading_height = 24, marks_height = 22;
constexpr double x_ticks_height = 11, x_label_height = 12;
constexpr double y_label_width = 11, y_ticks_width = 27;

}  // namespace

FigureGrid figure_grid(std::size_t scores, bool ranked, PageSpec page) {
    const std::size_t cells = scores + (ranked ? 1 : 0);
    const std::size_t columns = cells <= 1 ? 1 : cells <= 4 ? 2 : 3;
    const std::size_t rows = std::max<std::size_t>(1, (cells + columns - 1) / columns);
    if (rows > 3 && page.paper == Paper::a4) page.paper = Paper::a3;

    FigureGrid grid;
    grid.page = page;
    const Box sheet{0, 0, page.width_pt(), page.height_pt()};
    grid.title = {margin, margin, sheet.x1 - margin, margin + title_height};
    grid.footer = {margin, sheet.y1 - margin - footer_height, sheet.x1 - margin, sheet.y1 - margin};
    grid.body = {margin, grid.title.y1, sheet.x1 - margin, grid.footer.y0 - 8};

    const double cell_width = (grid.body.width() - column_gap * static_cast<double>(columns - 1)) / static_cast<double>(columns);
    const double cell_height = (grid.body.height() - row_gap * static_cast<double>(rows - 1)) / static_cast<double>(rows);
    const auto cell = [&](std::size_t index, std::size_t span) {
        const double x0 = grid.body.x0 + static_cast<double>(index % columns) * (cell_width + column_gap);
        const double y0 = grid.body.y0 + static_cast<double>(index / columns) * (cell_height + row_gap);
        return Box{x0, y0, x0 + cell_width * static_cast<double>(span) + column_gap * static_cast<double>(span - 1),
                   y0 + cell_height};
    };
    for (std::size_t s = 0; s < scores; ++s) grid.score_panels.push_back(cell(s, 1));
    if (ranked) grid.ranked_panel = cell(scores, columns - scores % columns);
    return grid;
}

PanelParts panel_parts(const Box& panel) {
    PanelParts parts;
    const double plot_x0 = panel.x0 + y_label_width + y_ticks_width, plot_x1 = panel.x1 - 4;
    parts.heading = {panel.x0, panel.y0, panel.x1, panel.y0 + heading_height};
    parts.marks = {plot_x0, parts.heading.y1, plot_x1, parts.heading.y1 + marks_height};
    parts.x_label = {plot_x0, panel.y1 - x_label_height, plot_x1, panel.y1};
    parts.x_ticks = {plot_x0, parts.x_label.y0 - x_ticks_height, plot_x1, parts.x_label.y0};
    parts.plot = {plot_x0, parts.marks.y1, plot_x1, parts.x_ticks.y0 - 2};
    parts.y_ticks = {panel.x0 + y_label_width, parts.plot.y0, plot_x0 - 3, parts.plot.y1};
    parts.y_label = {panel.x0, parts.plot.y0, panel.x0 + y_label_width, parts.plot.y1};
    return parts;
}

}  // namespace render
