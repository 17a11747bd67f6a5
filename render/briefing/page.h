#pragma once
// Paper, orientation and resolution of a briefing page, and where its parts go. Everything is laid
// out in PostScript points (1/72 inch), the unit of PDF and SVG; PNG scales points to pixels by dpi.
#include "render/labels/place.h"

namespace render {

enum class Paper { a4, a3 };

struct PageSpec {
    Paper paper = Paper::a4;
    bool landscape = false;
    double dpi = 300;  // PNG only

    double width_pt() const;
    double height_pt() const;
    int width_px() const;   // the PNG's size: the paper's millimetres at `dpi`
    int height_px() const;
};

// The boxes of a single-map page. Portrait puts the legend under the map, landscape beside it.
struct PageLayout {
    Box page, title, map, legend, footer;
};
PageLayout single_map_layout(const PageSpec& spec);

// An atlas page: the map above, the ward table (and legend) below it.
struct AtlasLayout {
    Box page, title, map, legend, table, footer;
};
AtlasLayout atlas_layout(const PageSpec& spec);

}  // namespace render
