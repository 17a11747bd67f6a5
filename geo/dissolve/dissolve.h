#pragma once
// Units -> groups: one valid polygon (or multipolygon) per group with its measures, member
// parents, and numeric attributes aggregated.
#include "geo/core/progress.h"
#include "geo/dissolve/grouping.h"
#include "geo/source/ward.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace geo {

enum class Aggregate { sum, mean, min, max };
Aggregate aggregate_from(const std::string& name);  // throws InputError
const char* to_string(Aggregate aggregate);

struct DissolveOptions {
    Aggregate default_aggregate = Aggregate::sum;
    std::map<std::string, Aggregate> aggregates;  // per field, overrides the default
    double snap_grid = 0.01;                       // m, for the snap-rounding fallback
    double sliver_area = 1.0;                      // m²: holes smaller than this are gaps, closed
};

struct DissolvedUnit {
    GroupInfo info;
    geos::Geom shape;
    std::vector<std::size_t> members;     // unit indices
    std::vector<std::string> parents;     // distinct member parent codes, sorted
    double area = 0, perimeter = 0, polsby_popper = 0;
    int parts = 0, holes = 0;
    std::vector<std::optional<double>> values;  // parallel to WardSet::fields; numeric fields only
};

struct DissolveResult {
    std::vector<DissolvedUnit> units;  // in the grouping's order; empty groups left out
    HygieneReport hygiene;
};

// With `parents` (the units already dissolved by parent_grouping), a group made only of whole
// parents is merged from their shapes; a group holding part of a parent is merged from its units.
DissolveResult dissolve(const WardSet& set, const Grouping& grouping, const DissolveOptions& options,
                        const Progress& progress = {}, const Grouping* parent_grouping = nullptr,
                        const DissolveResult* parents = nullptr);

// How many times dissolve() has run in this process: the tests check that a front end holding
// dissolved shapes (the planner's export) reuses them instead of dissolving again.
std::uint64_t dissolve_calls();

// Area, perimeter, parts, holes and Polsby-Popper compactness (4πA/P²) of a shape.
void measure(DissolvedUnit& unit);

}  // namespace geo
