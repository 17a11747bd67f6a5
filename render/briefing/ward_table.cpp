#include "render/briefing/ward_table.h"

#include "render/briefing/text.h"

#include <algorithm>
#include <cmath>

namespace render {
namespace {

constexpr double row_height = 7.5;
constexpr Rgb ink{0.1, 0.1, 0.1};
const Font cell_font{5.5, false, false};
const Font head_font{5.5, true, false};

// Column start offsets as shares of a table column's width: code, ward, borough, phase, value.
struct Columns {
    double code, name, borough, phase, value, end;
};
Columns columns(double width, bool with_value) {
    const double value = with_value ? 0.11 * width : 0;
    const double rest = width - value;
    return {0, 0.22 * rest, 0.58 * rest, 0.84 * rest, rest, width};
}

void draw_row(cairo_t* cairo, const WardRow& row, const Font& font, double x, double y, const Columns& c) {
    const auto cell = [&](const std::string& text, double from, double to) {
        draw_text(cairo, font, fit_text(cairo, font, text, to - from - 3), x + from, y, ink);
    };
    cell(row.code, c.code, c.name);
    cell(row.name, c.name, c.borough);
    cell(row.borough, c.borough, c.phase);
    cell(row.phase, c.phase, c.value);
    if (c.end > c.value) cell(row.value, c.value, c.end);
}

}  // namespace

void draw_ward_table(cairo_t* cairo, const std::vector<WardRow>& rows, const std::string& value_heading, const Box& box) {
    const int per_column = std::max(1, static_cast<int>(box.height() / row_height) - 2);
    const int needed = static_cast<int>(std::ceil(rows.size() / static_cast<double>(per_column)));
    // At most four table columns: narrower ones could not show a ward's name.
    const int table_columns = std::clamp(needed, 1, 4);
    const double width = box.width() / table_columns;
    const Columns c = columns(width - 8, !value_heading.empty());
    const WardRow heading{"Code", "Ward", "Borough", "Phase", value_heading};
    const std::size_t shown = std::min(rows.size(), static_cast<std::size_t>(per_column * table_columns));
    for (int t = 0; t < table_columns; ++t) {
        const double x = box.x0 + t * width;
        draw_row(cairo, heading, head_font, x, box.y0 + row_height, c);
        cairo_move_to(cairo, x, box.y0 + row_height + 2);
        cairo_line_to(cairo, x + width - 8, box.y0 + row_height + 2);
        cairo_set_source_rgb(cairo, 0.5, 0.5, 0.5);
        cairo_set_line_width(cairo, 0.4);
        cairo_stroke(cairo);
    }
    for (std::size_t i = 0; i < shown; ++i) {
        const int t = static_cast<int>(i) / per_column, r = static_cast<int>(i) % per_column;
        draw_row(cairo, rows[i], cell_font, box.x0 + t * width, box.y0 + (r + 2) * row_height + 1, c);
    }
    if (shown < rows.size())
        draw_text(cairo, head_font, "\u2026 and " + std::to_string(rows.size() - shown) + " more wards", box.x0,
                  box.y1, ink);
}

}  // namespace render
