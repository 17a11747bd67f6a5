#pragma once
// A plan's scores are measured with the same figures `wardmap allocate` uses (the officer rules and
// the ward tables they name) and against a reference plan (the bundled MPS plan unless another is
// named). Read and joined once; then any number of plans over the same wards is scored.
#include "geo/candidates/scores.h"
#include "geo/attributes/join.h"
#include "geo/officers/inputs.h"

#include <string>
#include <vector>

namespace geo {

struct ScoringChoice {
    MeasureChoice measures;                   // rules and tables, as `allocate` takes them
    std::string demand = "crime";             // a measure (crime, population, area, access) or a ward field
    std::vector<std::string> balance;         // further measures or numeric ward fields to report balance of
    std::string stations;                     // a point layer: headquarters are its points, not ward centroids
    std::string stations_name_field;          // empty: the first text field
};

struct ScoringSources {
    ScoringSetup setup;
    std::vector<JoinResult> joins;            // how each table joined (what did not match is listed)
    std::vector<std::string> notes;           // e.g. wards without a population, weighted as the mean ward
};

// `reference` gives each ward's unit in the reference plan (its units named). The tables are joined
// to the wards the reference plan covers. Throws InputError for tables, fields or stations that
// cannot be read.
ScoringSources read_scoring_sources(const WardSet& wards, const Grouping& reference, const ScoringChoice& choice,
                                    const std::string& reference_path);

// A numeric ward field (e.g. Hectares) as a measure; throws InputError listing the numeric fields.
WardMeasure field_measure(const WardSet& wards, const std::string& field);

}  // namespace geo
