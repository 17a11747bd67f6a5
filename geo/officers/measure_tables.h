#pragma once
// The ward tables the officer pools (or a rollout's priority) are weighted by, read once and joined
// to a plan's wards as often as the plan changes: the CLI joins them once, the planner window on
// every edit (a ward moved into or out of the plan changes which wards are joined).
#include "geo/attributes/join.h"
#include "geo/attributes/ward_values.h"
#include "geo/dissolve/grouping.h"
#include "geo/officers/allocation.h"
#include "geo/source/ward.h"

#include <string>
#include <vector>

namespace geo {

struct MeasureTable {
    std::string name;    // crime, population, access; "area" needs no table (values stays empty)
    WardValues values;
    JoinFallback fallback = JoinFallback::none;
    bool borough_totals = false;  // wards still without a value share their borough row's rest
};

struct JoinedMeasures {
    std::vector<Measure> measures;   // one per table, in order
    std::vector<JoinResult> joins;   // one per table read (not for area)
};

JoinedMeasures join_measure_tables(const WardSet& set, const Grouping& grouping, const std::vector<MeasureTable>& tables);

}  // namespace geo
