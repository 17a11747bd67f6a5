#pragma once
// The layers a plan is exported as: units with their plan attributes, parents (boroughs),
// command units (or the groups of --by), and the CSV lookup.
#include "geo/dissolve/dissolve.h"
#include "geo/export/layer.h"
#include "geo/plan/resolve.h"

#include <optional>

namespace geo {

struct PlanOutputs {
    const UnitSet* set = nullptr;
    const Plan* plan = nullptr;                       // null for --by
    const PlanResolution* resolution = nullptr;       // null for --by
    const Grouping* grouping = nullptr;               // command units or --by groups
    const DissolveResult* parents = nullptr;          // may be null
    const DissolveResult* groups = nullptr;
};

OutputLayer units_layer(const PlanOutputs& outputs, bool with_attributes = true);
OutputLayer lookup_table(const PlanOutputs& outputs);
OutputLayer dissolved_layer(const UnitSet& set, const DissolveResult& result, const std::string& name,
                            const std::string& description);

// Provenance line: tool version, time, sources, plan, attribution.
std::string provenance(const UnitSet& set, const Plan* plan);

}  // namespace geo
