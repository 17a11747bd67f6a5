#pragma once
// The layers a plan is exported as: units with their plan attributes, parents (boroughs),
// command units (or the groups of --by), and the CSV lookup.
#include "geo/dissolve/dissolve.h"
#include "geo/export/layer.h"
#include "geo/plan/resolve.h"

#include <map>
#include <optional>

namespace geo {

// Columns added after a layer's own: officers from an allocation, the phase a unit goes live in and
// its date. Rows are keyed by unit code (units layer) or command unit code (command_units layer);
// a code with no row gets nulls.
struct ExtraColumns {
    std::vector<FieldDef> fields;
    std::map<std::string, std::vector<FieldValue>> by_code;  // values parallel to fields
    void append(const ExtraColumns& more);                   // more fields, rows joined by code
};

struct LayerExtras {
    ExtraColumns units, command_units;
};

// Each unit with its parent and the command unit (or --by group) `grouping` puts it in.
OutputLayer units_layer(const WardSet& set, const Grouping& grouping, bool with_attributes = true,
                        const ExtraColumns& extra = {});
// The same without geometry or source attributes: the CSV lookup other systems join on.
OutputLayer lookup_table(const WardSet& set, const Grouping& grouping, const ExtraColumns& extra = {});
OutputLayer dissolved_layer(const WardSet& set, const DissolveResult& result, const std::string& name,
                            const std::string& description, const ExtraColumns& extra = {});

// Provenance line: tool version, time, sources, plan, attribution.
std::string provenance(const WardSet& set, const Plan* plan);

}  // namespace geo
