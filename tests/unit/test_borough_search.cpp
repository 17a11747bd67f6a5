// geo/candidates/borough_search: whole-borough candidates on the real London 2014 wards. Each
// returned plan is checked against every rule from the wards themselves (contiguity by the ward
// graph, boroughs whole, sizes, balance from the ward figures, locks), not from the search's data.
#include "geo/candidates/borough_search.h"

#include "geo/core/errors.h"
#include "brute_force_groupings.h"
#include "candidate_checks.h"
#include "london_plan.h"

#include <gtest/gtest.h>

#include <bit>
#include <functional>
#include <map>
#include <set>

namespace {

using wardmap_test::london_2014;
using wardmap_test::london_scorer;
using wardmap_test::brute_force;
using wardmap_test::mps_plan_2014;

void expect_meets(const geo::Candidate& c, const geo::CandidateRules& rules, const std::string& what) {
    wardmap_test::expect_meets_rules(c, rules, what, wardmap_test::WholeBoroughs::all);
}

}  // namespace

TEST(BoroughSearch, TenBoroughSubgraphCountedAsBruteForceCountsIt) {
    const geo::BoroughGraph graph = geo::borough_graph(london_2014(), london_scorer().facts().adjacency, mps_plan_2014().group_of_unit);
    ASSERT_EQ(graph.codes.size(), 32u);
    // Ten boroughs around Westminster (E09000033), grown breadth-first.
    std::vector<std::size_t> chosen{static_cast<std::size_t>(std::find(graph.codes.begin(), graph.codes.end(), "E09000033") - graph.codes.begin())};
    for (std::size_t i = 0; chosen.size() < 10; ++i)
        for (geo::NodeSet m = graph.neighbours[chosen[i]]; m && chosen.size() < 10; m &= m - 1) {
            const auto b = static_cast<std::size_t>(std::countr_zero(m));
            if (std::find(chosen.begin(), chosen.end(), b) == chosen.end()) chosen.push_back(b);
        }
    std::vector<geo::NodeSet> sub(chosen.size(), 0);
    for (std::size_t i = 0; i < chosen.size(); ++i)
        for (std::size_t j = 0; j < chosen.size(); ++j)
            if (graph.neighbours[chosen[i]] & (geo::NodeSet{1} << chosen[j])) sub[i] |= geo::NodeSet{1} << j;
    for (const geo::GroupLimits limits : {geo::GroupLimits{4, 2, 4}, geo::GroupLimits{3, 2, 4}, geo::GroupLimits{5, 2, 3}}) {
        geo::GroupingSpace space(sub, limits, {});
        const std::uint64_t expected = brute_force(sub, limits);
        EXPECT_EQ(space.count(), expected) << limits.groups << " groups";
        EXPECT_GT(expected, 0u);
    }
}

TEST(BoroughSearch, AllLondonGroupingsCountedAndTheMpsPlanPlaced) {
    geo::CandidateRules rules;  // 12 units of 2 to 4 boroughs
    geo::SearchOptions options;
    options.samples = 2000;
    options.keep = 5;
    const geo::CandidateSearch search = geo::search_borough_candidates(london_scorer(), rules, options);
    EXPECT_EQ(search.valid, 5313515783u);  // also the count before the search ordered the boroughs (31 s then)
    EXPECT_FALSE(search.exhaustive);
    EXPECT_EQ(search.scored, 2000u);
    EXPECT_TRUE(search.reference_valid) << search.reference_breaks;
    ASSERT_TRUE(search.reference);
    EXPECT_EQ(search.reference_percentile.size(), geo::score_columns().size());
    // No other grouping keeps the reference's wards better than the reference itself.
    const std::size_t retained = static_cast<std::size_t>(&geo::score_column("retained_wards") - geo::score_columns().data());
    EXPECT_GT(search.reference_percentile[retained], 99.0);
    for (const geo::Candidate& c : search.best) expect_meets(c, rules, "best " + std::to_string(c.rank));
    for (const geo::Candidate& c : search.pareto) expect_meets(c, rules, "pareto " + std::to_string(c.rank));
    ASSERT_EQ(search.best.size(), 5u);
    for (std::size_t i = 1; i < search.best.size(); ++i) EXPECT_LE(search.best[i - 1].scores.workload_ratio, search.best[i].scores.workload_ratio);
}

TEST(BoroughSearch, BalanceAndLocksAreKeptByEveryPlanListed) {
    geo::CandidateRules rules;
    rules.balance = {{"crime", 25}, {"population", 40}};
    rules.locks = {"EA", "CN"};
    geo::SearchOptions options;
    options.keep = 20;
    const geo::CandidateSearch search = geo::search_borough_candidates(london_scorer(), rules, options);
    ASSERT_GT(search.valid, 0u) << search.explanation;
    std::printf("crime within 25%%, population within 40%%, EA and CN locked: %llu groupings (%s)\n",
                static_cast<unsigned long long>(search.valid), search.exhaustive ? "all scored" : "sampled");
    EXPECT_EQ(search.exhaustive, search.valid <= options.exhaustive_limit);
    for (const geo::Candidate& c : search.best) expect_meets(c, rules, "best " + std::to_string(c.rank));
    for (const geo::Candidate& c : search.pareto) expect_meets(c, rules, "pareto " + std::to_string(c.rank));
    EXPECT_FALSE(search.pareto.empty());
    // Exhaustive: the listing is the count.
    if (search.exhaustive) {
        EXPECT_EQ(search.scored, search.valid);
    }
}

TEST(BoroughSearch, ImpossibleRulesAreExplainedWithTheClosestReachable) {
    geo::CandidateRules tight;
    tight.balance = {{"crime", 2}};
    const geo::CandidateSearch none = geo::search_borough_candidates(london_scorer(), tight, {});
    EXPECT_EQ(none.valid, 0u);
    EXPECT_TRUE(none.best.empty());
    EXPECT_NE(none.explanation.find("keeps crime within 2.0% of the mean: the closest is"), std::string::npos) << none.explanation;
    // Westminster, the busiest borough, holds 0.89 of a mean unit's crime: not the reason, so not said.
    EXPECT_EQ(none.explanation.find("alone holds"), std::string::npos) << none.explanation;
    // The closest said is reachable, and a little less is not.
    const auto at = none.explanation.find("the closest is ") + 15;
    const double closest = std::stod(none.explanation.substr(at));
    geo::CandidateRules reachable;
    reachable.balance = {{"crime", closest}};
    geo::SearchOptions few;
    few.samples = 10, few.exhaustive_limit = 10, few.keep = 1;
    EXPECT_GT(geo::search_borough_candidates(london_scorer(), reachable, few).valid, 0u);
    reachable.balance = {{"crime", closest - 0.2}};
    EXPECT_EQ(geo::search_borough_candidates(london_scorer(), reachable, few).valid, 0u);

    geo::CandidateRules too_many;
    too_many.units = 20;
    const auto sizes = geo::search_borough_candidates(london_scorer(), too_many, {});
    EXPECT_EQ(sizes.valid, 0u);
    EXPECT_NE(sizes.explanation.find("32 boroughs cannot make 20 units of 2 to 4 boroughs"), std::string::npos) << sizes.explanation;

    geo::CandidateRules bad_lock;
    bad_lock.locks = {"XX"};
    EXPECT_THROW(geo::search_borough_candidates(london_scorer(), bad_lock, {}), geo::InputError);
}
