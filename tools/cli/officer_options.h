#pragma once
// Options shared by `allocate` and `rollout`: the officer rules and the ward tables their pools
// (or a rollout's priority) are weighted by, joined to the plan's wards with every miss reported.
#include "cli/options.h"
#include "geo/attributes/join.h"
#include "geo/export/layer.h"
#include "geo/officers/allocation.h"
#include "geo/officers/inputs.h"
#include "geo/officers/measure_tables.h"

#include <nlohmann/json.hpp>

#include <iosfwd>

namespace cli {

using MeasureOptions = geo::MeasureChoice;

void add_measure_options(CLI::App& command, MeasureOptions& options);

nlohmann::json joins_json(const geo::WardSet& set, const std::vector<geo::JoinResult>& joins);
void print_joins(std::ostream& out, const geo::WardSet& set, const std::vector<geo::JoinResult>& joins);

// Writes one table (no geometry) as CSV, atomically; returns what was written.
geo::WrittenOutput write_table(const geo::OutputLayer& table, const geo::Crs& working, const std::string& path, bool overwrite);

}  // namespace cli
