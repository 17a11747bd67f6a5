#pragma once
// Pieces every briefing page shares (single map and atlas pages): fills from a theme, the plan's
// name, the footer text, a white page, and the map with its scale bar, north arrow and labels.
#include "render/briefing/briefing.h"
#include "render/briefing/draw_map.h"

#include <cairo.h>

#include <optional>
#include <string>
#include <vector>

namespace render {

std::vector<std::optional<UnitFill>> fills_of(const Theme& theme);
std::string plan_name(const geo::AppliedPlan& plan);
std::string footer_text(const geo::WardSet& set);
void paint_white(cairo_t* cairo);
// Units in at least one class of the theme.
std::size_t classed_units(const Theme& theme);

// Draws the map of `world` into `frame` with a thin border, a scale bar and a north arrow, then
// places `labels` clear of both. Returns what went where.
RenderedPage draw_map_sheet(cairo_t* cairo, const MapScene& scene, const geo::Extent& world, const Box& frame,
                            const std::vector<MapLabel>& labels);
// As draw_map_sheet, with its labels made from the transform it chooses.
template <class MakeLabels>
RenderedPage draw_labelled_map(cairo_t* cairo, const MapScene& scene, const geo::Extent& world, const Box& frame,
                               MakeLabels make_labels);

// `water`: the river drawn on every page (null: none).
void draw_command_unit_atlas(PageWriter& writer, const geo::WardSet& set, const geo::AppliedPlan& plan,
                             const BriefingOptions& options, const GEOSGeometry* water, BriefingResult& result);
void draw_phase_atlas(PageWriter& writer, const geo::WardSet& set, const geo::AppliedPlan& plan,
                      const BriefingOptions& options, const GEOSGeometry* water, BriefingResult& result);

// The transform draw_map_sheet uses for `world` in `frame` (a small inset keeps lines off the border).
PageTransform sheet_transform(const geo::Extent& world, const Box& frame);

template <class MakeLabels>
RenderedPage draw_labelled_map(cairo_t* cairo, const MapScene& scene, const geo::Extent& world, const Box& frame,
                               MakeLabels make_labels) {
    return draw_map_sheet(cairo, scene, world, frame, make_labels(sheet_transform(world, frame)));
}

}  // namespace render
