#include "render/briefing/page_text.h"

#include "geo/core/version.h"
#include "render/briefing/text.h"

namespace render {

void draw_title(cairo_t* cairo, const std::string& title, const std::string& subtitle, const Box& box) {
    const Font title_font{18, true, false}, subtitle_font{10, false, false};
    draw_text(cairo, title_font, fit_text(cairo, title_font, title, box.width()), box.x0, box.y0 + 18, {0.05, 0.05, 0.05});
    draw_text(cairo, subtitle_font, fit_text(cairo, subtitle_font, subtitle, box.width()), box.x0, box.y0 + 34,
              {0.3, 0.3, 0.3});
    cairo_move_to(cairo, box.x0, box.y1 - 6);
    cairo_line_to(cairo, box.x1, box.y1 - 6);
    cairo_set_source_rgb(cairo, 0.6, 0.6, 0.6);
    cairo_set_line_width(cairo, 0.5);
    cairo_stroke(cairo);
}

void draw_footer(cairo_t* cairo, const std::string& right, const Box& box) {
    // Two lines, so the attribution is never cut short however long the CRS name is.
    const Font font{7, false, false};
    const Rgb grey{0.3, 0.3, 0.3};
    draw_text(cairo, font, geo::attribution, box.x0, box.y1 - 12, grey);
    draw_text(cairo, font, fit_text(cairo, font, right, box.width()), box.x0, box.y1 - 3, grey);
}

}  // namespace render
