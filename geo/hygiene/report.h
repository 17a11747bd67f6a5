#pragma once
// Problems found in the input, one per unit and kind, with where they are: libosmium's problem
// reporter idea. Loading and dissolving never stop on these; they repair what they can and say so.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace geo {

enum class ProblemKind {
    invalid_repaired,     // self-intersection etc., repaired with GEOS MakeValid
    parts_dropped,        // lines or points inside a geometry collection, or left by a repair
    empty_geometry,       // feature without geometry: left out
    missing_code,         // feature without a unit code: left out
    duplicate_code,       // two features with one code
    gdal_message,         // GDAL complained while reading yet returned the feature
    gap,                  // area covered by no unit, inside the coverage
    overlap,              // area covered by two neighbouring units
    sliver_removed,       // a hole smaller than the sliver tolerance closed in a dissolved unit
    precision_fallback,   // a group whose coverage union needed the slower snap-rounding union
};

const char* to_string(ProblemKind kind);

struct Location {
    double x = 0, y = 0;  // working CRS
};

struct Problem {
    ProblemKind kind;
    std::string unit_code;   // unit or group code
    std::string unit_name;
    std::string source;      // file, with feature number where known
    std::string detail;
    std::optional<Location> location;
    double area = 0;         // m², for gaps, overlaps, slivers
};

struct HygieneReport {
    std::vector<Problem> problems;
    std::size_t vertices_snapped = 0;

    void add(Problem problem) { problems.push_back(std::move(problem)); }
    std::size_t count(ProblemKind kind) const;
    std::vector<const Problem*> of(ProblemKind kind) const;
    void append(const HygieneReport& other);
};

}  // namespace geo
