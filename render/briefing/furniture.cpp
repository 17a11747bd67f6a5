#include "render/briefing/furniture.h"

#include "render/briefing/text.h"

#include <cmath>
#include <cstdio>

namespace render {
namespace {

constexpr Rgb ink{0.1, 0.1, 0.1};

std::string length_text(double metres) {
    char text[32];
    if (metres >= 1000) std::snprintf(text, sizeof text, "%g km", metres / 1000);
    else std::snprintf(text, sizeof text, "%g m", metres);
    return text;
}

// 1:N with N rounded to three significant figures and thousands separated: "1:253,000".
std::string scale_text(double points_per_metre) {
    const double n = 1 / (points_per_metre * 25.4e-3 / 72);
    const double magnitude = std::pow(10, std::floor(std::log10(n)) - 2);
    long long rounded = std::llround(std::round(n / magnitude) * magnitude);
    // Digits from the right with a comma every three (std::string::insert trips GCC 12's -Wrestrict).
    std::string grouped;
    for (int digit = 0; rounded > 0 || digit == 0; ++digit, rounded /= 10) {
        if (digit > 0 && digit % 3 == 0) grouped.push_back(',');
        grouped.push_back(static_cast<char>('0' + rounded % 10));
    }
    std::string text = "Scale 1:";
    text.append(grouped.rbegin(), grouped.rend());
    text.append(" at the printed page size");
    return text;
}

}  // namespace

double nice_length(double longest) {
    const double power = std::pow(10, std::floor(std::log10(longest)));
    for (double step : {5.0, 2.0, 1.0})
        if (step * power <= longest) return step * power;
    return power;
}

Box draw_scale_bar(cairo_t* cairo, const PageTransform& transform, PagePoint corner, double max_width) {
    const double metres = nice_length(max_width / transform.points_per_metre());
    const double width = metres * transform.points_per_metre();
    const double bar_height = 4, segment = width / 4;
    const Font font{7, false, false};
    const double top = corner.y - 24;
    cairo_save(cairo);
    cairo_set_line_width(cairo, 0.5);
    for (int s = 0; s < 4; ++s) {
        cairo_rectangle(cairo, corner.x + s * segment, top + 10, segment, bar_height);
        if (s % 2 == 0) cairo_set_source_rgb(cairo, ink.r, ink.g, ink.b);
        else cairo_set_source_rgb(cairo, 1, 1, 1);
        cairo_fill_preserve(cairo);
        cairo_set_source_rgb(cairo, ink.r, ink.g, ink.b);
        cairo_stroke(cairo);
    }
    draw_text(cairo, font, "0", corner.x - 2, top + 8, ink);
    const std::string end = length_text(metres);
    draw_text(cairo, font, end, corner.x + width - measure(cairo, font, end).width / 2, top + 8, ink);
    const std::string scale = scale_text(transform.points_per_metre());
    draw_text(cairo, {6, false, false}, scale, corner.x, corner.y, ink);
    cairo_restore(cairo);
    const double right = std::max(corner.x + width + measure(cairo, font, end).width / 2,
                                  corner.x + measure(cairo, {6, false, false}, scale).width);
    return {corner.x - 4, top - 2, right + 2, corner.y + 3};
}

double true_north_angle(const geo::Crs& crs, double x, double y) {
    if (crs.geographic()) return 0;
    // Two points a kilometre apart along grid north, in lon/lat: how far east the second lies
    // tells the angle between grid north and the meridian.
    geo::Extent here, north;
    here.include(x, y);
    north.include(x, y + 1000);
    const geo::Extent a = geo::to_lonlat(here, crs), b = geo::to_lonlat(north, crs);
    const double lat = a.min_y * M_PI / 180;
    const double east = (b.min_x - a.min_x) * std::cos(lat), up = b.min_y - a.min_y;
    return -std::atan2(east, up);
}

Box draw_north_arrow(cairo_t* cairo, PagePoint corner, double angle) {
    constexpr double size = 26;
    const PagePoint centre{corner.x - size / 2, corner.y + size / 2};
    cairo_save(cairo);
    cairo_translate(cairo, centre.x, centre.y);
    cairo_rotate(cairo, angle);
    // Half black, half white: reads in greyscale and on any fill.
    cairo_move_to(cairo, 0, -size / 2);
    cairo_line_to(cairo, size / 5, size / 3);
    cairo_line_to(cairo, 0, size / 5);
    cairo_close_path(cairo);
    cairo_set_source_rgb(cairo, ink.r, ink.g, ink.b);
    cairo_fill_preserve(cairo);
    cairo_set_line_width(cairo, 0.6);
    cairo_stroke(cairo);
    cairo_move_to(cairo, 0, -size / 2);
    cairo_line_to(cairo, -size / 5, size / 3);
    cairo_line_to(cairo, 0, size / 5);
    cairo_close_path(cairo);
    cairo_set_source_rgb(cairo, 1, 1, 1);
    cairo_fill_preserve(cairo);
    cairo_set_source_rgb(cairo, ink.r, ink.g, ink.b);
    cairo_stroke(cairo);
    cairo_restore(cairo);
    const Font font{9, true, false};
    const double n_width = measure(cairo, font, "N").width;
    draw_text(cairo, font, "N", centre.x - n_width / 2, corner.y + size + 10, ink);
    return {corner.x - size - 2, corner.y - 2, corner.x + 2, corner.y + size + 13};
}

}  // namespace render
