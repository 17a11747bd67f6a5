// geo/candidates/ward_chain: the ReCom chain over wards. Hand-checkable graphs first (a grid whose
// spanning trees can be counted, a path whose balanced splits can be listed), then the real London
// 2014 wards from the MPS 12-BCU plan, where every plan the chain visits is checked for every rule
// by code of the test's own (breadth-first contiguity, sums per unit), not by the chain's.
#include "geo/candidates/spanning_tree.h"
#include "geo/candidates/ward_chain.h"
#include "geo/candidates/ward_chain_input.h"

#include "geo/attributes/join.h"
#include "geo/attributes/ward_values.h"
#include "geo/planner/plan_file.h"
#include "geo/source/load.h"
#include "support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <set>
#include <stdexcept>

using testing::ElementsAre;
using testing::HasSubstr;
namespace {

// Wards in a grid of `columns` × `rows`, numbered row by row, each touching the four beside it.
std::vector<std::vector<std::size_t>> grid(std::size_t columns, std::size_t rows) {
    std::vector<std::vector<std::size_t>> neighbours(columns * rows);
    for (std::size_t w = 0; w < neighbours.size(); ++w) {
        const std::size_t c = w % columns, r = w / columns;
        if (r > 0) neighbours[w].push_back(w - columns);
        if (c > 0) neighbours[w].push_back(w - 1);
        if (c + 1 < columns) neighbours[w].push_back(w + 1);
        if (r + 1 < rows) neighbours[w].push_back(w + columns);
    }
    return neighbours;
}

// Every rule a plan from the chain must keep, checked independently of the chain's code: the
// same wards left out, k non-empty units, each in one piece (breadth-first over the wards), each
// measure within its tolerance (sums made here), locked units and wards as they started, groups
// whole. Empty when the plan keeps them all, else the first fault found.
std::string faults_of(const geo::WardChainInput& input, std::span<const int> plan) {
    const std::size_t wards = input.start.size();
    if (plan.size() != wards) return "wrong size";
    std::vector<std::size_t> size(input.units, 0);
    for (std::size_t w = 0; w < wards; ++w) {
        if ((plan[w] < 0) != (input.start[w] < 0)) return input.ward_names.empty() ? "ward " + std::to_string(w) + " left out or taken in" : input.ward_names[w] + " left out or taken in";
        if (plan[w] >= static_cast<int>(input.units)) return "unit out of range";
        if (plan[w] >= 0) ++size[static_cast<std::size_t>(plan[w])];
        const bool locked_unit = input.start[w] >= 0 && !input.locked_unit.empty() && input.locked_unit[static_cast<std::size_t>(input.start[w])];
        const bool locked_ward = !input.locked_ward.empty() && input.locked_ward[w];
        if ((locked_unit || locked_ward) && plan[w] != input.start[w]) return "locked ward " + std::to_string(w) + " moved";
        if (plan[w] >= 0 && !input.locked_unit.empty() && input.locked_unit[static_cast<std::size_t>(plan[w])] && input.start[w] != plan[w])
            return "ward " + std::to_string(w) + " moved into a locked unit";
    }
    for (std::size_t u = 0; u < input.units; ++u) {
        if (size[u] == 0) return "unit " + std::to_string(u) + " empty";
        std::vector<bool> reached(wards, false);
        std::vector<std::size_t> queue;
        for (std::size_t w = 0; w < wards && queue.empty(); ++w)
            if (plan[w] == int(u)) queue.push_back(w), reached[w] = true;
        std::size_t count = 0;
        while (!queue.empty()) {
            const std::size_t w = queue.back();
            queue.pop_back();
            ++count;
            for (std::size_t x : input.neighbours[w])
                if (plan[x] == int(u) && !reached[x]) reached[x] = true, queue.push_back(x);
        }
        if (count != size[u]) return "unit " + std::to_string(u) + " not contiguous";
    }
    for (const geo::BalanceMeasure& m : input.balance) {
        std::vector<double> total(input.units, 0);
        double all = 0;
        for (std::size_t w = 0; w < wards; ++w)
            if (plan[w] >= 0) total[static_cast<std::size_t>(plan[w])] += m.weight[w], all += m.weight[w];
        const double mean = all / double(input.units), slack = 1e-9 * mean;
        for (std::size_t u = 0; u < input.units; ++u)
            if (std::abs(total[u] - mean) > m.tolerance * mean + slack)
                return "unit " + std::to_string(u) + " " + m.name + " " + std::to_string(total[u] / mean) + " of the mean";
    }
    for (const geo::WardGroup& group : input.keep_whole)
        for (std::size_t w : group.wards)
            if (plan[w] != plan[group.wards.front()]) return group.name + " split";
    return "";
}

std::vector<geo::ChainProblemKind> kinds(const std::vector<geo::ChainProblem>& problems) {
    std::vector<geo::ChainProblemKind> out;
    for (const auto& p : problems) out.push_back(p.kind);
    return out;
}

geo::CompactGraph compact(const std::vector<std::vector<std::size_t>>& neighbours) {
    geo::CompactGraph graph;
    for (const auto& list : neighbours) {
        for (std::size_t x : list) graph.adjacent.push_back(static_cast<std::uint32_t>(x));
        graph.offset.push_back(static_cast<std::uint32_t>(graph.adjacent.size()));
    }
    return graph;
}

}  // namespace

// The 3 × 3 grid has 192 spanning trees (Kirchhoff's theorem; OEIS A007341). Wilson's algorithm
// must draw each of them about equally often, from any root.
TEST(SpanningTree, WilsonDrawsEveryTreeOfA3By3GridEquallyOften) {
    const auto neighbours = grid(3, 3);
    const geo::CompactGraph graph = compact(neighbours);
    std::map<std::pair<std::size_t, std::size_t>, int> edge_bit;
    for (std::size_t a = 0; a < 9; ++a)
        for (std::size_t b : neighbours[a])
            if (a < b) edge_bit.emplace(std::pair{a, b}, static_cast<int>(edge_bit.size()));
    ASSERT_EQ(edge_bit.size(), 12u);

    geo::ChainRandom random(2026);
    geo::RootedTree tree;
    std::vector<std::uint8_t> scratch;
    std::map<std::uint32_t, int> seen;
    const int per_tree = 300, draws = 192 * per_tree;
    for (int d = 0; d < draws; ++d) {
        const std::uint32_t root = random.below(9);
        geo::draw_spanning_tree(graph, root, random, tree, scratch);
        ASSERT_EQ(tree.order[0], root);
        ASSERT_EQ(tree.parent[root], -1);
        std::vector<bool> placed(9, false);
        std::uint32_t key = 0;
        for (std::uint32_t v : tree.order) {
            if (v != root) {
                ASSERT_TRUE(placed[static_cast<std::size_t>(tree.parent[v])]) << "parent after child";
                const auto p = static_cast<std::size_t>(tree.parent[v]);
                key |= 1u << edge_bit.at({std::min<std::size_t>(v, p), std::max<std::size_t>(v, p)});
            }
            placed[v] = true;
        }
        ++seen[key];
    }
    EXPECT_EQ(seen.size(), 192u);
    // Pearson's chi-squared over 191 degrees of freedom: mean 191, standard deviation 19.5.
    double chi2 = 0;
    for (const auto& [key, count] : seen) chi2 += (count - per_tree) * (count - per_tree) / double(per_tree);
    EXPECT_LT(chi2, 191 + 5 * 19.5) << "trees not drawn uniformly";
    EXPECT_GT(chi2, 191 - 5 * 19.5) << "trees drawn too evenly to be random";
}

TEST(SpanningTree, TheSameSeedAndStreamGiveTheSameNumbers) {
    geo::ChainRandom a(7, 0), b(7, 0), c(7, 1);
    std::vector<std::uint64_t> from_a, from_b, from_c;
    for (int i = 0; i < 5; ++i) {
        from_a.push_back(a.next());
        from_b.push_back(b.next());
        from_c.push_back(c.next());
    }
    EXPECT_EQ(from_a, from_b);
    EXPECT_NE(from_a, from_c);
    std::vector<int> counts(6, 0);
    for (int i = 0; i < 60000; ++i) ++counts[a.below(6)];
    for (int count : counts) EXPECT_NEAR(count, 10000, 400);
}

// A path of six wards weighing 1 2 3 3 2 1, two units, ±50 % of the mean (6): a side must weigh
// 3 to 9, so the only plans are the cuts after ward 1, 2 or 3. The path is its own only spanning
// tree and a step picks one of the three balanced edges at random: each plan a third of the time.
TEST(WardChainCuts, PathOfSixVisitsExactlyItsThreeBalancedSplitsEquallyOften) {
    geo::WardChainInput input;
    input.neighbours = grid(6, 1);
    input.start = {0, 0, 0, 1, 1, 1};
    input.units = 2;
    input.balance = {{"weight", {1, 2, 3, 3, 2, 1}, 0.5}};
    std::map<std::vector<int>, int> visits;
    geo::WardChainOptions options;
    options.steps = 3000;
    options.chains = 1;
    geo::run_ward_chain(input, options, [&](const geo::WardChainSample& s) {
        ++visits[std::vector<int>(s.unit_of.begin(), s.unit_of.end())];
    });
    ASSERT_EQ(visits.size(), 3u);
    // The unit holding more of ward 0's old unit keeps its name: the left side stays unit 0.
    const std::vector<std::vector<int>> plans = {{0, 0, 1, 1, 1, 1}, {0, 0, 0, 1, 1, 1}, {0, 0, 0, 0, 1, 1}};
    for (const auto& plan : plans) EXPECT_NEAR(visits[plan], 1000, 120) << ::testing::PrintToString(plan);
}

// 6 × 6 wards of weight 1 in four 3 × 3 units, each within ±34 % of the mean (6 to 12 wards).
namespace {

geo::WardChainInput quadrants() {
    geo::WardChainInput input;
    input.neighbours = grid(6, 6);
    input.units = 4;
    for (std::size_t w = 0; w < 36; ++w) input.start.push_back(int((w / 6) / 3 * 2 + (w % 6) / 3));
    input.balance = {{"wards", std::vector<double>(36, 1.0), 0.34}};
    return input;
}

}  // namespace

// The quadrants; unit 3 is locked, ward 0 (a corner of unit 0) is
// locked, and the 2 × 2 block at the top right of unit 1 is kept whole.
TEST(WardChainGrid, LocksGroupsAndBalanceHoldInEveryPlanVisited) {
    geo::WardChainInput input = quadrants();
    input.locked_unit = {false, false, false, true};
    input.locked_ward.assign(36, false);
    input.locked_ward[0] = true;
    input.keep_whole = {{"block", {4, 5, 10, 11}}};
    geo::WardChainOptions options;
    options.steps = 2000;
    options.chains = 2;
    std::set<std::vector<int>> distinct;
    std::mutex mutex;
    std::vector<std::string> faults;
    geo::run_ward_chain(input, options, [&](const geo::WardChainSample& s) {
        const std::string fault = faults_of(input, s.unit_of);
        std::lock_guard lock(mutex);
        if (!fault.empty() && faults.size() < 5) faults.push_back("chain " + std::to_string(s.chain) + " step " +
                                                                  std::to_string(s.step) + ": " + fault);
        distinct.emplace(s.unit_of.begin(), s.unit_of.end());
    });
    EXPECT_THAT(faults, testing::IsEmpty());
    EXPECT_GT(distinct.size(), 100u) << "the chain hardly moved";
}

// A visitor that throws (the window's Cancel) stops every chain, and the exception comes out;
// progress rises to 1 one call at a time.
TEST(WardChainGrid, ACancelledVisitorStopsTheRunAndProgressReachesOne) {
    geo::WardChainInput input = quadrants();
    geo::WardChainOptions options;
    options.chains = 2;
    options.steps = 3000;
    std::vector<double> fractions;
    geo::run_ward_chain(input, options, {}, [&](std::string_view stage, double fraction) {
        EXPECT_EQ(stage, "ReCom");
        fractions.push_back(fraction);
    });
    ASSERT_FALSE(fractions.empty());
    EXPECT_TRUE(std::is_sorted(fractions.begin(), fractions.end()));
    EXPECT_DOUBLE_EQ(fractions.back(), 1.0);
    options.steps = 1000000;  // minutes, were it not stopped
    EXPECT_THROW(geo::run_ward_chain(input, options, [](const geo::WardChainSample& s) {
        if (s.chain == 1 && s.step == 100) throw geo::Cancelled();
    }), geo::Cancelled);
}

TEST(WardChainProblems, NameTheUnitTheMeasureAndHowFarOff) {
    geo::WardChainInput input;
    input.neighbours = grid(4, 1);
    input.start = {0, 0, 1, 1};
    input.units = 2;
    input.unit_names = {"North", "South"};
    input.ward_names = {"w0", "w1", "w2", "w3"};
    input.balance = {{"crime", {1, 1, 10, 1}, 0.1}};  // mean 6.5
    const auto problems = geo::ward_chain_problems(input);
    ASSERT_THAT(kinds(problems), ElementsAre(geo::ChainProblemKind::too_heavy, geo::ChainProblemKind::out_of_balance,
                                             geo::ChainProblemKind::out_of_balance));
    EXPECT_NEAR(problems[0].ratio, 10 / 6.5, 1e-12);
    EXPECT_EQ(problems[0].message, "w2 alone holds 1.54 times the mean crime: any command unit holding it is over the "
                                   "limit of +10.0 %");
    EXPECT_NEAR(problems[1].ratio, 2 / 6.5, 1e-12);
    EXPECT_EQ(problems[1].message, "North holds 0.308 times the mean crime in the start plan, 69.2 % under; the "
                                   "tolerance is ±10.0 %");
    EXPECT_EQ(problems[2].unit, 1);
    EXPECT_NEAR(problems[2].ratio, 11 / 6.5, 1e-12);
    try {
        geo::run_ward_chain(input, {});
        FAIL() << "ran from a plan out of balance";
    } catch (const geo::ChainInfeasible& e) {
        EXPECT_EQ(e.problems().size(), 3u);
        EXPECT_THAT(e.what(), HasSubstr("South holds 1.692 times the mean crime in the start plan, 69.2 % over"));
    }
}

TEST(WardChainProblems, EmptyUnitsBrokenUnitsSplitGroupsAndBadWeights) {
    geo::WardChainInput input;
    input.neighbours = grid(4, 1);
    input.start = {0, 1, 0, 1};
    input.units = 3;
    input.keep_whole = {{"Borough B", {1, 2}}};
    input.balance = {{"population", {1, NAN, 1, 1}, 0.1}};
    const auto problems = geo::ward_chain_problems(input);
    EXPECT_THAT(kinds(problems), ElementsAre(geo::ChainProblemKind::bad_weight, geo::ChainProblemKind::empty_unit,
                                             geo::ChainProblemKind::split_group, geo::ChainProblemKind::not_contiguous,
                                             geo::ChainProblemKind::not_contiguous));
    EXPECT_EQ(problems[1].message, "command unit 2 has no ward in the start plan");
    EXPECT_EQ(problems[2].message, "Borough B is to be kept whole but the start plan splits it: command unit 0 (1 ward), "
                                   "command unit 1 (1 ward)");
    EXPECT_EQ(problems[3].message, "command unit 0 is in 2 pieces in the start plan (ward 2 is not joined to the rest)");
}

TEST(WardChainProblems, NothingCanMoveWhenTheFreeUnitsDoNotTouch) {
    geo::WardChainInput input;
    input.neighbours = grid(6, 1);
    input.start = {0, 0, 1, 1, 2, 2};
    input.units = 3;
    input.locked_unit = {false, true, false};
    EXPECT_THAT(kinds(geo::ward_chain_problems(input)), ElementsAre(geo::ChainProblemKind::nothing_to_move));
    input.locked_unit = {};
    EXPECT_TRUE(geo::ward_chain_problems(input).empty());
    input.start = {0, 0, 1, 1, 7, 2};
    EXPECT_THROW(geo::ward_chain_problems(input), std::invalid_argument);
}

// A valid start whose only balanced split is itself, along a long comb-shaped boundary: a random
// spanning tree almost never crosses it once, so the chain cannot move, and says so instead of
// running on. Weights are distinct integers, so no other split can balance exactly (tolerance 0).
TEST(WardChainStuck, ReportsTheClosestSplitInsteadOfRunningOn) {
    geo::WardChainInput input;
    input.neighbours = grid(8, 8);
    input.units = 2;
    input.unit_names = {"Comb", "Teeth"};
    std::vector<double> weight;
    geo::ChainRandom random(5);
    double a = 0, b = 0;
    for (std::size_t w = 0; w < 64; ++w) {
        const std::size_t row = w / 8, column = w % 8;
        const bool in_comb = row == 0 || (row < 7 && column % 2 == 0);
        input.start.push_back(in_comb ? 0 : 1);
        weight.push_back(1e6 + random.below(1000000));
        (in_comb ? a : b) += weight.back();
    }
    weight[0] += b - a;  // ward 0 is in the comb
    ASSERT_GT(weight[0], 0);
    input.balance = {{"crime", weight, 0.0}};
    ASSERT_TRUE(geo::ward_chain_problems(input).empty());
    geo::WardChainOptions options;
    options.chains = 2;
    options.steps = 1000;
    options.stuck_after = 50;
    options.tree_tries = 4;
    try {
        geo::run_ward_chain(input, options);
        FAIL() << "a stuck chain ran to the end";
    } catch (const geo::ChainInfeasible& e) {
        ASSERT_EQ(e.problems().size(), 1u);
        const geo::ChainProblem& stuck = e.problems()[0];
        EXPECT_EQ(stuck.kind, geo::ChainProblemKind::stuck);
        EXPECT_GT(stuck.ratio, 0);
        EXPECT_LT(stuck.ratio, 1);
        EXPECT_THAT(stuck.message, HasSubstr("none of the first 50 steps (200 spanning trees) could re-split two "
                                             "neighbouring command units within ±0.0 % crime: the closest split found, of "
                                             "Comb and Teeth, left a side"));
    }
}

namespace {

// The bundled 2014 wards, the MPS 12-BCU plan and recorded crime (March 2017 to February 2019) per
// ward, loaded once: the tests only read them.
struct London {
    geo::WardSet wards;
    geo::Assignment plan;
    geo::Adjacency adjacency;
    std::vector<double> crime;
};

const London& london() {
    static const std::unique_ptr<London> data = [] {
        auto d = std::make_unique<London>();
        geo::LoadOptions options;
        options.sources = {wardmap_test::shared_data("london/wards-2014-mapinfo/London_Ward.tab")};
        d->wards = geo::load_units(options);
        d->plan = geo::open_plan(d->wards, wardmap_test::source_dir("datasets/plans/mps-12-bcu-2018.csv"));
        d->adjacency = geo::ward_adjacency(d->wards);
        const geo::WardValues crime =
            geo::read_crime(wardmap_test::source_dir("datasets/demand/mps-ward-crime-2017-03-to-2019-02.csv"));
        const geo::JoinResult joined = geo::join_by_code(d->wards, geo::grouping_of(d->plan), crime);
        for (const auto& value : joined.value_of_unit) d->crime.push_back(value.value_or(0));
        return d;
    }();
    return *data;
}

// Central West (Westminster, Kensington and Chelsea, Hammersmith and Fulham) holds 1.515 times the
// mean crime of the 12 BCUs, so ±55 % is the tightest round tolerance the MPS plan itself meets.
constexpr double mps_crime_tolerance = 0.55;

geo::WardChainInput london_input(double tolerance, std::vector<std::string> locks = {}, bool boroughs_whole = false) {
    geo::WardChainSetup setup;
    setup.balance = {{"crime", london().crime, tolerance}};
    setup.locked_units = std::move(locks);
    setup.keep_boroughs_whole = boroughs_whole;
    return geo::ward_chain_input(london().wards, london().adjacency, london().plan, setup);
}

// Runs the chain and checks every plan it visits; returns the plans per chain.
std::vector<std::vector<std::vector<int>>> run_checked(const geo::WardChainInput& input, geo::WardChainOptions options) {
    std::vector<std::vector<std::vector<int>>> plans(options.chains);
    std::vector<std::string> faults(options.chains);
    geo::run_ward_chain(input, options, [&](const geo::WardChainSample& s) {
        plans[s.chain].emplace_back(s.unit_of.begin(), s.unit_of.end());
        if (faults[s.chain].empty()) {
            const std::string fault = faults_of(input, s.unit_of);
            if (!fault.empty()) faults[s.chain] = "step " + std::to_string(s.step) + ": " + fault;
        }
    });
    for (std::size_t c = 0; c < faults.size(); ++c) EXPECT_EQ(faults[c], "") << "chain " << c;
    return plans;
}

double share_moved(const geo::WardChainInput& input, const std::vector<int>& plan) {
    std::size_t moved = 0, in_plan = 0;
    for (std::size_t w = 0; w < plan.size(); ++w) {
        in_plan += input.start[w] >= 0;
        moved += plan[w] != input.start[w];
    }
    return double(moved) / double(in_plan);
}

}  // namespace

TEST(LondonWardChain, EveryPlanVisitedKeepsEveryRuleWithThePathfindersLocked) {
    const geo::WardChainInput input = london_input(mps_crime_tolerance, {"EA", "CN"});
    ASSERT_EQ(input.start.size(), 654u);
    geo::WardChainOptions options;
    options.chains = 2;
    options.steps = 1500;
    const auto plans = run_checked(input, options);
    ASSERT_EQ(plans[0].size(), 1500u);
    ASSERT_EQ(plans[1].size(), 1500u);
    EXPECT_NE(plans[0].back(), plans[1].back()) << "two chains, one path";
    EXPECT_GT(share_moved(input, plans[0].back()), 0.2);
}

TEST(LondonWardChain, KeepWholeBoroughsAreNeverSplit) {
    const geo::WardChainInput input = london_input(mps_crime_tolerance, {}, true);
    ASSERT_EQ(input.keep_whole.size(), 32u);  // the City is left out of the plan
    geo::WardChainOptions options;
    options.chains = 2;
    options.steps = 1000;
    const auto plans = run_checked(input, options);
    // Moving whole boroughs, the chain still finds other groupings.
    std::set<std::vector<int>> distinct(plans[0].begin(), plans[0].end());
    EXPECT_GT(distinct.size(), 50u);
}

TEST(LondonWardChain, TheSameSeedGivesTheSamePlansOnOneThreadOrTwo) {
    const geo::WardChainInput input = london_input(mps_crime_tolerance);
    geo::WardChainOptions options;
    options.steps = 400;
    options.thin = 10;
    options.seed = 17;
    options.chains = 2;
    std::vector<std::vector<std::vector<int>>> runs[3];
    for (int r = 0; r < 3; ++r) {
        options.chains = r < 2 ? 2 : 1;  // the third run: chain 0 alone
        runs[r].resize(options.chains);
        geo::run_ward_chain(input, options, [&](const geo::WardChainSample& s) {
            runs[r][s.chain].emplace_back(s.unit_of.begin(), s.unit_of.end());
        });
    }
    ASSERT_EQ(runs[0][0].size(), 40u);
    EXPECT_EQ(runs[0], runs[1]);
    EXPECT_EQ(runs[0][0], runs[2][0]);
    EXPECT_NE(runs[0][0], runs[0][1]);
    options.seed = 18;
    const geo::WardChainResult other = geo::run_ward_chain(input, options);
    EXPECT_NE(other.last[0], runs[0][0].back());
}

// From the MPS plan the share of wards in another BCU grows with the steps: ReCom moves whole
// stretches of boundary at once. (Numbers for seed 1 in the closing note of the branch.)
TEST(LondonWardChain, MovesAwayFromTheMpsPlan) {
    const geo::WardChainInput input = london_input(mps_crime_tolerance);
    geo::WardChainOptions options;
    options.chains = 1;
    options.steps = 2000;
    std::map<std::size_t, double> moved;
    geo::run_ward_chain(input, options, [&](const geo::WardChainSample& s) {
        if (s.step == 1 || s.step == 10 || s.step == 100 || s.step == 2000)
            moved[s.step] = share_moved(input, std::vector<int>(s.unit_of.begin(), s.unit_of.end()));
    });
    EXPECT_LT(moved[1], 0.1);
    EXPECT_GT(moved[100], moved[10]);
    EXPECT_GT(moved[2000], 0.4);
}

TEST(LondonWardChain, ImpossibleToleranceSaysWhichBcuAndByHowMuch) {
    const geo::WardChainInput input = london_input(0.10, {"EA"});
    try {
        geo::run_ward_chain(input, {});
        FAIL() << "ran from a plan out of balance";
    } catch (const geo::ChainInfeasible& e) {
        std::map<std::string, double> ratio;
        for (const geo::ChainProblem& p : e.problems()) {
            EXPECT_EQ(p.kind, geo::ChainProblemKind::out_of_balance) << p.message;
            ratio[input.unit_names[static_cast<std::size_t>(p.unit)]] = p.ratio;
        }
        // Crime per BCU / mean, summed from the crime table by the test itself.
        std::vector<double> crime(12, 0);
        double all = 0;
        for (std::size_t w = 0; w < input.start.size(); ++w)
            if (input.start[w] >= 0) crime[static_cast<std::size_t>(input.start[w])] += london().crime[w], all += london().crime[w];
        std::map<std::string, double> expected;
        for (std::size_t u = 0; u < 12; ++u)
            if (std::abs(crime[u] / (all / 12) - 1) > 0.10) expected[input.unit_names[u]] = crime[u] / (all / 12);
        ASSERT_EQ(ratio.size(), expected.size());
        for (const auto& [name, value] : expected) EXPECT_NEAR(ratio[name], value, 1e-12) << name;
        EXPECT_NEAR(ratio["Central West"], 1.515, 0.001);
        EXPECT_THAT(e.what(), HasSubstr("Central West holds 1.515 times the mean crime in the start plan, 51.5 % over; "
                                        "the tolerance is ±10.0 %"));
        EXPECT_THAT(e.what(), HasSubstr("East holds 0.872 times the mean crime in the start plan, 12.8 % under; the "
                                        "tolerance is ±10.0 % (the unit is locked, so no plan keeping it can meet it)"));
    }
}

TEST(LondonWardChain, InputFromThePlanRefusesUnknownLocksAndBoroughs) {
    geo::WardChainSetup setup;
    setup.locked_units = {"XX"};
    EXPECT_THROW(geo::ward_chain_input(london().wards, london().adjacency, london().plan, setup), geo::InputError);
    setup.locked_units = {};
    setup.keep_whole = {"E09000033", "E09000099"};
    try {
        geo::ward_chain_input(london().wards, london().adjacency, london().plan, setup);
        FAIL();
    } catch (const geo::InputError& e) {
        EXPECT_THAT(e.what(), HasSubstr("no ward has the parent (borough) code E09000099"));
    }
    setup.keep_whole = {"E09000033"};  // Westminster
    const geo::WardChainInput input = geo::ward_chain_input(london().wards, london().adjacency, london().plan, setup);
    ASSERT_EQ(input.keep_whole.size(), 1u);
    EXPECT_EQ(input.keep_whole[0].name, "Westminster");
    EXPECT_EQ(input.keep_whole[0].wards.size(), 20u);
}

// The MPS plan is 51.5 % over the mean crime in Central West; balanced_start finds a plan within
// ±10 % from it, which then keeps every rule, and the chain runs from it.
TEST(LondonWardChain, BalancedStartReachesTenPercentFromTheMpsPlan) {
    geo::WardChainInput input = london_input(0.10, {"CN"});
    input.start = geo::balanced_start(input, 3);
    EXPECT_EQ(faults_of(input, input.start), "");
    EXPECT_EQ(geo::ward_chain_problems(input).size(), 0u);
    geo::WardChainOptions options;
    options.chains = 2;
    options.steps = 500;
    run_checked(input, options);
}

TEST(LondonWardChain, BalancedStartExplainsWhatItCannotMend) {
    // A locked unit out of tolerance cannot be mended: East holds 0.872 times the mean crime.
    try {
        geo::balanced_start(london_input(0.10, {"EA"}));
        FAIL() << "balanced a plan around a locked unit out of tolerance";
    } catch (const geo::ChainInfeasible& e) {
        ASSERT_EQ(e.problems().size(), 1u);
        EXPECT_EQ(e.problems()[0].kind, geo::ChainProblemKind::out_of_balance);
        EXPECT_THAT(e.problems()[0].message, HasSubstr("East holds 0.872 times the mean crime"));
    }
    // Whole boroughs: none of the plans met on the way is within ±10 %; the closest is named.
    try {
        geo::balanced_start(london_input(0.10, {}, true), 1, 20000);
        FAIL() << "balanced whole boroughs within ±10 %";
    } catch (const geo::ChainInfeasible& e) {
        ASSERT_EQ(e.problems().size(), 1u);
        EXPECT_EQ(e.problems()[0].kind, geo::ChainProblemKind::not_reached);
        EXPECT_GT(std::abs(e.problems()[0].ratio - 1), 0.10);
        EXPECT_THAT(e.problems()[0].message, HasSubstr("no plan within ±10.0 % crime was found in 20000 steps"));
    }
    // Not enough steps: the closest plan's worst unit, and by how much.
    try {
        geo::balanced_start(london_input(0.10), 1, 3);
        FAIL() << "balanced in three steps";
    } catch (const geo::ChainInfeasible& e) {
        ASSERT_EQ(e.problems().size(), 1u);
        EXPECT_EQ(e.problems()[0].kind, geo::ChainProblemKind::not_reached);
        EXPECT_GT(std::abs(e.problems()[0].ratio - 1), 0.10);
        EXPECT_THAT(e.problems()[0].message, HasSubstr("no plan within ±10.0 % crime was found in 3 steps from the start "
                                                       "plan: in the closest, "));
    }
}
