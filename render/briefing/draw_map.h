#pragma once
// The map itself: ward fills by theme, then ward, borough and command-unit boundaries in a clear
// hierarchy (hairline, thin, bold), then labels placed so that none overlap.
#include "geo/plan/apply.h"
#include "render/briefing/page_transform.h"
#include "render/briefing/text.h"

#include <cairo.h>

#include <optional>
#include <vector>

namespace render {

struct UnitFill {
    Rgb colour;
    bool hatched = false;  // outside the theme's classes (render/briefing/hatch.h)
    std::optional<Rgb> hatch;  // hatched in this colour over `colour` (a moved ward on a diff map)
};

struct MapScene {
    const geo::WardSet& set;
    const geo::AppliedPlan& plan;
    std::vector<std::optional<UnitFill>> fill_of_unit;  // per unit; nullopt: context around the subject, pale
    bool borough_lines = true;
    const GEOSGeometry* water = nullptr;  // the river over the fills, under the lines (render/context/river.h)
};

// Fills, water and boundaries, clipped to `frame`.
void draw_map(cairo_t* cairo, const MapScene& scene, const PageTransform& transform, const Box& frame);

struct MapLabel {
    std::string text;
    PagePoint at;
    double priority = 0;
    Font font;
    bool may_move = true;  // false: at its point or not at all (a borough name moved off its borough misleads)
};

// Labels at the point-on-surface of each command unit (by area), of each borough, of each unit
// (ward) in `only_group` or of all units when `only_group` < 0.
std::vector<MapLabel> command_unit_labels(const geo::AppliedPlan& plan, const PageTransform& transform, const Font& font);
std::vector<MapLabel> parent_labels(const geo::AppliedPlan& plan, const PageTransform& transform, const Font& font);
std::vector<MapLabel> unit_labels(const geo::WardSet& set, const geo::AppliedPlan& plan, int only_group,
                                  const PageTransform& transform, const Font& font);

// Places the labels (none overlapping each other or `obstacles`, all inside `frame`) and draws
// them with a white halo. Returns where they went, for tests and callers that add more.
LabelPlacement draw_labels(cairo_t* cairo, const std::vector<MapLabel>& labels, const std::vector<Box>& obstacles,
                           const Box& frame);

}  // namespace render
