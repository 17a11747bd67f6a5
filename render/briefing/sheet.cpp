#include "render/briefing/sheet.h"

#include "geo/core/version.h"
#include "render/briefing/furniture.h"
#include "render/briefing/hatch.h"

namespace render {

std::vector<std::optional<UnitFill>> fills_of(const Theme& theme) {
    std::vector<std::optional<UnitFill>> fills;
    for (int c : theme.class_of_unit)
        fills.push_back(c < 0 ? UnitFill{outside_fill, true, std::nullopt} : UnitFill{theme.entries[c].colour, false, theme.hatch_of(static_cast<std::size_t>(c))});
    return fills;
}

std::string plan_name(const geo::AppliedPlan& plan) { return plan.plan ? plan.plan->name : "grouping"; }

std::string footer_text(const geo::WardSet& set) {
    return std::string("wardmap ") + geo::tool_version + " \u00b7 " + set.working_crs.label;
}

void paint_white(cairo_t* cairo) {
    cairo_set_source_rgb(cairo, 1, 1, 1);
    cairo_paint(cairo);
}

std::size_t classed_units(const Theme& theme) { return theme.class_of_unit.size() - theme.unclassed; }

PageTransform sheet_transform(const geo::Extent& world, const Box& frame) { return {world, frame.grown(-6)}; }

RenderedPage draw_map_sheet(cairo_t* cairo, const MapScene& scene, const geo::Extent& world, const Box& frame,
                            const std::vector<MapLabel>& labels) {
    RenderedPage page;
    page.map = frame;
    page.transform = sheet_transform(world, frame);
    draw_map(cairo, scene, page.transform, frame);
    cairo_rectangle(cairo, frame.x0, frame.y0, frame.width(), frame.height());
    cairo_set_source_rgb(cairo, 0.5, 0.5, 0.5);
    cairo_set_line_width(cairo, 0.5);
    cairo_stroke(cairo);
    const double centre_x = page.transform.to_world_x((frame.x0 + frame.x1) / 2);
    const double centre_y = page.transform.to_world_y((frame.y0 + frame.y1) / 2);
    page.labels.push_back(draw_scale_bar(cairo, page.transform, {frame.x0 + 8, frame.y1 - 8}, frame.width() / 4));
    page.labels.push_back(draw_north_arrow(cairo, {frame.x1 - 8, frame.y0 + 8},
                                           true_north_angle(scene.set.working_crs, centre_x, centre_y)));
    const LabelPlacement placement = draw_labels(cairo, labels, page.labels, frame.grown(-2));
    for (const auto& placed : placement.placed) page.labels.push_back(placed.box);
    page.labels_dropped = placement.dropped.size();
    return page;
}

}  // namespace render
