#include "render/briefing/legend.h"

#include "render/briefing/hatch.h"
#include "render/briefing/text.h"

#include <algorithm>
#include <cmath>

namespace render {
namespace {

constexpr Rgb ink{0.1, 0.1, 0.1};
constexpr Rgb muted{0.4, 0.4, 0.4};
constexpr double row_height = 14, swatch_width = 16, swatch_height = 10;

void draw_entry(cairo_t* cairo, const std::string& label, const std::string& detail, const Rgb& colour, bool hatched,
                const std::optional<Rgb>& hatch, double x, double y, double width) {
    cairo_rectangle(cairo, x, y, swatch_width, swatch_height);
    if (hatch) {
        fill_hatched(cairo, colour, *hatch, moved_hatch_width, moved_hatch_spacing);
        cairo_rectangle(cairo, x, y, swatch_width, swatch_height);
    } else if (hatched) {
        fill_hatched(cairo);
        cairo_rectangle(cairo, x, y, swatch_width, swatch_height);
    } else {
        set_colour(cairo, colour);
        cairo_fill_preserve(cairo);
    }
    cairo_set_source_rgb(cairo, 0.2, 0.2, 0.2);
    cairo_set_line_width(cairo, 0.5);
    cairo_stroke(cairo);
    const Font label_font{8, false, false}, detail_font{7, false, false};
    const double text_x = x + swatch_width + 5;
    const double detail_width = measure(cairo, detail_font, detail).width;
    const std::string shown = fit_text(cairo, label_font, label, width - swatch_width - 12 - detail_width);
    draw_text(cairo, label_font, shown, text_x, y + 8.5, ink);
    draw_text(cairo, detail_font, detail, text_x + measure(cairo, label_font, shown).width + 5, y + 8.5, muted);
}

}  // namespace

void draw_legend(cairo_t* cairo, const Theme& theme, const Box& box) {
    draw_text(cairo, {10, true, false}, theme.title, box.x0, box.y0 + 10, ink);
    struct Row {
        std::string label, detail;
        Rgb colour;
        bool hatched = false;
        std::optional<Rgb> hatch;
    };
    std::vector<Row> rows;
    for (std::size_t e = 0; e < theme.entries.size(); ++e)
        rows.push_back({theme.entries[e].label, theme.entries[e].detail, theme.entries[e].colour, false, theme.hatch_of(e)});
    if (theme.unclassed > 0)
        rows.push_back({theme.unclassed_label, ward_count_text(theme.unclassed), outside_fill, true, std::nullopt});
    const double top = box.y0 + 18;
    const int per_column = std::max(1, static_cast<int>((box.y1 - top) / row_height));
    const int columns = std::max(1, static_cast<int>(std::ceil(rows.size() / static_cast<double>(per_column))));
    const int used_rows = static_cast<int>(std::ceil(rows.size() / static_cast<double>(columns)));
    const double column_width = box.width() / columns;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const int column = static_cast<int>(i) / used_rows, row = static_cast<int>(i) % used_rows;
        draw_entry(cairo, rows[i].label, rows[i].detail, rows[i].colour, rows[i].hatched, rows[i].hatch, box.x0 + column * column_width,
                   top + row * row_height, column_width);
    }
}

}  // namespace render
