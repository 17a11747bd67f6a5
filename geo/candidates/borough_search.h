#pragma once
// Candidate command units made of whole boroughs: every grouping of the boroughs into k connected
// units of min..max boroughs within the balance limits is counted exactly; when there are few
// enough, each is scored, otherwise a uniform sample of them is (and the result says which). The
// reference plan is placed among them on every score, the best are ranked and the Pareto front
// over workload, compactness, reach and retention is kept.
#include "geo/candidates/candidate.h"
#include "geo/core/progress.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace geo {

BoroughGraph borough_graph(const WardSet& wards, const Adjacency& adjacency, const std::vector<int>& reference_unit);

// Throws InputError for locks naming no reference unit, or a locked unit that splits a borough.
// `progress` hears "Counting groupings", then "Drawing a sample" or "Listing groupings", then
// "Scoring plans" every few hundred plans (from any worker thread, one call at a time); it cancels
// the search by throwing Cancelled.
CandidateSearch search_borough_candidates(const PlanScorer& scorer, const CandidateRules& rules, const SearchOptions& options,
                                          const Progress& progress = {});

// The plan's whole-borough check against the rules: "" when it meets them, else what it breaks.
std::string breaks_rules(const PlanScorer& scorer, const BoroughGraph& graph, const CandidateRules& rules,
                         const std::vector<NodeSet>& groups);

}  // namespace geo
