#pragma once
// Options shared by `allocate` and `rollout`: the officer rules and the ward tables their pools
// (or a rollout's priority) are weighted by, joined to the plan's wards with every miss reported.
#include "cli/options.h"
#include "geo/attributes/join.h"
#include "geo/export/layer.h"
#include "geo/officers/allocation.h"
#include "geo/officers/measure_tables.h"

#include <nlohmann/json.hpp>

#include <iosfwd>

namespace cli {

struct MeasureOptions {
    std::string rules;  // empty: the bundled datasets/officers/mps-2018.toml
    std::string crime, months, population, population_column, access, access_column;
    std::vector<std::string> categories;
    bool name_fallback = false, borough_totals = false;
};

void add_measure_options(CLI::App& command, MeasureOptions& options);
// --rules, else PLAN.officers.toml beside the plan if there is one, else the bundled rules.
geo::OfficerRules read_rules_option(const MeasureOptions& options, const std::string& plan_path);
// The bundled MPS rules, read because nothing else was named.
bool bundled_rules(const geo::OfficerRules& rules);

using JoinedMeasures = geo::JoinedMeasures;

// Reads the tables for `names` (crime, population, access; area comes from the shapes, equal needs
// nothing). A file given on the command line wins over the rules' [measure.NAME].
std::vector<geo::MeasureTable> read_measure_tables(const MeasureOptions& options, const geo::OfficerRules* rules,
                                                   const std::vector<std::string>& names);
// Reads them and joins them to the plan's wards.
JoinedMeasures join_measures(const geo::UnitSet& set, const geo::Grouping& grouping, const MeasureOptions& options,
                             const geo::OfficerRules* rules, const std::vector<std::string>& names);

nlohmann::json joins_json(const geo::UnitSet& set, const std::vector<geo::JoinResult>& joins);
void print_joins(std::ostream& out, const geo::UnitSet& set, const std::vector<geo::JoinResult>& joins);

// Writes one table (no geometry) as CSV, atomically; returns what was written.
std::string write_table(const geo::OutputLayer& table, const geo::Crs& working, const std::string& path, bool overwrite);

}  // namespace cli
