#include "render/briefing/hatch.h"

namespace render {

void fill_hatched(cairo_t* cairo) { fill_hatched(cairo, outside_fill, hatch_line, 0.35, 2.5); }

void fill_hatched(cairo_t* cairo, const Rgb& fill, const Rgb& line, double line_width, double spacing) {
    cairo_save(cairo);
    cairo_set_source_rgb(cairo, fill.r, fill.g, fill.b);
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
    cairo_set_source_rgb(cairo, line.r, line.g, line.b);
    cairo_set_line_width(cairo, line_width);
    cairo_stroke(cairo);
    cairo_restore(cairo);
    cairo_new_path(cairo);
}

}  // namespace render
