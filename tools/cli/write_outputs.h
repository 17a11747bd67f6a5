#pragma once
#include "cli/options.h"
#include "geo/export/format.h"
#include "geo/export/plan_layers.h"

#include <iosfwd>

namespace cli {

const geo::FormatInfo& output_format(const OutputOptions& options);
// Whether the chosen output has a parents layer (so the parents must be dissolved).
bool writes_parents(const OutputOptions& options);

// Writes the plan's layers in the chosen format; returns a one-line description of what was written.
// `extras`: columns added to the units and command_units layers (officers, rollout phase).
std::string write_outputs(const geo::UnitSet& set, const geo::AppliedPlan& applied, const OutputOptions& options,
                          const geo::Progress& progress, const geo::LayerExtras& extras = {});

}  // namespace cli
