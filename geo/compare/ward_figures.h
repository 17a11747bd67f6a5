#pragma once
// What travels with each ward when it changes command unit: its recorded crime and population,
// joined from the same tables the officer pools are split by, and its area. Joined for every ward
// (not only those a plan puts in a command unit), so a ward moving out of the plan is counted too.
#include "geo/compare/plan_diff.h"
#include "geo/officers/inputs.h"
#include "geo/officers/measure_tables.h"

#include <string>
#include <vector>

namespace geo {

// Tables named other than crime and population are ignored; area comes from the shapes.
WardFigures ward_figures(const WardSet& wards, const std::vector<MeasureTable>& tables);

// Which of crime and population have a table: given on the command line or named by the rules.
std::vector<std::string> figure_measures(const MeasureChoice& choice, const OfficerRules& rules);

}  // namespace geo
