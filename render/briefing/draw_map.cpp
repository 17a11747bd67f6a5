#include "render/briefing/draw_map.h"

#include "render/briefing/geometry_path.h"
#include "render/briefing/hatch.h"
#include "render/context/river.h"
#include "render/style/palette.h"

namespace render {
namespace {

constexpr Rgb context_fill{0.97, 0.97, 0.97};
constexpr Rgb ink{0.1, 0.1, 0.1};

// The world box a frame shows: shapes wholly outside it are skipped, which keeps a zoomed atlas
// page from carrying every ward of London into the PDF.
geo::Extent visible(const PageTransform& transform, const Box& frame) {
    geo::Extent world;
    world.include(transform.to_world_x(frame.x0), transform.to_world_y(frame.y0));
    world.include(transform.to_world_x(frame.x1), transform.to_world_y(frame.y1));
    return world;
}

bool shown(const GEOSGeometry& shape, const geo::Extent& view) { return geo::geos::envelope(shape).overlaps(view); }

void stroke_shapes(cairo_t* cairo, const std::vector<geo::DissolvedUnit>& shapes, const PageTransform& transform,
                   const geo::Extent& view, double width, double grey) {
    cairo_new_path(cairo);
    for (const auto& shape : shapes)
        if (shape.shape && shown(*shape.shape, view)) append_polygons(cairo, *shape.shape, transform);
    cairo_set_source_rgb(cairo, grey, grey, grey);
    cairo_set_line_width(cairo, width);
    cairo_stroke(cairo);
}

}  // namespace

void draw_map(cairo_t* cairo, const MapScene& scene, const PageTransform& transform, const Box& frame) {
    cairo_save(cairo);
    cairo_rectangle(cairo, frame.x0, frame.y0, frame.width(), frame.height());
    cairo_clip(cairo);
    cairo_set_fill_rule(cairo, CAIRO_FILL_RULE_EVEN_ODD);
    cairo_set_line_join(cairo, CAIRO_LINE_JOIN_ROUND);
    const geo::Extent view = visible(transform, frame);
    std::vector<bool> in_view;
    for (const auto& unit : scene.set.units) in_view.push_back(shown(*unit.shape, view));
    for (std::size_t u = 0; u < scene.set.units.size(); ++u) {
        if (!in_view[u]) continue;
        const auto& fill = u < scene.fill_of_unit.size() ? scene.fill_of_unit[u] : std::nullopt;
        cairo_new_path(cairo);
        append_polygons(cairo, *scene.set.units[u].shape, transform);
        if (fill && fill->hatched) {
            fill_hatched(cairo);
            continue;
        }
        if (fill && fill->hatch) {
            fill_hatched(cairo, fill->colour, *fill->hatch, moved_hatch_width, moved_hatch_spacing);
            continue;
        }
        set_colour(cairo, fill ? fill->colour : context_fill);
        cairo_fill(cairo);
    }
    // The wards reach to the middle of the river: the water goes over their fills, and the ward and
    // borough lines that run down the river stay visible on it.
    if (scene.water && shown(*scene.water, view)) {
        cairo_new_path(cairo);
        append_polygons(cairo, *scene.water, transform);
        set_colour(cairo, water_colour);
        cairo_fill(cairo);
    }
    // Ward lines: hairlines in a translucent dark grey, visible on light and dark fills alike.
    cairo_new_path(cairo);
    for (std::size_t u = 0; u < scene.set.units.size(); ++u)
        if (in_view[u]) append_polygons(cairo, *scene.set.units[u].shape, transform);
    cairo_set_source_rgba(cairo, 0, 0, 0, 0.35);
    cairo_set_line_width(cairo, 0.2);
    cairo_stroke(cairo);
    if (scene.borough_lines) stroke_shapes(cairo, scene.plan.parents.units, transform, view, 0.6, 0.25);
    stroke_shapes(cairo, scene.plan.groups.units, transform, view, 1.5, 0.0);
    cairo_restore(cairo);
}

std::vector<MapLabel> command_unit_labels(const geo::AppliedPlan& plan, const PageTransform& transform, const Font& font) {
    std::vector<MapLabel> labels;
    for (const auto& unit : plan.groups.units) {
        const auto at = geo::geos::point_on_surface(*unit.shape);
        labels.push_back({unit.info.name, transform.to_page(at.x, at.y), 1e12 + unit.area, font});
    }
    return labels;
}

std::vector<MapLabel> parent_labels(const geo::AppliedPlan& plan, const PageTransform& transform, const Font& font) {
    std::vector<MapLabel> labels;
    for (const auto& parent : plan.parents.units) {
        const auto at = geo::geos::point_on_surface(*parent.shape);
        labels.push_back({parent.info.name, transform.to_page(at.x, at.y), 1e6 + parent.area, font, false});
    }
    return labels;
}

std::vector<MapLabel> unit_labels(const geo::WardSet& set, const geo::AppliedPlan& plan, int only_group,
                                  const PageTransform& transform, const Font& font) {
    std::vector<MapLabel> labels;
    for (std::size_t u = 0; u < set.units.size(); ++u) {
        if (only_group >= 0 && (u >= plan.grouping.group_of_unit.size() || plan.grouping.group_of_unit[u] != only_group))
            continue;
        const auto at = geo::geos::point_on_surface(*set.units[u].shape);
        labels.push_back({set.units[u].name, transform.to_page(at.x, at.y), geo::geos::area(*set.units[u].shape), font});
    }
    return labels;
}

LabelPlacement draw_labels(cairo_t* cairo, const std::vector<MapLabel>& labels, const std::vector<Box>& obstacles,
                           const Box& frame) {
    constexpr double halo = 1.2;
    std::vector<LabelCandidate> candidates;
    for (const auto& label : labels) {
        const TextSize size = measure(cairo, label.font, label.text);
        LabelCandidate candidate;
        candidate.anchor = label.at;
        candidate.width = size.width + 2 * halo;
        candidate.height = size.height + 2 * halo;
        candidate.priority = label.priority;
        if (label.may_move) candidate.alternatives = ring_of_alternatives(label.at, candidate.width, candidate.height, 0.5);
        candidates.push_back(candidate);
    }
    LabelOptions options;
    options.padding = 1;
    options.bounds = frame;
    LabelPlacement placement = place_labels(candidates, obstacles, options);
    for (const auto& placed : placement.placed) {
        const MapLabel& label = labels[placed.candidate];
        draw_label(cairo, label.font, label.text, placed.box, ink, {1, 1, 1}, halo);
    }
    return placement;
}

}  // namespace render
