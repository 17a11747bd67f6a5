#pragma once
// The colours of the QGIS styles a GeoPackage carries (geo::plan_styles), from the same palette
// decisions as the planner and the briefing maps: each command unit in its plan colour or
// categorical_palette's, phases and officers in sequential_palette's.
#include "geo/dissolve/grouping.h"
#include "geo/export/qgis_style.h"
#include "geo/source/ward.h"

namespace render {

geo::StyleColours style_colours(const geo::WardSet& set, const geo::Grouping& grouping);

}  // namespace render
