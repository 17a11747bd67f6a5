#pragma once
// The names a zoomable map shows, and where: command units always, borough names from city scale
// in, ward names only when zoomed in far enough for them to fit. The planner window measures and
// draws them (ImGui); which kinds show at a scale and where each goes is decided here, by
// place_labels, so no name is drawn over another, over a panel or across the map's edge.
#include "render/labels/place.h"

#include <vector>

namespace render {

enum class NameKind { command_unit, borough, ward };

// Scales (metres per screen pixel) below which borough and ward names are shown. Borough names
// from city scale in (all of London between the planner's panels is about 80 m/px; those with no
// room are left out); ward names, a few hundred metres across, from about 12 m/px.
inline constexpr double borough_names_below = 100, ward_names_below = 12;

bool named_at(NameKind kind, double metres_per_pixel);

struct MapName {
    NameKind kind = NameKind::ward;
    PagePoint at;                  // screen point of the place (its point on surface)
    double width = 0, height = 0;  // text box, halo included
};

struct MapNameOptions {
    Box map;                   // the part of the screen the map shows (inside the panels)
    std::vector<Box> covered;  // anything else over the map (the attribution): no name goes under it
    double padding = 2;        // pixels kept between two names
};

// Places the names shown at `metres_per_pixel`: command units first, then boroughs, then wards,
// each kind in the order given. A command unit's name may move beside its point when the point is
// taken; borough and ward names stay on their point or are left out, since a name moved off a small
// area labels its neighbour. Indices in the result are into `names`; names of kinds not shown at
// this scale, or whose point is off the map, are neither placed nor listed as dropped.
LabelPlacement place_map_names(const std::vector<MapName>& names, double metres_per_pixel, const MapNameOptions& options);

}  // namespace render
