#include "render/briefing/hatch.h"

namespace render {

void fill_hatched(cairo_t* cairo) {
    constexpr double spacing = 2.5;  // points between lines
    cairo_save(cairo);
    cairo_set_source_rgb(cairo, outside_fill.r, outside_fill.g, outside_fill.b);
    cairo_fill_preserve(cairo);
    cairo_clip(cairo);
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    cairo_clip_extents(cairo, &x0, &y0, &x1, &y1);
    // Lines at 45 degrees, anchored to the page grid so neighbouring shapes' hatching lines up.
    const double start = static_cast<long>((x0 - (y1 - y0)) / spacing) * spacing - spacing;
    for (double x = start; x <= x1; x += spacing) {
        cairo_move_to(cairo, x, y1);
        cairo_line_to(cairo, x + (y1 - y0), y0);
    }
    cairo_set_source_rgb(cairo, hatch_line.r, hatch_line.g, hatch_line.b);
    cairo_set_line_width(cairo, 0.35);
    cairo_stroke(cairo);
    cairo_restore(cairo);
    cairo_new_path(cairo);
}

}  // namespace render
