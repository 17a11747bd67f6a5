#pragma once
#include "cli/options.h"
#include "geo/export/format.h"

#include <iosfwd>

namespace cli {

const geo::FormatInfo& output_format(const OutputOptions& options);
// Whether the chosen output has a parents layer (so the parents must be dissolved).
bool writes_parents(const OutputOptions& options);

// Writes the plan's layers in the chosen format; returns a one-line description of what was written.
std::string write_outputs(const geo::UnitSet& set, const geo::AppliedPlan& applied, const OutputOptions& options,
                          const geo::Progress& progress);

}  // namespace cli
