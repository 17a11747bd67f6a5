#pragma once
// An allocation as export columns (officers per ward and per command unit) and as a table.
#include "geo/export/layer.h"
#include "geo/export/plan_layers.h"
#include "geo/officers/allocation.h"

namespace geo {

// units: dwo, pcso; command_units: wards_alloc, dwo, pcso, ch_supt, supt, one column per pool, officers.
LayerExtras allocation_columns(const WardSet& set, const Allocation& allocation);
// One row per command unit, no geometry: the CSV `wardmap allocate --table` writes.
OutputLayer allocation_table(const Allocation& allocation);
// "Safeguarding uplift" -> "safeguarding_uplift": a column name every format takes.
std::string column_name(const std::string& label);

}  // namespace geo
