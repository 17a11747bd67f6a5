#pragma once
// Checking a plan: every unit assigned once, each command unit in one piece, no parent split
// between command units, and the balance of any numeric measure.
#include "geo/dissolve/dissolve.h"
#include "geo/hygiene/report.h"
#include "geo/plan/resolve.h"
#include "geo/validate/finding.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace geo {

struct BalanceRow {
    std::string unit_code, measure;
    double value = 0, mean = 0, deviation_pct = 0;
};

struct ValidateOptions {
    std::vector<std::string> balance_fields;  // numeric fields to balance, besides units and area
    std::optional<double> max_deviation_pct;  // beyond it an imbalance is an error
};

struct ValidationReport {
    std::vector<Finding> findings;
    std::vector<BalanceRow> balance;
    std::size_t errors() const;
};

// Assignment findings from the plan alone (no geometry): plain data in, plain data out.
std::vector<Finding> check_assignment(const WardSet& set, const PlanResolution& resolution);
std::vector<Finding> check_whole_parents(const WardSet& set, const PlanResolution& resolution);
std::vector<BalanceRow> balance_of(const WardSet& set, const DissolveResult& units, const ValidateOptions& options);

// Contiguity: each stray piece of a command unit, with the units that lie in it. `interior_point`
// gives a point inside a ward (default: GEOS's point on its surface, made anew); the planner keeps
// them, as a national set's force area holds thousands of wards and is checked after every edit.
std::vector<Finding> check_contiguity(const WardSet& set, const DissolveResult& units,
                                      const std::function<geos::Point(std::size_t)>& interior_point = {});

ValidationReport validate_plan(const WardSet& set, const PlanResolution& resolution, const DissolveResult& units,
                               const ValidateOptions& options);

}  // namespace geo
