#pragma once
// How both candidate searches turn scored plans into an answer: each candidate named after the
// reference units it continues, the best by the ranking and the Pareto front (each plan once, however
// often it was drawn), and the reference plan's percentile and rank among them.
#include "geo/candidates/candidate.h"

#include <functional>

namespace geo {

// Each ward's unit renumbered in the order units are first met (left-out wards -1): equal for two
// plans that group the wards the same way, whatever their units' order.
std::vector<int> canonical_partition(const std::vector<int>& unit_of_ward);

// The codes of the candidate's units that are not the reference's unit of that code with the same
// wards (new units, and units that gained or lost a ward), from the wards: for either search.
std::vector<std::string> units_that_differ(const Candidate& candidate, const Candidate& reference);

// "N1 New unit 1", ...: the names of a plan's units before they are matched to the reference.
std::vector<GroupInfo> numbered_units(std::size_t count);

// The plan scored, its units named after the reference units they continue (the one-to-one match
// of the retention score), so that a candidate reads as the reference plan where it is the same.
Candidate scored_candidate(const PlanScorer& scorer, std::vector<int> unit_of_ward, std::vector<NodeSet> groups = {});

// Sizes search.score_values (and search.ranked_workload when asked) for `plans` plans of `units` units.
void prepare_scores(CandidateSearch& search, const SearchOptions& options, std::size_t plans, std::size_t units);
// Plan i's scores into search.score_values (and ranked_workload); plans may be recorded from several threads.
void record_scores(CandidateSearch& search, std::size_t plan, const PlanScores& scores);

// Fills search.best, search.pareto, search.reference_percentile and search.reference_rank from
// search.score_values (every scored plan) and search.reference. candidate_at(i) makes plan i a
// Candidate (scored_candidate). `plans_in_all`: how many plans the scored ones stand for (all the
// valid groupings when they are a uniform sample of them, else how many were scored): the
// reference's rank is scaled to it.
void rank_candidates(CandidateSearch& search, const SearchOptions& options, double plans_in_all,
                     const std::function<Candidate(std::size_t)>& candidate_at);

}  // namespace geo
