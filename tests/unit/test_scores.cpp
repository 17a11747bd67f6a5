// geo/candidates/scores: a plan's scores, checked by hand on squares and against `allocate` and
// GEOS on the real London plan.
#include "geo/candidates/scores.h"

#include "geo/dissolve/dissolve.h"
#include "geo/model/plan_figures.h"
#include "geo/officers/inputs.h"
#include "london_plan.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

namespace {

using wardmap_test::london_2014;
using wardmap_test::london_scorer;
using wardmap_test::mps_plan_2014;

// Four 100 m squares in a row: A B | C D, each ward its own borough.
struct Row {
    geo::WardSet wards = wardmap_test::row_of_wards(
        {{"W1", "A", "B1", "One"}, {"W2", "B", "B1", "One"}, {"W3", "C", "B2", "Two"}, {"W4", "D", "B2", "Two"}});
    geo::ScoringSetup setup() const {
        geo::ScoringSetup s;
        s.demand = {"crime", {10, 30, 20, 20}, 0};
        s.population = geo::WardMeasure{"population", {1, 1, 1, 3}, 0};
        s.reference_unit = {0, 0, 1, 1};
        s.reference_units = {{"AB", "West", "", ""}, {"CD", "East", "", ""}};
        return s;
    }
};

}  // namespace

TEST(Scores, SquaresByHand) {
    Row row;
    row.wards.working_crs = geo::crs_from_epsg(27700);
    const geo::PlanScorer scorer(row.wards, geo::ward_facts(row.wards), row.setup());
    const std::vector<geo::GroupInfo> units{{"AB", "West", "", ""}, {"CD", "East", "", ""}};
    const geo::PlanScores s = scorer.score({0, 0, 1, 1}, units);
    ASSERT_EQ(s.units.size(), 2u);
    // A 200 m x 100 m rectangle: area 0.02 km², perimeter 0.6 km.
    EXPECT_NEAR(s.units[0].area_km2, 0.02, 1e-12);
    EXPECT_NEAR(s.units[0].polsby_popper, 4 * std::numbers::pi * 0.02 / (0.6 * 0.6), 1e-9);
    EXPECT_EQ(s.borders_cut, 1u);
    EXPECT_DOUBLE_EQ(s.units[0].demand, 40);
    EXPECT_DOUBLE_EQ(s.units[1].demand, 40);
    EXPECT_DOUBLE_EQ(s.max_deviation_pct[0], 0);
    // Population 2 and 4, mean 3: -33.3% and +33.3%.
    EXPECT_NEAR(s.units[1].deviation_pct[1], 100.0 / 3, 1e-9);
    EXPECT_NEAR(s.max_deviation_pct[1], 100.0 / 3, 1e-9);
    // East: D holds 3 of its 4 people, so headquarters at D's centroid; C is 0.1 km away with weight 1.
    EXPECT_EQ(s.units[1].headquarters, "W4 D");
    EXPECT_NEAR(s.units[1].reach_mean_km, 0.1 * 1 / 4, 1e-7);  // distances kept as float
    EXPECT_NEAR(s.units[1].reach_p95_km, 0.1, 1e-7);
    EXPECT_EQ(s.parents_split, 0u);
    EXPECT_DOUBLE_EQ(s.retained_wards, 1.0);
    EXPECT_TRUE(s.moved_wards.empty());
    EXPECT_FALSE(s.has_officers);

    // Move B east: West keeps A (1 person), East holds B, C, D; B's borough is split.
    const geo::PlanScores moved = scorer.score({0, 1, 1, 1}, units);
    EXPECT_EQ(moved.parents_split, 1u);
    EXPECT_EQ(moved.units[1].parents, 2u);
    EXPECT_DOUBLE_EQ(moved.retained_wards, 0.75);
    EXPECT_NEAR(moved.retained_population, 5.0 / 6, 1e-9);
    ASSERT_EQ(moved.moved_wards.size(), 1u);
    EXPECT_EQ(moved.moved_wards[0], 1u);
    EXPECT_NEAR(moved.units[0].polsby_popper, std::numbers::pi / 4, 1e-9);  // a square
}

TEST(Scores, OfficersAreThoseAllocateGivesOnTheMpsPlan) {
    const geo::PlanScorer& scorer = london_scorer();
    const geo::Grouping& plan = mps_plan_2014();
    const geo::OfficerRules rules = geo::read_rules_for({}, "");
    const geo::OfficerFigures expected =
        geo::allocate_plan(london_2014(), plan, rules, geo::read_measure_tables({}, &rules, rules.measures_used()));
    const auto officers = scorer.officers(plan.group_of_unit, plan.groups);
    ASSERT_EQ(officers.size(), expected.allocation.units.size());
    for (std::size_t u = 0; u < officers.size(); ++u) {
        EXPECT_EQ(officers[u].officers(), expected.allocation.units[u].officers()) << plan.groups[u].code;
        EXPECT_EQ(officers[u].pool_posts, expected.allocation.units[u].pool_posts) << plan.groups[u].code;
    }
    const geo::PlanScores s = scorer.score(plan.group_of_unit, plan.groups);
    double officers_total = 0;
    for (const auto& unit : s.units) officers_total += unit.officers;
    EXPECT_EQ(officers_total, expected.allocation.officers);
    EXPECT_GT(s.workload_ratio, 1.0);
    // The reference plan retains itself whole.
    EXPECT_DOUBLE_EQ(s.retained_wards, 1.0);
    EXPECT_DOUBLE_EQ(s.retained_officers, 1.0);
    // Each ward's share of officers adds up to its unit's officers less the leadership.
    const std::vector<double> by_ward = geo::officers_of_wards(scorer, plan.group_of_unit, plan.groups);
    std::vector<double> sums(plan.groups.size(), 0.0);
    for (std::size_t w = 0; w < by_ward.size(); ++w)
        if (plan.group_of_unit[w] >= 0) sums[static_cast<std::size_t>(plan.group_of_unit[w])] += by_ward[w];
    for (std::size_t u = 0; u < sums.size(); ++u) EXPECT_NEAR(sums[u], officers[u].officers() - officers[u].leadership, 1e-6);
}

TEST(Scores, AreasAndPerimetersAreThoseOfTheDissolvedUnits) {
    const geo::PlanScorer& scorer = london_scorer();
    const geo::Grouping& plan = mps_plan_2014();
    const geo::PlanScores s = scorer.score(plan.group_of_unit, plan.groups);
    const geo::DissolveResult dissolved = geo::dissolve(london_2014(), plan, {});
    ASSERT_EQ(dissolved.units.size(), plan.groups.size());
    for (std::size_t u = 0; u < plan.groups.size(); ++u) {
        const double area = geo::geos::area(*dissolved.units[u].shape) / 1e6;
        const geo::geos::Geom boundary = geo::geos::own(GEOSBoundary_r(geo::geos::handle(), dissolved.units[u].shape.get()), "boundary");
        const double perimeter = geo::geos::length(*boundary) / 1e3;
        EXPECT_NEAR(s.units[u].area_km2, area, 1e-6 * area) << plan.groups[u].code;
        EXPECT_NEAR(s.units[u].polsby_popper, 4 * std::numbers::pi * area / (perimeter * perimeter), 0.002) << plan.groups[u].code;
    }
}

TEST(Scores, AMoveChangesOnlyWhatItShould) {
    const geo::PlanScorer& scorer = london_scorer();
    const geo::Grouping& plan = mps_plan_2014();
    std::vector<int> moved = plan.group_of_unit;
    const auto abbey = std::find_if(london_2014().units.begin(), london_2014().units.end(), [](const geo::Ward& u) { return u.code == "E05000026"; });
    ASSERT_NE(abbey, london_2014().units.end());
    const auto w = static_cast<std::size_t>(abbey - london_2014().units.begin());
    const auto cn = std::find_if(plan.groups.begin(), plan.groups.end(), [](const geo::GroupInfo& g) { return g.code == "CN"; }) - plan.groups.begin();
    const int ea = moved[w];
    moved[w] = static_cast<int>(cn);
    const geo::PlanScores before = scorer.score(plan.group_of_unit, plan.groups), after = scorer.score(moved, plan.groups);
    const double crime = scorer.setup().demand.of_ward[w];
    EXPECT_GT(crime, 0);
    EXPECT_NEAR(after.units[static_cast<std::size_t>(cn)].demand - before.units[static_cast<std::size_t>(cn)].demand, crime, 1e-6);
    EXPECT_NEAR(before.units[static_cast<std::size_t>(ea)].demand - after.units[static_cast<std::size_t>(ea)].demand, crime, 1e-6);
    EXPECT_EQ(after.parents_split, 1u);
    ASSERT_EQ(after.moved_wards.size(), 1u);
    EXPECT_EQ(after.moved_wards[0], w);
    EXPECT_LT(after.retained_wards, 1.0);
}
