#include "render/charts/chart_text.h"

#include <cmath>

namespace render {

Box ChartText::box_of(const Font& font, const std::string& text, double x, double y, Align align) const {
    const TextSize size = measure(cairo_, font, text);
    const double x0 = align == Align::left ? x : align == Align::centre ? x - size.width / 2 : x - size.width;
    return {x0, y - size.ascent, x0 + size.width, y - size.ascent + size.height};
}

Box ChartText::write(const Font& font, const std::string& text, double x, double y, const Rgb& colour, Align align) {
    const Box box = box_of(font, text, x, y, align);
    if (text.empty()) return box;
    draw_text(cairo_, font, text, box.x0, y, colour);
    written_.push_back({text, box});
    return box;
}

void ChartText::write_upright(const Font& font, const std::string& text, PagePoint centre, const Rgb& colour) {
    if (text.empty()) return;
    const TextSize size = measure(cairo_, font, text);
    cairo_save(cairo_);
    cairo_translate(cairo_, centre.x, centre.y);
    cairo_rotate(cairo_, -M_PI / 2);
    // After the turn, the baseline runs up the page: centre the text along it and across it.
    draw_text(cairo_, font, text, -size.width / 2, size.ascent - size.height / 2, colour);
    cairo_restore(cairo_);
    written_.push_back({text, Box::centred(centre, size.height, size.width)});
}

std::vector<std::string> ChartText::wrap(const Font& font, const std::string& text, double width,
                                         std::size_t max_lines) const {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size() && lines.size() + 1 < max_lines) {
        std::size_t end = start, space = text.find(' ', start);
        while (space != std::string::npos && this->width(font, text.substr(start, space - start)) <= width) {
            end = space;
            space = text.find(' ', space + 1);
        }
        if (space == std::string::npos && this->width(font, text.substr(start)) <= width) end = text.size();
        if (end == start) break;  // one word wider than the line: the last line cuts it
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    if (start < text.size()) lines.push_back(fit(font, text.substr(start), width));
    return lines;
}

}  // namespace render
