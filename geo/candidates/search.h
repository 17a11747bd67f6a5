#pragma once
// Candidates of either kind from one call, as `wardmap candidates --unit` and the planner's
// Candidates tab ask for them: whole boroughs (every grouping counted: borough_search.h) or wards
// (ReCom chains from the reference plan: ward_search.h).
#include "geo/candidates/candidate.h"
#include "geo/core/progress.h"

#include <string>

namespace geo {

// `unit`: "borough" or "ward"; throws InputError naming the two for anything else.
CandidateSearch search_candidates(const PlanScorer& scorer, const std::string& unit, const CandidateRules& rules,
                                  const SearchOptions& options, const Progress& progress = {});

}  // namespace geo
