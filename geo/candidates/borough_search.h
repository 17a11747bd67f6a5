#pragma once
// Candidate command units made of whole boroughs: every grouping of the boroughs into k connected
// units of min..max boroughs within the balance limits is counted exactly; when there are few
// enough, each is scored, otherwise a uniform sample of them is (and the result says which). The
// reference plan is placed among them on every score, the best are ranked and the Pareto front
// over workload, compactness, reach and retention is kept.
#include "geo/candidates/groupings.h"
#include "geo/candidates/scores.h"
#include "geo/core/progress.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace geo {

struct BalanceLimit {
    std::string measure;  // a name of PlanScores::balance_names: crime, population, area, a field
    double percent = 0;   // each unit within ±percent of the mean unit
};

struct CandidateRules {
    int units = 12, min_parents = 2, max_parents = 4;
    std::vector<BalanceLimit> balance;
    std::vector<std::string> locks;  // reference units kept exactly, by code
};

struct SearchOptions {
    std::size_t keep = 50;                    // best candidates returned
    std::uint64_t exhaustive_limit = 200000;  // score every grouping up to this many, else sample
    std::size_t samples = 20000;              // uniform draws when there are more (percentiles to about ±0.5%)
    std::uint64_t seed = 1;
    std::string rank_by = "workload_ratio";   // a ScoreColumn key
    bool ranked_workload = false;             // keep each plan's demand per officer, units sorted (the ensemble's box plots)
};

// The boroughs (parents) of the wards the reference plan covers, and which touch.
struct BoroughGraph {
    std::vector<std::string> codes, names;
    std::vector<std::vector<std::size_t>> wards;  // per borough
    std::vector<NodeSet> neighbours;
};
BoroughGraph borough_graph(const UnitSet& wards, const Adjacency& adjacency, const std::vector<int>& reference_unit);

struct Candidate {
    std::vector<NodeSet> groups;          // over BoroughGraph nodes, one per unit (locked units included)
    std::vector<int> unit_of_ward;
    std::vector<GroupInfo> units;         // named after the reference unit each continues
    PlanScores scores;
    std::size_t rank = 0;                 // 1 = best by the ranking
    bool pareto = false;
};

struct CandidateSearch {
    BoroughGraph graph;
    std::uint64_t valid = 0;              // every grouping meeting the rules
    bool exhaustive = false;              // all of them scored; else a uniform sample
    std::size_t scored = 0;
    std::vector<std::vector<double>> score_values;  // [column][plan], every scored plan (ScoreColumn order)
    std::vector<std::vector<double>> ranked_workload;  // [rank][plan]: the rank-th lowest demand per officer (when asked)
    std::vector<Candidate> best;          // ranked, at most SearchOptions::keep
    std::vector<Candidate> pareto;        // the front among the scored plans
    std::optional<Candidate> reference;   // the reference plan scored the same way
    bool reference_valid = false;         // it meets every rule
    std::string reference_breaks;         // else which rule it breaks
    std::vector<double> reference_percentile;  // per column
    double reference_rank = 0;            // by the ranking, among all valid (estimated when sampled)
    std::string explanation;              // when valid == 0: which rule fails and by how much
    double count_seconds = 0, score_seconds = 0;
};

// The same boroughs grouped the same way, whatever the units' order or names.
bool same_grouping(const Candidate& a, const Candidate& b);

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
