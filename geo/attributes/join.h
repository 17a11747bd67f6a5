#pragma once
// Ward values joined to the units of a plan by ward code, with a reported fallback by ward name
// and borough name. Nothing is dropped silently: every unit without a value and every table code
// that matched no unit is listed.
#include "geo/attributes/ward_values.h"
#include "geo/dissolve/grouping.h"
#include "geo/source/ward.h"

#include <optional>
#include <string>
#include <vector>

namespace geo {

// name_and_borough: a unit whose code is not in the table takes the row with the same ward name
// (case, punctuation and "&"/"and" ignored) in the same borough, if exactly one such row is unused.
enum class JoinFallback { none, name_and_borough };

struct FallbackMatch {
    std::size_t unit = 0;
    std::string table_code;
};

struct JoinResult {
    std::string path, measure;
    std::vector<std::optional<double>> value_of_unit;  // parallel to WardSet::units; nullopt: no value
    std::size_t considered = 0;                         // units in a group (the others are not joined)
    std::size_t by_code = 0;
    std::vector<FallbackMatch> by_fallback;
    std::vector<std::size_t> by_borough_share;          // filled by fill_from_borough_totals
    std::vector<std::size_t> unmatched_units;           // units in a group with no value
    std::vector<std::string> unmatched_codes;           // ward-level table codes no unit took: "CODE name"
    std::size_t non_ward_rows = 0;                      // rows of boroughs, London, England (not E05/W05)
    std::vector<std::string> without_value;             // copied from the table
};

// Only units in a group (grouping.group_of_unit >= 0) are joined: the City of London, left out of
// the MPS plan, is neither matched nor reported missing.
JoinResult join_by_code(const WardSet& set, const Grouping& grouping, const WardValues& table,
                        JoinFallback fallback = JoinFallback::none);

// A second fallback for tables that also have a row per borough (the GLA ward profiles): the
// borough's total less its matched wards is shared equally among its wards still without a value.
// Only for counts that add up (population), not for averages (PTAI). Boroughs without a total row,
// or whose matched wards already exceed it, are left as they are. Returns the number filled.
std::size_t fill_from_borough_totals(const WardSet& set, const WardValues& table, JoinResult& result);

}  // namespace geo
