// Rollout phases: the Step Change options and the SLP sequence on the 2014 wards, priorities,
// hand edits and what each phase means.
#include "test_officers_support.h"

#include "geo/core/errors.h"
#include "geo/rollout/adjacency.h"
#include "geo/rollout/generators.h"
#include "geo/rollout/phase_results.h"
#include "geo/rollout/priority.h"

#include <gmock/gmock.h>

#include <set>

using namespace wardmap_test;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

namespace {

std::vector<std::size_t> per_phase(const geo::Rollout& rollout) {
    std::vector<std::size_t> counts(rollout.phases.size(), 0);
    for (int p : rollout.phase_of_unit)
        if (p >= 0) ++counts[p];
    return counts;
}

geo::Rollout step_change(int option) {
    const auto& london = london_2014();
    const geo::WardOrder order = geo::priority_order(london.wards, london.grouping, {});
    return geo::by_counts(london.wards, order.units, geo::step_change_option(option));
}

TEST(RolloutStepChange, Option1Is208AYearAndTheFiveLeftOverAreReported) {
    const geo::Rollout rollout = step_change(1);
    EXPECT_THAT(per_phase(rollout), ElementsAre(208, 208, 213));
    ASSERT_EQ(rollout.phases.size(), 3u);
    EXPECT_EQ(rollout.phases[0].name, "2004/05");
    EXPECT_EQ(rollout.phases[2].start.iso(), "2006-04-01");
    ASSERT_EQ(rollout.notes.size(), 1u);
    EXPECT_THAT(rollout.notes[0], HasSubstr("count 624 wards but the plan has 629: the 5 left over go in 2006/07"));
}

TEST(RolloutStepChange, Options2To6) {
    EXPECT_THAT(per_phase(step_change(2)), ElementsAre(96, 264, 269));
    EXPECT_THAT(per_phase(step_change(3)), ElementsAre(96, 176, 176, 181));
    const geo::Rollout deferred = step_change(6);
    EXPECT_THAT(per_phase(deferred), ElementsAre(208, 208, 213));
    EXPECT_EQ(deferred.phases[0].name, "2005/06");
    EXPECT_EQ(deferred.phases[0].start.iso(), "2005-04-01");
    EXPECT_THROW(geo::step_change_option(7), geo::InputError);
}

TEST(RolloutStepChange, RemainderInAPhaseOfItsOwn) {
    const auto& london = london_2014();
    const geo::WardOrder order = geo::priority_order(london.wards, london.grouping, {});
    const geo::Rollout rollout = geo::by_counts(london.wards, order.units, geo::step_change_option(3), geo::Remainder::own_phase);
    EXPECT_THAT(per_phase(rollout), ElementsAre(96, 176, 176, 176, 5));
    EXPECT_EQ(rollout.phases.back().start.iso(), "2008-04-01");
}

TEST(RolloutSlp, PathfindersFirstThenTheOtherTen) {
    const auto& london = london_2014();
    const auto tranches = geo::read_tranches(source_dir("datasets/rollout/slp-2017-2019.csv"));
    const geo::Rollout rollout = geo::by_command_unit(london.wards, london.grouping, tranches);
    const geo::Adjacency adjacency = geo::ward_adjacency(london.wards);
    const auto results = geo::phase_results(london.wards, london.grouping, rollout, adjacency);
    ASSERT_EQ(results.size(), 6u);
    EXPECT_EQ(results[0].phase.start.iso(), "2017-01-01");
    EXPECT_THAT(results[0].units_live, ElementsAre("CN", "EA"));  // in plan order
    EXPECT_EQ(results[0].wards_live, 56u + 34u);
    EXPECT_TRUE(results[0].units_partial.empty());
    EXPECT_EQ(results.back().units_live.size(), 12u);
    EXPECT_EQ(results.back().wards_live, 629u);
    for (const auto& result : results) EXPECT_TRUE(result.findings.empty()) << result.phase.name;
}

TEST(RolloutSlp, AWardMovedByHandLeavesItsUnitHalfLive) {
    const auto& london = london_2014();
    geo::Rollout rollout = geo::by_command_unit(london.wards, london.grouping, geo::read_tranches(source_dir("datasets/rollout/slp-2017-2019.csv")));
    geo::move_to_phase(rollout, london.wards, london.grouping, "E05000026", "North");  // Abbey, Barking
    const auto results = geo::phase_results(london.wards, london.grouping, rollout, geo::ward_adjacency(london.wards));
    ASSERT_FALSE(results[0].findings.empty());
    EXPECT_EQ(results[0].findings[0].kind, geo::FindingKind::half_live);
    EXPECT_THAT(results[0].findings[0].message, HasSubstr("EA (East) has 55 of 56 wards live"));
    EXPECT_THAT(rollout.notes.back(), HasSubstr("moved by hand: E05000026 (1 ward(s)) into North"));
    EXPECT_THROW(geo::move_to_phase(rollout, london.wards, london.grouping, "E05000026", "Never"), geo::InputError);
}

TEST(RolloutSlp, FromThePlansOwnPhaseColumn) {
    const auto& london = london_2014();
    const geo::Rollout rollout = geo::from_unit_phases(london.wards, london.grouping);
    ASSERT_FALSE(rollout.phases.empty());
    EXPECT_EQ(rollout.phases[0].start.iso(), "2017-01-01");
    std::set<std::string> first;
    for (std::size_t u = 0; u < london.wards.units.size(); ++u)
        if (rollout.phase_of_unit[u] == 0) first.insert(london.grouping.groups[london.grouping.group_of_unit[u]].code);
    EXPECT_EQ(first, (std::set<std::string>{"CN", "EA"}));
    // Central East, Central South, North East and North West have no confirmed date in the plan.
    ASSERT_EQ(rollout.notes.size(), 1u);
    EXPECT_THAT(rollout.notes[0], HasSubstr("4 command unit(s) have no phase in the plan and are not scheduled: CE, AS, NE, NW"));
    const auto ce = group_index(london.grouping, "CE");
    for (std::size_t u = 0; u < london.wards.units.size(); ++u)
        if (london.grouping.group_of_unit[u] == ce) {
            EXPECT_EQ(rollout.phase_of_unit[u], -1);
        }
}

TEST(RolloutPriority, OutwardFromThePathfinders) {
    const auto& london = london_2014();
    const geo::Adjacency adjacency = geo::ward_adjacency(london.wards);
    geo::Priority priority;
    priority.kind = geo::PriorityKind::outward;
    priority.seeds = {"EA", "CN"};
    priority.adjacency = &adjacency;
    const geo::WardOrder order = geo::priority_order(london.wards, london.grouping, priority);
    ASSERT_EQ(order.units.size(), 629u);
    const int ea = group_index(london.grouping, "EA"), cn = group_index(london.grouping, "CN");
    std::set<std::size_t> before;
    for (std::size_t i = 0; i < order.units.size(); ++i) {
        const std::size_t u = order.units[i];
        const int g = london.grouping.group_of_unit[u];
        if (i < 90) {
            EXPECT_TRUE(g == ea || g == cn) << london.wards.units[u].where();
        } else {
            // every later ward touches one already live
            const auto& around = adjacency.neighbours[u];
            EXPECT_TRUE(std::any_of(around.begin(), around.end(), [&](std::size_t n) { return before.count(n) > 0; }))
                << london.wards.units[u].where();
        }
        before.insert(u);
    }
    EXPECT_TRUE(order.notes.empty());
}

TEST(RolloutPriority, HighestDemandFirstAndWardsWithoutValueLast) {
    const geo::WardSet wards = row_of_wards({{"W1", "One", "B1", "B"}, {"W2", "Two", "B1", "B"}, {"W3", "Three", "B1", "B"}});
    const geo::Grouping grouping{{{"A", "A", "", ""}}, {0, 0, 0}};
    geo::Priority priority;
    priority.kind = geo::PriorityKind::highest;
    priority.values = {5.0, std::nullopt, 9.0};
    const geo::WardOrder order = geo::priority_order(wards, grouping, priority);
    EXPECT_THAT(order.units, ElementsAre(2, 0, 1));
    ASSERT_EQ(order.notes.size(), 1u);
    EXPECT_THAT(order.notes[0], HasSubstr("W2 Two"));
    priority.kind = geo::PriorityKind::lowest;
    EXPECT_THAT(geo::priority_order(wards, grouping, priority).units, ElementsAre(0, 2, 1));
}

TEST(RolloutPhases, AdjacencyGapsOfficersAndTheTimeline) {
    // W1 W2 W3 in a row; W4 touches W3 only at a corner.
    geo::WardSet wards = row_of_wards({{"W1", "One", "B1", "B"}, {"W2", "Two", "B1", "B"}, {"W3", "Three", "B1", "B"}});
    wards.units.push_back(make_unit("W4", "Four", "B1", "B", square(300, 100, 100)));
    const geo::Adjacency adjacency = geo::ward_adjacency(wards);
    EXPECT_THAT(adjacency.neighbours[0], ElementsAre(1));
    EXPECT_THAT(adjacency.neighbours[1], ElementsAre(0, 2));
    EXPECT_TRUE(adjacency.neighbours[3].empty());

    const geo::Grouping grouping{{{"A", "A", "", ""}, {"B", "B", "", ""}}, {0, 0, 0, 1}};
    geo::Rollout rollout;
    rollout.phases = {{"first", {2017, 1, 1}}, {"second", {2018, 6, 6}}};
    rollout.phase_of_unit = {0, 1, 0, 1};
    geo::Allocation allocation;
    allocation.ward_of_unit = {geo::WardPosts{}, geo::WardPosts{}, geo::WardPosts{}, geo::WardPosts{}};
    allocation.units = {{"A", "A", 3, 6, 3, 1, 5, {10}, {0.5}}, {"B", "B", 1, 2, 1, 1, 5, {10}, {0.5}}};
    allocation.establishment = 40;
    const auto results = geo::phase_results(wards, grouping, rollout, adjacency, &allocation);
    ASSERT_EQ(results.size(), 2u);
    EXPECT_EQ(results[0].wards_live, 2u);
    EXPECT_THAT(results[0].units_partial, ElementsAre("A"));
    ASSERT_EQ(results[0].findings.size(), 1u);
    EXPECT_EQ(results[0].findings[0].kind, geo::FindingKind::gap);
    EXPECT_EQ(results[0].findings[0].unit_code, "W2");
    EXPECT_EQ(*results[0].officers, 2 * 2 + 6 + 10);          // two live wards' DWOs, A's leadership and pool
    EXPECT_EQ(*results[1].officers, 4 * 2 + 2 * 6 + 2 * 10);  // everything
    EXPECT_EQ(*results[1].pcsos, 4);
    EXPECT_TRUE(results[1].findings.empty());

    const auto before = geo::live_on(rollout, {2016, 12, 31});
    EXPECT_EQ(std::count(before.begin(), before.end(), true), 0);
    const auto mid = geo::live_on(rollout, {2018, 1, 1});
    EXPECT_EQ(std::vector<bool>(mid.begin(), mid.end()), (std::vector<bool>{true, false, true, false}));
}

TEST(RolloutDates, ParsedStrictly) {
    EXPECT_EQ(geo::parse_date("2018-06-06")->iso(), "2018-06-06");
    EXPECT_EQ(geo::parse_date("2019-01")->iso(), "2019-01-01");
    EXPECT_EQ(geo::parse_date("2004")->iso(), "2004-01-01");
    EXPECT_FALSE(geo::parse_date("2018-13-01"));
    EXPECT_FALSE(geo::parse_date("2018-02-30"));
    EXPECT_FALSE(geo::parse_date("6 June 2018"));
}

}  // namespace

namespace {

// Adjacency as GEOS alone decides it, pair by pair: the reference the shared-edge shortcut must match.
std::vector<std::vector<std::size_t>> adjacency_by_relate(const geo::WardSet& set) {
    const GEOSContextHandle_t h = geo::geos::handle();
    std::vector<std::vector<std::size_t>> neighbours(set.units.size());
    for (std::size_t a = 0; a < set.units.size(); ++a)
        for (std::size_t b = a + 1; b < set.units.size(); ++b) {
            const geo::Extent ea = geo::geos::envelope(*set.units[a].shape), eb = geo::geos::envelope(*set.units[b].shape);
            if (eb.min_x > ea.max_x + 0.01 || ea.min_x > eb.max_x + 0.01 || eb.min_y > ea.max_y + 0.01 || ea.min_y > eb.max_y + 0.01)
                continue;
            if (GEOSRelatePattern_r(h, set.units[a].shape.get(), set.units[b].shape.get(), "****1****") != 1) continue;
            neighbours[a].push_back(b);
            neighbours[b].push_back(a);
        }
    return neighbours;
}

TEST(RolloutAdjacency, SameAsRelateOnEveryLondonWard) {
    const auto& london = london_2014();
    const geo::Adjacency adjacency = geo::ward_adjacency(london.wards);
    const auto reference = adjacency_by_relate(london.wards);
    std::size_t pairs = 0;
    for (std::size_t u = 0; u < reference.size(); ++u) {
        EXPECT_EQ(adjacency.neighbours[u], reference[u]) << london.wards.units[u].where();
        pairs += reference[u].size();
    }
    EXPECT_GT(pairs / 2, 1500u);  // 654 wards, about five neighbours each
}

// A shared side split differently on each side (no common edge: relate decides), a corner touch
// (not neighbours) and a common edge (neighbours without relate).
TEST(RolloutAdjacency, SplitSidesAndCornersAreDecidedByRelate) {
    geo::WardSet set;
    set.units.push_back(make_unit("A", "a", "P", "p", "POLYGON((0 0, 2 0, 2 2, 0 2, 0 0))"));
    set.units.push_back(make_unit("B", "b", "P", "p", "POLYGON((2 0, 4 0, 4 2, 2 2, 2 1, 2 0))"));  // A's side in two
    set.units.push_back(make_unit("C", "c", "P", "p", "POLYGON((4 2, 6 2, 6 4, 4 4, 4 2))"));       // B's corner only
    set.units.push_back(make_unit("D", "d", "P", "p", "POLYGON((6 2, 8 2, 8 4, 6 4, 6 2))"));       // C's side, the same edge
    const geo::Adjacency adjacency = geo::ward_adjacency(set);
    EXPECT_THAT(adjacency.neighbours[0], ElementsAre(1u));
    EXPECT_THAT(adjacency.neighbours[1], ElementsAre(0u));
    EXPECT_THAT(adjacency.neighbours[2], ElementsAre(3u));
    EXPECT_THAT(adjacency.neighbours[3], ElementsAre(2u));
    EXPECT_EQ(adjacency.neighbours, adjacency_by_relate(set));
}

}  // namespace

// Command units touch when any of their wards do: what the colour picker's greyscale check compares.
TEST(CommandUnitNeighbours, FromTheWardsAdjacency) {
    geo::Adjacency wards;
    // Wards 0-1-2-3 in a row, 4 touches 0; ward 3 in no unit.
    wards.neighbours = {{1, 4}, {0, 2}, {1, 3}, {2}, {0}};
    const std::vector<int> unit_of{0, 0, 1, -1, 2};
    const auto units = geo::command_unit_neighbours(wards, unit_of, 3);
    ASSERT_EQ(units.size(), 3u);
    EXPECT_EQ(units[0], (std::vector<std::size_t>{1, 2}));
    EXPECT_EQ(units[1], (std::vector<std::size_t>{0}));  // ward 3 is in none: no neighbour from it
    EXPECT_EQ(units[2], (std::vector<std::size_t>{0}));
}
