#pragma once
// The tidal Thames as context under a London map: the planner window and the briefing maps draw it
// over the ward fills and under the ward outlines, so a planner finds Tower Bridge at a glance. The
// wards reach to the middle of the river; the river shape (shapes/london-thames.gpkg, derived from
// the wards and the GLA's boroughs excluding mean high water: shapes/README.md) shows where it runs.
#include "geo/source/ward.h"
#include "render/style/colour.h"

#include <string>

namespace render {

// Blue-grey: reads as water beside any command-unit colour and prints as a light grey.
inline constexpr Rgb water_colour{170 / 255.0, 193 / 255.0, 213 / 255.0};  // #aac1d5

// shapes/london-thames.gpkg of the bundled data, found as every bundled file is (geo::bundled).
std::string river_path();

// The river in the working CRS of `wards` when its extent meets theirs: London's boundaries, of
// any year or CRS. Null for other data, and when the file is missing or unreadable: context never
// stops a map from being drawn.
geo::geos::Geom river_for(const geo::WardSet& wards, const std::string& path = river_path());

}  // namespace render
