#pragma once
// A rollout as export columns (the phase each ward and command unit goes live in, with its date)
// and the per-phase results as a table.
#include "geo/export/layer.h"
#include "geo/export/plan_layers.h"
#include "geo/rollout/phase_results.h"

namespace geo {

// units: live_phase, live_date; command_units: live_from (first ward live), live_phase and
// live_date (the phase in which its last ward goes live: the unit live whole).
LayerExtras rollout_columns(const WardSet& set, const Grouping& grouping, const Rollout& rollout);
// One row per phase, no geometry: the CSV `wardmap rollout --table` writes.
OutputLayer phase_table(const std::vector<PhaseResult>& results);

}  // namespace geo
