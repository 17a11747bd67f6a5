#pragma once
#include "cli/options.h"

#include <iosfwd>

namespace cli {

// Writes the plan's layers in the chosen format; returns a one-line description of what was written.
std::string write_outputs(const geo::UnitSet& set, const geo::AppliedPlan& applied, const OutputOptions& options,
                          const geo::Progress& progress);

}  // namespace cli
