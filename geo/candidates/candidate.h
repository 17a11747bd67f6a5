#pragma once
// What both candidate searches return (whole boroughs, borough_search.h; wards, ward_search.h): the
// rules a candidate meets, how the search is run, each candidate plan with its scores, and where
// the reference plan stands among them.
#include "geo/candidates/groupings.h"
#include "geo/candidates/scores.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace geo {

// The boroughs (parents) of the wards the reference plan covers, and which touch.
struct BoroughGraph {
    std::vector<std::string> codes, names;
    std::vector<std::vector<std::size_t>> wards;  // per borough
    std::vector<NodeSet> neighbours;
};

struct BalanceLimit {
    std::string measure;  // a name of PlanScores::balance_names: crime, population, area, a field
    double percent = 0;   // each unit within ±percent of the mean unit
};

struct CandidateRules {
    int units = 12, min_parents = 2, max_parents = 4;
    bool parent_sizes = true;        // ward candidates: false leaves the boroughs per unit free
    std::vector<BalanceLimit> balance;
    std::vector<std::string> locks;  // reference units kept exactly, by code
    // Ward candidates: boroughs (parent codes) never split; keep_all_whole: every one.
    std::vector<std::string> keep_whole;
    bool keep_all_whole = false;
};

struct SearchOptions {
    std::size_t keep = 50;                    // best candidates returned
    std::uint64_t exhaustive_limit = 200000;  // score every grouping up to this many, else sample
    std::size_t samples = 20000;              // uniform draws when there are more (percentiles to about ±0.5%)
    std::uint64_t seed = 1;
    std::string rank_by = "workload_ratio";   // a ScoreColumn key
    bool ranked_workload = false;             // keep each plan's demand per officer, units sorted (the ensemble's box plots)
    // Ward candidates: `samples` plans from `chains` ReCom chains, one every `thin` steps after
    // `burn_in` steps of each chain.
    std::size_t chains = 2, thin = 10, burn_in = 1000;
};

struct Candidate {
    std::vector<NodeSet> groups;          // over BoroughGraph nodes, one per unit (locked units included)
    std::vector<int> unit_of_ward;
    std::vector<GroupInfo> units;         // named after the reference unit each continues
    PlanScores scores;
    std::size_t rank = 0;                 // 1 = best by the ranking
    bool pareto = false;
};

struct CandidateSearch {
    BoroughGraph graph;                   // whole-borough search
    std::uint64_t valid = 0;              // every grouping meeting the rules; ward chain: the samples meeting them
    bool exhaustive = false;              // all of them scored; else a uniform sample
    bool chain = false;                   // ward candidates: plans sampled by the ReCom chain
    std::size_t chain_steps = 0, chain_accepted = 0;  // over all chains, burn-in included
    std::size_t distinct = 0;             // ward chain: different plans among the valid samples
    std::vector<std::pair<std::string, std::size_t>> dropped;  // ward chain: samples left out, per rule they break
    std::vector<BalanceLimit> balance_used;  // ward chain: the limits the chain kept (a default one when none was given)
    bool balanced_start = false;          // ward chain: began from a mended reference that meets the limits
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

// The same plan, whatever the units' order or names: the same borough groups, or (ward
// candidates, which have no groups) the same partition of the wards.
bool same_grouping(const Candidate& a, const Candidate& b);

}  // namespace geo
