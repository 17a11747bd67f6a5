#pragma once
// Officers per ward and per command unit from the rules and the measures the pools are split by.
// Plain data in, plain data out: the CLI, the planner window and the exports all read this.
#include "geo/dissolve/grouping.h"
#include "geo/officers/rules.h"
#include "geo/source/ward.h"
#include "geo/validate/finding.h"

#include <optional>
#include <string>
#include <vector>

namespace geo {

// One number per unit (parallel to WardSet::units), e.g. recorded crime joined from a table.
// nullopt: the unit has no value (reported, never read as zero).
struct Measure {
    std::string name;    // crime, population, area, access
    std::string source;  // "mps-ward-crime-2017-03-to-2019-02.csv: crime 201703-201902 (all categories)"
    std::vector<std::optional<double>> of_unit;
};

// Area in km² of each unit's shape: a measure every unit has.
Measure area_measure(const WardSet& set);

struct CommandUnitPosts {
    std::string code, name;
    std::size_t wards = 0;
    int dwo = 0, pcso = 0;
    int chief_superintendents = 0, superintendents = 0;
    std::vector<int> pool_posts;      // parallel to Allocation::pools
    std::vector<double> pool_weight;  // the command unit's share of each pool, 0..1
    int officers() const;             // everything but PCSOs
};

struct Allocation {
    std::vector<std::string> pools;                  // pool names, in the rules' order
    std::vector<int> pool_sizes;
    std::vector<std::optional<WardPosts>> ward_of_unit;  // parallel to units; nullopt: in no command unit
    std::vector<CommandUnitPosts> units;             // parallel to Grouping::groups
    int officers = 0, pcsos = 0, dwo = 0, leadership = 0;
    std::optional<int> establishment;
    std::vector<Finding> findings;                   // empty_unit, missing_value

    // Establishment minus officers: positive is what the rules leave unallocated, negative a shortfall.
    std::optional<int> surplus() const;
};

// Per unit (parallel to WardSet::units): the officers of the command unit it is in; nullopt for a
// unit in none. What an officers map colours each ward by.
std::vector<std::optional<double>> command_unit_officers_of_unit(const Allocation& allocation, const Grouping& grouping);

// Throws InputError if a pool weights by a measure that is not given, or its minimums exceed it.
Allocation allocate(const WardSet& set, const Grouping& grouping, const OfficerRules& rules,
                    const std::vector<Measure>& measures);

}  // namespace geo
