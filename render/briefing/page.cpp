#include "render/briefing/page.h"

#include <cmath>

namespace render {
namespace {

constexpr double points_per_mm = 72 / 25.4;
constexpr double margin = 12 * points_per_mm;
constexpr double title_height = 52;   // title 18 pt, subtitle 10 pt, and air
constexpr double footer_height = 22;  // attribution and version, 7 pt

double short_mm(Paper paper) { return paper == Paper::a4 ? 210 : 297; }
double long_mm(Paper paper) { return paper == Paper::a4 ? 297 : 420; }

// Page minus margins, title and footer: where the map and legend share the space.
struct Frame {
    Box page, title, body, footer;
};
Frame frame(const PageSpec& spec) {
    const Box page{0, 0, spec.width_pt(), spec.height_pt()};
    const Box title{margin, margin, page.x1 - margin, margin + title_height};
    const Box footer{margin, page.y1 - margin - footer_height, page.x1 - margin, page.y1 - margin};
    return {page, title, {margin, title.y1, page.x1 - margin, footer.y0 - 6}, footer};
}

}  // namespace

double PageSpec::width_pt() const { return (landscape ? long_mm(paper) : short_mm(paper)) * points_per_mm; }
double PageSpec::height_pt() const { return (landscape ? short_mm(paper) : long_mm(paper)) * points_per_mm; }
int PageSpec::width_px() const {
    return static_cast<int>(std::lround((landscape ? long_mm(paper) : short_mm(paper)) / 25.4 * dpi));
}
int PageSpec::height_px() const {
    return static_cast<int>(std::lround((landscape ? short_mm(paper) : long_mm(paper)) / 25.4 * dpi));
}

PageLayout single_map_layout(const PageSpec& spec) {
    const Frame f = frame(spec);
    PageLayout layout{f.page, f.title, f.body, f.body, f.footer};
    if (spec.landscape) {
        const double legend_width = 0.24 * f.body.width();
        layout.map.x1 = f.body.x1 - legend_width - 10;
        layout.legend.x0 = f.body.x1 - legend_width;
    } else {
        const double legend_height = 0.22 * f.body.height();
        layout.map.y1 = f.body.y1 - legend_height - 10;
        layout.legend.y0 = f.body.y1 - legend_height;
    }
    return layout;
}

AtlasLayout atlas_layout(const PageSpec& spec) {
    const Frame f = frame(spec);
    AtlasLayout layout{f.page, f.title, f.body, f.body, f.body, f.footer};
    const double map_share = spec.landscape ? 0.0 : 0.58;
    if (spec.landscape) {
        layout.map.x1 = f.body.x0 + 0.58 * f.body.width();
        layout.legend = {layout.map.x1 + 10, f.body.y0, f.body.x1, f.body.y0 + 60};
        layout.table = {layout.map.x1 + 10, layout.legend.y1 + 6, f.body.x1, f.body.y1};
    } else {
        layout.map.y1 = f.body.y0 + map_share * f.body.height();
        layout.legend = {f.body.x0, layout.map.y1 + 8, f.body.x1, layout.map.y1 + 8 + 34};
        layout.table = {f.body.x0, layout.legend.y1 + 6, f.body.x1, f.body.y1};
    }
    return layout;
}

}  // namespace render
