#include "ui/map/map_layer.h"

#include "render/context/river.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace ui {

namespace {

// ColorBrewer Set3 + Paired, light enough for black outlines and labels on top.
constexpr std::array<render::gl::Rgba, 12> palette = {
    0xffc7d38d, 0xffb3ffff, 0xffdabbbe, 0xff7280fb, 0xffd3b180, 0xff62b4fd,
    0xff69deb3, 0xffe5cdfc, 0xffd9d9d9, 0xffbd80bc, 0xffc5ebcc, 0xff6fedff,
};
constexpr render::gl::Rgba unassigned_colour = 0xffd0d0ff;  // pink: a finding, so it should stand out
constexpr render::gl::Rgba left_out_colour = 0xffbebebe;    // grey: out on purpose

// The side of a typical ward: the median of their envelopes. The mean area would be pulled up by
// a few large rural units while most (urban LSOAs) are far smaller, and ward lines would stay on
// as a grey blur, costing half the frame in the software renderer.
double typical_ward_side(const geo::WardIndex& index, std::size_t wards) {
    std::vector<double> sides;
    sides.reserve(wards);
    for (std::size_t i = 0; i < wards; ++i) {
        const geo::Extent& e = index.envelope(i);
        if (!e.empty) sides.push_back(std::sqrt((e.max_x - e.min_x) * (e.max_y - e.min_y)));
    }
    if (sides.empty()) return 1;
    std::nth_element(sides.begin(), sides.begin() + static_cast<std::ptrdiff_t>(sides.size() / 2), sides.end());
    return std::max(1.0, sides[sides.size() / 2]);
}

WorldPoint label_point(const GEOSGeometry* shape) {
    return shape ? world(geo::geos::point_on_surface(*shape)) : WorldPoint{};
}

}  // namespace

render::gl::Rgba parse_colour(const std::string& hex, std::size_t fallback) {
    unsigned r = 0, g = 0, b = 0;
    if (hex.size() == 7 && hex[0] == '#' && std::sscanf(hex.c_str() + 1, "%02x%02x%02x", &r, &g, &b) == 3)
        return render::gl::rgba(static_cast<unsigned char>(r), static_cast<unsigned char>(g), static_cast<unsigned char>(b));
    return palette[fallback % palette.size()];
}

std::string colour_hex(render::gl::Rgba colour) {
    char text[8];
    std::snprintf(text, sizeof text, "#%02x%02x%02x", colour & 0xff, (colour >> 8) & 0xff, (colour >> 16) & 0xff);
    return text;
}

MapLayer::MapLayer(const geo::WardSet& wards)
    : wards_(wards), index_(wards), renderer_(render::gl::build_ward_meshes(wards), wards.units.size()),
      typical_ward_side_(typical_ward_side(index_, wards.units.size())) {
    if (const geo::geos::Geom river = render::river_for(wards)) {  // London's boundaries only
        const auto byte = [](double c) { return static_cast<unsigned char>(c * 255 + 0.5); };
        renderer_.set_water(*river, render::gl::rgba(byte(render::water_colour.r), byte(render::water_colour.g),
                                                     byte(render::water_colour.b)));
    }
}

render::gl::Rgba MapLayer::unit_colour(const geo::PlanSession& session, int unit) const {
    if (unit == geo::left_out) return left_out_colour;
    if (unit < 0) return unassigned_colour;
    return parse_colour(session.assignment().units[static_cast<std::size_t>(unit)].colour, static_cast<std::size_t>(unit));
}

std::vector<render::gl::Rgba> MapLayer::unit_ward_colours(const geo::PlanSession& session) const {
    const geo::Assignment& assignment = session.assignment();
    // Each unit's "#rrggbb" parsed once, not once per ward: a national set has 35,000 wards.
    std::vector<render::gl::Rgba> of_unit(assignment.units.size());
    for (std::size_t u = 0; u < of_unit.size(); ++u) of_unit[u] = unit_colour(session, static_cast<int>(u));
    std::vector<render::gl::Rgba> colours(assignment.unit_of.size());
    for (std::size_t i = 0; i < colours.size(); ++i) {
        const int unit = assignment.unit_of[i];
        colours[i] = unit >= 0 ? of_unit[static_cast<std::size_t>(unit)] : unit_colour(session, unit);
    }
    return colours;
}

template <class T>
geo::Extent MapLayer::where_differ(const std::vector<T>& before, const std::vector<T>& after) const {
    geo::Extent changed;
    for (std::size_t i = 0; i < after.size() && i < before.size(); ++i)
        if (before[i] != after[i]) changed.include(index_.envelope(i));
    return changed;
}

void MapLayer::set_ward_colours(std::vector<render::gl::Rgba> colours) {
    // Only where colours differ is the map drawn again: a reassignment recolours one ward.
    std::optional<geo::Extent> changed;
    if (colours.size() == ward_colours_.size()) changed = where_differ(ward_colours_, colours);
    renderer_.set_ward_colours(colours, changed);
    ward_colours_ = std::move(colours);
}

void MapLayer::sync_colours(const geo::PlanSession& session) {
    set_ward_colours(unit_ward_colours(session));
}

void MapLayer::sync_unit(const geo::PlanSession& session, std::size_t unit, const std::optional<geo::Extent>& changed) {
    const GEOSGeometry* shape = session.shape(unit);
    renderer_.set_unit_outline(unit, shape, changed);
    if (unit_labels_.size() <= unit) unit_labels_.resize(unit + 1);
    unit_labels_[unit] = {shape ? session.assignment().units[unit].name : "", label_point(shape)};
}

void MapLayer::sync_all(const geo::PlanSession& session) {
    sync_colours(session);
    std::vector<const GEOSGeometry*> parents;
    parent_labels_.clear();
    for (const geo::DissolvedUnit& parent : session.parents().units) {
        parents.push_back(parent.shape.get());
        parent_labels_.push_back({parent.info.name, label_point(parent.shape.get())});
    }
    renderer_.set_parent_outlines(parents);
    const std::size_t units = session.assignment().units.size();
    renderer_.set_unit_count(units);
    unit_labels_.assign(units, {});
    for (std::size_t i = 0; i < units; ++i) sync_unit(session, i, std::nullopt);
    ward_units_ = session.assignment().unit_of;
}

void MapLayer::sync(const geo::PlanSession& session, const geo::EditOutcome& outcome) {
    const std::size_t units = session.assignment().units.size();
    if (units != unit_labels_.size()) return sync_all(session);  // a unit created or deleted: indices moved
    sync_colours(session);
    // A command unit's outline changes only along the wards that left or joined it.
    const std::vector<int>& unit_of = session.assignment().unit_of;
    std::optional<geo::Extent> moved;
    if (unit_of.size() == ward_units_.size()) moved = where_differ(ward_units_, unit_of);
    if (moved && moved->empty) moved.reset();  // changed, but no ward moved: anywhere
    ward_units_ = unit_of;
    for (const std::string& code : outcome.changed_units) {
        const int unit = session.assignment().find(code);
        if (unit >= 0) sync_unit(session, static_cast<std::size_t>(unit), moved);
    }
    // Names and colours of unchanged units can change too (rename, recolour): labels are cheap.
    for (std::size_t i = 0; i < units; ++i)
        if (session.shape(i)) unit_labels_[i].text = session.assignment().units[i].name;
}

void MapLayer::draw(const MapView& view, int hovered_ward) {
    prepare(view, hovered_ward);
    compose({{0, 0, drawn_view_.width, drawn_view_.height}});
}

void MapLayer::compose(const std::vector<render::gl::PixelRect>& parts) { renderer_.compose(drawn_view_, drawn_style_, parts); }

std::optional<render::gl::PixelRect> MapLayer::prepare(const MapView& view, int hovered_ward) {
    render::gl::DrawStyle style;
    style.highlight_ward = hovered_ward;
    // Simplified shapes once a pixel covers more than the simplification tolerance; while the view
    // moves (a pan, a zoom, a flight), shapes simplified by up to two pixels, which the eye cannot
    // follow at speed and which halve the vertices of a national set: the first still frame is
    // drawn again at a pixel, and kept.
    const render::gl::ViewTransform transform = view.transform();
    const bool moving = last_view_ && *last_view_ != transform;
    last_view_ = transform;
    style.level = renderer_.level_for(view.metres_per_pixel * (moving ? 2 : 1));
    // Ward lines fade out far away, where they would only make a grey blur.
    const double wards_across = view.width * view.metres_per_pixel / typical_ward_side_;
    style.ward_line_alpha = static_cast<float>(std::clamp(1.0 - wards_across / 250.0, 0.0, 0.45));
    drawn_view_ = transform, drawn_style_ = style;
    return renderer_.prepare(transform, style);
}

}  // namespace ui
