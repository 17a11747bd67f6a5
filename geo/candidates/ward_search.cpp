#include "geo/candidates/ward_search.h"

#include "geo/candidates/candidate_ranking.h"
#include "geo/candidates/ward_chain.h"
#include "geo/candidates/ward_chain_input.h"
#include "geo/core/errors.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <map>
#include <set>

namespace geo {
namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// The reference plan as the chain's start: its units in order, wards outside it left out.
Assignment reference_assignment(const ScoringSetup& setup) {
    Assignment plan;
    for (const GroupInfo& unit : setup.reference_units) plan.units.push_back({unit.code, unit.name, unit.colour, "", false});
    for (int u : setup.reference_unit) plan.unit_of.push_back(u >= 0 ? u : left_out);
    return plan;
}

// What a sample keeps to be scored: its wards' units, small (k < 128), and its scores' columns.
struct Sample {
    std::vector<std::int8_t> unit_of_ward;
    std::vector<double> values, ranked;
    std::string breaks;  // the rule it breaks, "" when it meets them all
};

std::vector<int> widened(const std::vector<std::int8_t>& units) { return {units.begin(), units.end()}; }

std::string parent_rule(const CandidateRules& rules, const PlanScores& scores) {
    if (!rules.parent_sizes) return "";
    if (static_cast<int>(scores.parents_max) > rules.max_parents)
        return fmt::format("a unit touches more than {} boroughs", rules.max_parents);
    if (static_cast<int>(scores.parents_min) < rules.min_parents)
        return fmt::format("a unit touches fewer than {} boroughs", rules.min_parents);
    return "";
}

}  // namespace

CandidateSearch search_ward_candidates(const PlanScorer& scorer, const CandidateRules& rules, const SearchOptions& options,
                                       const Progress& progress) {
    const ScoringSetup& setup = scorer.setup();
    if (setup.reference_unit.empty())
        throw InputError("", "--reference", "ward candidates start from a reference plan", "Give --reference PLAN.");
    score_column(options.rank_by);
    const std::size_t k = setup.reference_units.size();
    if (rules.units != static_cast<int>(k))
        throw InputError("", fmt::format("--k {}", rules.units),
                         fmt::format("ward candidates keep the reference plan's {} command units", k),
                         fmt::format("Give --k {}, or a reference plan with {} units.", k, rules.units));
    if (k > 127) throw InputError("", "--reference", fmt::format("{} command units: ward candidates take at most 127", k), "Use fewer units.");

    CandidateSearch search;
    search.chain = true;
    {
        Candidate reference;
        reference.unit_of_ward = setup.reference_unit;
        reference.units = setup.reference_units;
        reference.scores = scorer.score(reference.unit_of_ward, reference.units);
        search.reference = std::move(reference);
    }
    const PlanScores& reference_scores = search.reference->scores;

    // The balance the chain keeps: the limits given, or the reference's own worst demand deviation.
    search.balance_used = rules.balance;
    if (search.balance_used.empty()) {
        const auto& names = reference_scores.balance_names;
        const auto demand = std::find(names.begin(), names.end(), setup.demand.name);
        const double worst = demand == names.end() ? 100 : reference_scores.max_deviation_pct[static_cast<std::size_t>(demand - names.begin())];
        search.balance_used.push_back({setup.demand.name, std::ceil(worst + 1e-9)});
    }
    WardChainSetup chain_setup;
    for (const BalanceLimit& limit : search.balance_used)
        chain_setup.balance.push_back({limit.measure, ward_measure(scorer, limit.measure), limit.percent / 100});
    chain_setup.locked_units = rules.locks;
    chain_setup.keep_boroughs_whole = rules.keep_all_whole;
    chain_setup.keep_whole = rules.keep_whole;
    WardChainInput input = ward_chain_input(scorer.wards(), scorer.facts().adjacency, reference_assignment(setup), chain_setup);

    // The reference against the rules; out of balance, the chain starts from the nearest plan that is not.
    std::vector<ChainProblem> problems = ward_chain_problems(input);
    const bool only_balance = !problems.empty() && std::all_of(problems.begin(), problems.end(), [](const ChainProblem& p) {
        return p.kind == ChainProblemKind::out_of_balance;
    });
    if (!problems.empty() && !only_balance) throw ChainInfeasible(std::move(problems));
    if (only_balance) {
        // The unit furthest out of balance says it.
        const auto worst = std::max_element(problems.begin(), problems.end(), [](const ChainProblem& a, const ChainProblem& b) {
            return std::abs(a.ratio - 1) < std::abs(b.ratio - 1);
        });
        search.reference_breaks = worst->message;
        input.start = balanced_start(input, options.seed);
        search.balanced_start = true;
    } else {
        search.reference_breaks = parent_rule(rules, reference_scores);
    }
    search.reference_valid = search.reference_breaks.empty();

    // The chains: `samples` plans in all, each chain's after its burn-in, one every `thin` steps.
    const auto started = std::chrono::steady_clock::now();
    WardChainOptions chain;
    chain.seed = options.seed;
    chain.chains = std::max<std::size_t>(options.chains, 1);
    chain.thin = std::max<std::size_t>(options.thin, 1);
    const std::size_t burn_in = (options.burn_in + chain.thin - 1) / chain.thin * chain.thin;
    const std::size_t per_chain = (std::max<std::size_t>(options.samples, 1) + chain.chains - 1) / chain.chains;
    chain.steps = burn_in + per_chain * chain.thin;
    const std::vector<GroupInfo> units = numbered_units(k);
    std::vector<std::vector<Sample>> drawn(chain.chains);
    const auto& columns = score_columns();
    const WardChainResult result = run_ward_chain(input, chain, [&](const WardChainSample& sample) {
        if (sample.step <= burn_in) return;
        const std::vector<int> unit_of_ward(sample.unit_of.begin(), sample.unit_of.end());
        const PlanScores scores = scorer.score(unit_of_ward, units);
        Sample kept;
        kept.unit_of_ward.assign(unit_of_ward.begin(), unit_of_ward.end());
        for (const ScoreColumn& column : columns) kept.values.push_back(column.of(scores));
        if (options.ranked_workload) {
            for (const UnitScore& unit : scores.units) kept.ranked.push_back(unit.demand_per_officer);
            std::sort(kept.ranked.begin(), kept.ranked.end());
        }
        kept.breaks = parent_rule(rules, scores);
        drawn[sample.chain].push_back(std::move(kept));
    }, progress);
    const WardChainCounts counts = result.total();
    search.chain_steps = counts.steps();
    search.chain_accepted = counts.accepted;

    // The valid samples in chain order, whatever thread finished first.
    std::vector<const Sample*> valid;
    std::map<std::string, std::size_t> dropped;
    for (const auto& samples : drawn)
        for (const Sample& sample : samples) {
            if (sample.breaks.empty()) valid.push_back(&sample);
            else ++dropped[sample.breaks];
        }
    search.dropped.assign(dropped.begin(), dropped.end());
    search.valid = valid.size();
    std::set<std::vector<int>> partitions;
    for (const Sample* sample : valid) {
        partitions.insert(canonical_partition(widened(sample->unit_of_ward)));
    }
    search.distinct = partitions.size();
    if (valid.empty()) {
        std::size_t all = 0;
        for (const auto& samples : drawn) all += samples.size();
        search.explanation = fmt::format("none of the {} plans the chain drew meets every rule: {}", all,
                                         dropped.empty() ? "no plan was drawn" : dropped.begin()->first);
        if (rules.parent_sizes && !rules.keep_all_whole)
            search.explanation += "; wards move across borough lines, so give --keep-whole all or loosen --min-parents/--max-parents";
        search.score_seconds = seconds_since(started);
        return search;
    }
    prepare_scores(search, options, valid.size(), k);
    for (std::size_t i = 0; i < valid.size(); ++i) {
        for (std::size_t c = 0; c < columns.size(); ++c) search.score_values[c][i] = valid[i]->values[c];
        for (std::size_t r = 0; r < search.ranked_workload.size() && r < valid[i]->ranked.size(); ++r) search.ranked_workload[r][i] = valid[i]->ranked[r];
    }
    rank_candidates(search, options, static_cast<double>(valid.size()),
                    [&](std::size_t i) { return scored_candidate(scorer, widened(valid[i]->unit_of_ward)); });
    search.score_seconds = seconds_since(started);
    return search;
}

}  // namespace geo
