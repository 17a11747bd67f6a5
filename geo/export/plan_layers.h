#pragma once
// The layers a plan is exported as: units with their plan attributes, parents (boroughs),
// command units (or the groups of --by), and the CSV lookup.
#include "geo/dissolve/dissolve.h"
#include "geo/export/layer.h"
#include "geo/plan/resolve.h"

#include <optional>

namespace geo {

// Each unit with its parent and the command unit (or --by group) `grouping` puts it in.
OutputLayer units_layer(const UnitSet& set, const Grouping& grouping, bool with_attributes = true);
// The same without geometry or source attributes: the CSV lookup other systems join on.
OutputLayer lookup_table(const UnitSet& set, const Grouping& grouping);
OutputLayer dissolved_layer(const UnitSet& set, const DissolveResult& result, const std::string& name,
                            const std::string& description);

// Provenance line: tool version, time, sources, plan, attribution.
std::string provenance(const UnitSet& set, const Plan* plan);

}  // namespace geo
