#pragma once
// The plan session as the GPU draws it: ward colours from their command unit, borough lines, and
// command-unit outlines. After an edit only the colours and the changed units' outlines move.
// No ImGui here: the bench and the replay drive it the same way the window does.
#include "geo/planner/session.h"
#include "render/gl/map_renderer.h"
#include "geo/source/ward_index.h"
#include "ui/map/view.h"

#include <optional>
#include <string>
#include <vector>

namespace ui {

struct MapLabel {
    std::string text;
    WorldPoint at;
};

class MapLayer {
public:
    explicit MapLayer(const geo::WardSet& wards);

    // Everything, for a new session (a plan opened).
    void sync_all(const geo::PlanSession& session);
    // Colours always (cheap); outlines and label points of the units the edit changed.
    void sync(const geo::PlanSession& session, const geo::EditOutcome& outcome);
    void draw(const MapView& view, int hovered_ward);
    // `draw` in two steps (render::gl::MapRenderer::prepare and compose): the part of the window
    // whose map changed since the last frame, then the map into the parts to compose again.
    std::optional<render::gl::PixelRect> prepare(const MapView& view, int hovered_ward);
    void compose(const std::vector<render::gl::PixelRect>& parts);

    const geo::WardIndex& index() const { return index_; }
    const std::vector<MapLabel>& unit_labels() const { return unit_labels_; }
    const std::vector<MapLabel>& parent_labels() const { return parent_labels_; }
    render::gl::Rgba unit_colour(const geo::PlanSession& session, int unit) const;
    // Each ward in its command unit's colour; what sync draws.
    std::vector<render::gl::Rgba> unit_ward_colours(const geo::PlanSession& session) const;
    // Other fills (officers, phases, the timeline's greys) until the next sync.
    void set_ward_colours(std::vector<render::gl::Rgba> colours);
    const std::vector<render::gl::Rgba>& ward_colours() const { return ward_colours_; }

private:
    void sync_unit(const geo::PlanSession& session, std::size_t unit, const std::optional<geo::Extent>& changed);
    // Where the wards that differ between the two lists lie (empty: none differ).
    template <class T> geo::Extent where_differ(const std::vector<T>& before, const std::vector<T>& after) const;
    void sync_colours(const geo::PlanSession& session);

    const geo::WardSet& wards_;
    geo::WardIndex index_;
    render::gl::MapRenderer renderer_;
    double typical_ward_side_;  // metres: when ward lines fade
    std::vector<MapLabel> unit_labels_, parent_labels_;
    std::vector<render::gl::Rgba> ward_colours_;  // as drawn
    std::vector<int> ward_units_;                 // each ward's command unit as drawn (outlines)
    std::optional<render::gl::ViewTransform> last_view_;  // the last frame's: is the view moving?
    render::gl::ViewTransform drawn_view_;                // this frame's, from prepare to compose
    render::gl::DrawStyle drawn_style_;
};

// "#1f78b4" -> colour; a colour that is missing or malformed takes the palette's `fallback`th.
render::gl::Rgba parse_colour(const std::string& hex, std::size_t fallback);
std::string colour_hex(render::gl::Rgba colour);

}  // namespace ui
