#pragma once
// Text on a chart, drawn with the briefing maps' fonts (render/briefing/text.h) and remembered with
// its box, so that a caller can keep later text clear of it and a test can check nothing overlaps.
#include "render/briefing/text.h"
#include "render/charts/ensemble_figure.h"

#include <cairo.h>

#include <string>
#include <vector>

namespace render {

enum class Align { left, centre, right };

inline constexpr Rgb chart_ink{0.1, 0.1, 0.1};
inline constexpr Rgb chart_quiet{0.35, 0.35, 0.35};  // secondary text and axes: still dark on a grey print

class ChartText {
public:
    explicit ChartText(cairo_t* cairo) : cairo_(cairo) {}

    // The box `text` would take with its baseline at y and its left, centre or right at x.
    Box box_of(const Font& font, const std::string& text, double x, double y, Align align) const;
    // Draws the text and records its box.
    Box write(const Font& font, const std::string& text, double x, double y, const Rgb& colour,
              Align align = Align::left);
    // Turned a quarter anticlockwise, centred on `centre` (y axis labels).
    void write_upright(const Font& font, const std::string& text, PagePoint centre, const Rgb& colour);

    double width(const Font& font, const std::string& text) const { return measure(cairo_, font, text).width; }
    std::string fit(const Font& font, const std::string& text, double width) const {
        return fit_text(cairo_, font, text, width);
    }
    // `text` broken at spaces into lines no wider than `width`; the last of `max_lines` is cut to fit.
    std::vector<std::string> wrap(const Font& font, const std::string& text, double width, std::size_t max_lines) const;
    const std::vector<DrawnText>& written() const noexcept { return written_; }

private:
    cairo_t* cairo_;
    std::vector<DrawnText> written_;
};

}  // namespace render
