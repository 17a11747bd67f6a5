#pragma once
// A plan written out for other systems: which layers go into which format, chosen one way for
// `wardmap dissolve/export/allocate/rollout -o` and the planner's File > Export.
#include "geo/core/progress.h"
#include "geo/export/format.h"
#include "geo/export/plan_layers.h"
#include "geo/plan/apply.h"

#include <string>

namespace geo {

struct PlanOutput {
    std::string path, format, target_srs, layer;  // format empty: from the path; layer empty: every layer the format holds
    bool overwrite = false;
};

// Throws InputError for a folder given as a file, or an unknown format.
const FormatInfo& output_format(const PlanOutput& output);
// Whether the output has a parents layer (so the parents must be dissolved).
bool writes_parents(const PlanOutput& output);

// Writes the plan's layers atomically; returns one line saying what was written ("wrote x.gpkg
// (GPKG: units 630, parents 33, command_units 12) in EPSG:27700"). `extras`: columns added to the
// units and command_units layers (officers, rollout phase). Throws geo::Error.
std::string write_plan(const UnitSet& wards, const AppliedPlan& applied, const PlanOutput& output, const Progress& progress = {},
                       const LayerExtras& extras = {});

}  // namespace geo
