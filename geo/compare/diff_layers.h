#pragma once
// A plan comparison as layers the export machinery writes: the moved wards with their shapes
// (from, to, what goes with them) and one row per command unit before and after.
#include "geo/compare/plan_diff.h"
#include "geo/export/layer.h"

namespace geo {

// "moved_wards": one feature per moved ward (shape borrowed from `wards`).
OutputLayer moved_wards_layer(const WardSet& wards, const PlanDiff& diff, const WardFigures& figures);
// "command_unit_changes": no geometry; FIELD_before, FIELD_after, FIELD_change per figure.
OutputLayer unit_changes_table(const PlanDiff& diff);

}  // namespace geo
