#pragma once
// Candidate command units made of wards: ReCom chains (ward_chain.h) started from the reference
// plan, keeping its number of units, contiguity, the locked units, the boroughs kept whole and the
// balance limits by construction; the samples that also meet the boroughs-per-unit rule are scored
// like whole-borough candidates, ranked, and the reference plan is placed among them.
#include "geo/candidates/candidate.h"
#include "geo/core/progress.h"

namespace geo {

// Without balance limits the chain keeps each unit's demand within the reference plan's own worst
// deviation (rounded up to a whole percent), so that candidates are no less balanced than it; when
// the reference breaks the limits the chain starts from the nearest plan that meets them
// (balanced_start). Throws InputError: k is not the reference's number of units, a lock or
// keep-whole code is unknown; ChainInfeasible, saying which rule fails and by how much, when no
// plan can meet the limits or the chain cannot move. geo::Cancelled from `progress` stops it.
CandidateSearch search_ward_candidates(const PlanScorer& scorer, const CandidateRules& rules, const SearchOptions& options,
                                       const Progress& progress = {});

}  // namespace geo
