// geo/candidates/ward_search: ward candidates drawn by ReCom on the real London 2014 wards. Every
// plan returned is checked against every rule from the wards themselves (candidate_checks.h).
#include "geo/candidates/ward_search.h"

#include "geo/candidates/candidate_ranking.h"
#include "geo/candidates/ward_chain.h"
#include "geo/core/errors.h"
#include "candidate_checks.h"
#include "london_plan.h"

#include <gtest/gtest.h>

#include <numeric>

namespace {

using wardmap_test::london_scorer;

geo::SearchOptions few(std::size_t samples, std::uint64_t seed = 1) {
    geo::SearchOptions options;
    options.samples = samples;
    options.keep = 10;
    options.seed = seed;
    options.burn_in = 500;
    return options;
}

void expect_all_meet(const geo::CandidateSearch& search, const geo::CandidateRules& rules) {
    ASSERT_FALSE(search.best.empty()) << search.explanation;
    for (const geo::Candidate& c : search.best)
        wardmap_test::expect_meets_rules(c, rules, "best " + std::to_string(c.rank), wardmap_test::WholeBoroughs::as_the_rules_say);
    for (const geo::Candidate& c : search.pareto)
        wardmap_test::expect_meets_rules(c, rules, "pareto " + std::to_string(c.rank), wardmap_test::WholeBoroughs::as_the_rules_say);
}

}  // namespace

TEST(WardSearch, EveryPlanKeepsLocksWholeBoroughsAndBalance) {
    geo::CandidateRules rules;
    rules.parent_sizes = false;
    rules.balance = {{"crime", 30}, {"population", 45}};
    rules.locks = {"EA", "CN"};
    rules.keep_whole = {"E09000033", "E09000022"};  // Westminster, Lambeth
    const geo::CandidateSearch search = geo::search_ward_candidates(london_scorer(), rules, few(400));
    EXPECT_TRUE(search.chain);
    EXPECT_EQ(search.valid, 400u);
    EXPECT_GT(search.distinct, 300u);
    // The MPS plan's Central West holds 1.515 times the mean crime: the chain starts from a mended plan.
    EXPECT_TRUE(search.balanced_start);
    EXPECT_FALSE(search.reference_valid);
    EXPECT_NE(search.reference_breaks.find("Central West"), std::string::npos) << search.reference_breaks;
    expect_all_meet(search, rules);
    // Each plan once, in rank order.
    for (std::size_t i = 1; i < search.best.size(); ++i) {
        EXPECT_LE(search.best[i - 1].scores.workload_ratio, search.best[i].scores.workload_ratio);
        for (std::size_t j = 0; j < i; ++j) EXPECT_FALSE(geo::same_grouping(search.best[i], search.best[j])) << i << " and " << j;
    }
}

TEST(WardSearch, BoroughsKeptWholeAndSizesWhenAsked) {
    geo::CandidateRules rules;
    rules.keep_all_whole = true;
    rules.balance = {{"crime", 40}};
    const geo::CandidateSearch search = geo::search_ward_candidates(london_scorer(), rules, few(300));
    EXPECT_GT(search.valid, 0u);
    std::size_t dropped = 0;
    for (const auto& [rule, count] : search.dropped) dropped += count;
    EXPECT_EQ(search.valid + dropped, 300u);
    rules.parent_sizes = true;
    expect_all_meet(search, rules);
}

TEST(WardSearch, TheSameSeedDrawsTheSamePlans) {
    geo::CandidateRules rules;
    rules.parent_sizes = false;
    const geo::CandidateSearch a = geo::search_ward_candidates(london_scorer(), rules, few(200, 7));
    const geo::CandidateSearch b = geo::search_ward_candidates(london_scorer(), rules, few(200, 7));
    const geo::CandidateSearch c = geo::search_ward_candidates(london_scorer(), rules, few(200, 8));
    EXPECT_EQ(a.score_values, b.score_values);
    ASSERT_EQ(a.best.size(), b.best.size());
    for (std::size_t i = 0; i < a.best.size(); ++i) EXPECT_EQ(a.best[i].unit_of_ward, b.best[i].unit_of_ward);
    EXPECT_NE(a.score_values, c.score_values);
    // No --balance: each unit within the reference's own worst crime deviation (51.5% -> 52%).
    ASSERT_EQ(a.balance_used.size(), 1u);
    EXPECT_EQ(a.balance_used[0].measure, "crime");
    EXPECT_EQ(a.balance_used[0].percent, 52);
    EXPECT_TRUE(a.reference_valid);
    rules.balance = a.balance_used;
    expect_all_meet(a, rules);
}

TEST(WardSearch, TheChainMovesAwayFromTheReference) {
    geo::CandidateRules rules;
    rules.parent_sizes = false;
    const geo::CandidateSearch search = geo::search_ward_candidates(london_scorer(), rules, few(400));
    // Retained wards, %, of every plan drawn: well below 100 on average, and the reference's
    // percentile on it (it retains all) is 100.
    const std::size_t column = static_cast<std::size_t>(&geo::score_column("retained_wards") - geo::score_columns().data());
    const std::vector<double>& retained = search.score_values[column];
    const double mean = std::accumulate(retained.begin(), retained.end(), 0.0) / static_cast<double>(retained.size());
    std::printf("mean share of wards kept in their unit over 400 plans: %.1f%%\n", mean);
    EXPECT_LT(mean, 80);
    EXPECT_EQ(search.reference_percentile[column], 100);
}

TEST(WardSearch, WhatCannotBeMetIsSaid) {
    geo::CandidateRules sizes;
    sizes.balance = {{"crime", 52}};
    const geo::CandidateSearch crossing = geo::search_ward_candidates(london_scorer(), sizes, few(100));
    EXPECT_EQ(crossing.valid, 0u);
    EXPECT_TRUE(crossing.best.empty());
    EXPECT_NE(crossing.explanation.find("a unit touches more than 4 boroughs"), std::string::npos) << crossing.explanation;

    geo::CandidateRules locked;
    locked.parent_sizes = false;
    locked.locks = {"AW"};  // Central West
    locked.balance = {{"crime", 20}};
    try {
        geo::search_ward_candidates(london_scorer(), locked, few(100));
        ADD_FAILURE() << "a locked unit 51.5% over a 20% limit was not refused";
    } catch (const geo::ChainInfeasible& error) {
        const std::string said = error.what();
        EXPECT_NE(said.find("Central West"), std::string::npos) << said;
        EXPECT_NE(said.find("51.5"), std::string::npos) << said;
    }

    geo::CandidateRules eleven;
    eleven.units = 11;
    EXPECT_THROW(geo::search_ward_candidates(london_scorer(), eleven, few(10)), geo::InputError);
    geo::CandidateRules unknown;
    unknown.keep_whole = {"E09999999"};
    EXPECT_THROW(geo::search_ward_candidates(london_scorer(), unknown, few(10)), geo::InputError);
}

TEST(WardSearch, CancelledFromTheProgress) {
    geo::CandidateRules rules;
    rules.parent_sizes = false;
    EXPECT_THROW(geo::search_ward_candidates(london_scorer(), rules, few(2000),
                                             [](std::string_view, double done) {
                                                 if (done > 0.2) throw geo::Cancelled();
                                             }),
                 geo::Cancelled);
}
