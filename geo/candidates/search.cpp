#include "geo/candidates/search.h"

#include "geo/candidates/borough_search.h"
#include "geo/candidates/ward_search.h"
#include "geo/core/errors.h"

namespace geo {

CandidateSearch search_candidates(const PlanScorer& scorer, const std::string& unit, const CandidateRules& rules,
                                  const SearchOptions& options, const Progress& progress) {
    if (unit == "borough") return search_borough_candidates(scorer, rules, options, progress);
    if (unit != "ward") throw InputError("", "unit " + unit, "is not a unit candidates are made of", "Choose borough or ward.");
    return search_ward_candidates(scorer, rules, options, progress);
}

}  // namespace geo
