#pragma once
// Text on a briefing page: DejaVu Sans (fonts-dejavu-core, installed by tools/setup.sh) through
// Cairo's toy font API, which finds it with fontconfig.
#include "render/labels/place.h"
#include "render/style/colour.h"

#include <cairo.h>

#include <string>

namespace render {

struct Font {
    double size = 9;  // points
    bool bold = false;
    bool italic = false;
};

void use_font(cairo_t* cairo, const Font& font);
// Advance width and the font's ascent + descent: the box a label needs.
struct TextSize {
    double width = 0, height = 0, ascent = 0;
};
TextSize measure(cairo_t* cairo, const Font& font, const std::string& text);

// Text with its baseline at (x, y).
void draw_text(cairo_t* cairo, const Font& font, const std::string& text, double x, double y, const Rgb& colour);
// Text centred in `box`, with a halo of `halo` points in `halo_colour` so it reads over any fill.
void draw_label(cairo_t* cairo, const Font& font, const std::string& text, const Box& box, const Rgb& colour,
                const Rgb& halo_colour, double halo);

// `text` cut with an ellipsis to fit `width` points.
std::string fit_text(cairo_t* cairo, const Font& font, const std::string& text, double width);

void set_colour(cairo_t* cairo, const Rgb& colour, double alpha = 1);

}  // namespace render
