#pragma once
// Which officer rules and ward tables a plan's officers are worked out from: the rules named, else
// PLAN.officers.toml beside the plan, else the bundled MPS rules; each table given by the planner,
// else the one the rules name. The command line and the planner window choose them the same way.
#include "geo/officers/measure_tables.h"
#include "geo/officers/rules.h"

#include <string>
#include <vector>

namespace geo {

struct MeasureChoice {
    std::string rules;  // empty: beside the plan, else the bundled datasets/officers/mps-2018.toml
    std::string crime, months, population, population_column, access, access_column;
    std::vector<std::string> categories;
    bool name_fallback = false, borough_totals = false;

    bool names_a_table() const { return !crime.empty() || !population.empty() || !access.empty(); }
};

// Throws InputError for rules that cannot be read.
OfficerRules read_rules_for(const MeasureChoice& choice, const std::string& plan_path);
// The bundled MPS rules, read because nothing else was named.
bool bundled_rules(const OfficerRules& rules);

// Reads the tables for `names` (crime, population, access; area comes from the shapes, equal needs
// nothing). A file the planner named wins over the rules' [measure.NAME]. Throws InputError naming
// the missing table and where to give it.
std::vector<MeasureTable> read_measure_tables(const MeasureChoice& choice, const OfficerRules* rules,
                                              const std::vector<std::string>& names);

}  // namespace geo
