#include "render/briefing/text.h"

namespace render {

void set_colour(cairo_t* cairo, const Rgb& colour, double alpha) {
    cairo_set_source_rgba(cairo, colour.r, colour.g, colour.b, alpha);
}

void use_font(cairo_t* cairo, const Font& font) {
    cairo_select_font_face(cairo, "DejaVu Sans", font.italic ? CAIRO_FONT_SLANT_ITALIC : CAIRO_FONT_SLANT_NORMAL,
                           font.bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cairo, font.size);
}

TextSize measure(cairo_t* cairo, const Font& font, const std::string& text) {
    use_font(cairo, font);
    cairo_text_extents_t extents;
    cairo_text_extents(cairo, text.c_str(), &extents);
    cairo_font_extents_t font_extents;
    cairo_font_extents(cairo, &font_extents);
    return {extents.x_advance, font_extents.ascent + font_extents.descent, font_extents.ascent};
}

void draw_text(cairo_t* cairo, const Font& font, const std::string& text, double x, double y, const Rgb& colour) {
    use_font(cairo, font);
    set_colour(cairo, colour);
    cairo_move_to(cairo, x, y);
    cairo_show_text(cairo, text.c_str());
    cairo_new_path(cairo);
}

void draw_label(cairo_t* cairo, const Font& font, const std::string& text, const Box& box, const Rgb& colour,
                const Rgb& halo_colour, double halo) {
    const TextSize size = measure(cairo, font, text);
    const double x = (box.x0 + box.x1 - size.width) / 2;
    const double y = (box.y0 + box.y1 - size.height) / 2 + size.ascent;
    cairo_save(cairo);
    cairo_move_to(cairo, x, y);
    cairo_text_path(cairo, text.c_str());
    set_colour(cairo, halo_colour);
    cairo_set_line_width(cairo, 2 * halo);
    cairo_set_line_join(cairo, CAIRO_LINE_JOIN_ROUND);
    cairo_stroke_preserve(cairo);
    set_colour(cairo, colour);
    cairo_fill(cairo);
    cairo_restore(cairo);
}

std::string fit_text(cairo_t* cairo, const Font& font, const std::string& text, double width) {
    if (measure(cairo, font, text).width <= width) return text;
    std::string cut = text;
    while (!cut.empty()) {
        // Drop whole UTF-8 characters: continuation bytes are 10xxxxxx.
        while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0x80) cut.pop_back();
        if (!cut.empty()) cut.pop_back();
        if (measure(cairo, font, cut + "\u2026").width <= width) return cut + "\u2026";
    }
    return "";
}

}  // namespace render
