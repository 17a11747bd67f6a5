#pragma once
// A briefing map of what changes between two plans: every ward in the colour of its command unit
// in the new plan, paler where it stays, and hatched in its new unit's colour where it moves, with
// one legend entry per move ("Barking and Dagenham: East → North East, 17 wards").
#include "geo/compare/plan_diff.h"
#include "render/style/theme.h"

namespace render {

// `after`: the new plan's grouping, over the same units as the diff.
Theme diff_theme(const geo::WardSet& set, const geo::Grouping& after, const geo::PlanDiff& diff);

// The legend's words for a move: "Barking and Dagenham: East → North East", "Abbey: East → Central North".
std::string move_label(const geo::WardSet& set, const geo::Move& move);

}  // namespace render
