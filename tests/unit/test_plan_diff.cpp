// geo/compare/plan_diff: moves grouped as a planner briefs them, what goes with them, and each
// command unit before and after. Hand-made wards: pure logic, no files.
#include "geo/compare/diff_layers.h"
#include "geo/compare/plan_diff.h"
#include "support.h"

#include <gmock/gmock.h>

namespace {

using testing::HasSubstr;

// Two boroughs: B1 (w1, w2) and B2 (w3, w4, w5), in a row of 100 m squares (0.01 km² each).
geo::WardSet two_boroughs() {
    return wardmap_test::row_of_wards({{"w1", "One", "B1", "Borough One"}, {"w2", "Two", "B1", "Borough One"},
                                       {"w3", "Three", "B2", "Borough Two"}, {"w4", "Four", "B2", "Borough Two"},
                                       {"w5", "Five", "B2", "Borough Two"}});
}

geo::Grouping grouping(const std::vector<int>& group_of_unit) {
    return {{{"X", "Unit X", "", ""}, {"Y", "Unit Y", "", ""}}, group_of_unit};
}

geo::WardFigures figures() {
    return {{10.0, 20.0, 30.0, std::nullopt, 50.0}, {1.0, 2.0, 3.0, 4.0, 5.0}, {0.01, 0.01, 0.01, 0.01, 0.01}};
}

TEST(PlanDiff, OneWardMovedIsOneMoveWithItsFigures) {
    const geo::WardSet wards = two_boroughs();
    const geo::Grouping a = grouping({0, 0, 1, 1, 1}), b = grouping({0, 0, 0, 1, 1});
    const geo::PlanDiff diff = geo::diff_plans(wards, {"a", "", &a, nullptr}, {"b", "", &b, nullptr}, figures());
    ASSERT_EQ(diff.moves.size(), 1u);
    EXPECT_EQ(diff.wards_moved, 1u);
    const geo::Move& move = diff.moves[0];
    EXPECT_FALSE(move.whole_borough);
    EXPECT_EQ(move.from_code, "Y");
    EXPECT_EQ(move.to_code, "X");
    EXPECT_DOUBLE_EQ(move.crime.sum, 30.0);
    EXPECT_DOUBLE_EQ(move.population.sum, 3.0);
    EXPECT_EQ(geo::describe(wards, move), "w3 Three (Borough Two): Unit Y → Unit X");
    ASSERT_EQ(diff.units.size(), 2u);
    EXPECT_EQ(diff.units[0].before.wards, 2u);
    EXPECT_EQ(diff.units[0].after.wards, 3u);
    EXPECT_DOUBLE_EQ(diff.units[0].after.crime.sum - diff.units[0].before.crime.sum, 30.0);
    EXPECT_EQ(diff.units[1].after.crime.missing, 1u);  // w4 has no crime: counted, not read as 0
    EXPECT_TRUE(diff.units[0].changed());
}

TEST(PlanDiff, AWholeBoroughMovingIsOneMove) {
    const geo::WardSet wards = two_boroughs();
    const geo::Grouping a = grouping({0, 0, 1, 1, 1}), b = grouping({0, 0, 0, 0, 0});
    const geo::PlanDiff diff = geo::diff_plans(wards, {"a", "", &a, nullptr}, {"b", "", &b, nullptr}, figures());
    ASSERT_EQ(diff.moves.size(), 1u);
    EXPECT_TRUE(diff.moves[0].whole_borough);
    EXPECT_EQ(geo::describe(wards, diff.moves[0]), "Borough Two: 3 wards Unit Y → Unit X");
    EXPECT_DOUBLE_EQ(diff.moves[0].crime.sum, 80.0);
    EXPECT_EQ(diff.moves[0].crime.missing, 1u);
    EXPECT_EQ(diff.units[1].after.wards, 0u);
}

TEST(PlanDiff, PartOfABoroughListsItsWards) {
    const geo::WardSet wards = two_boroughs();
    const geo::Grouping a = grouping({0, 0, 1, 1, 1}), b = grouping({0, 0, 0, 0, 1});
    const geo::PlanDiff diff = geo::diff_plans(wards, {"a", "", &a, nullptr}, {"b", "", &b, nullptr}, figures());
    ASSERT_EQ(diff.moves.size(), 1u);
    EXPECT_EQ(geo::describe(wards, diff.moves[0]), "Borough Two: 2 wards Unit Y → Unit X (w3 Three, w4 Four)");
}

TEST(PlanDiff, MostOfABoroughNamesTheWardsThatStay) {
    geo::WardSet wards = wardmap_test::row_of_wards({{"w1", "One", "B", "Big"}, {"w2", "Two", "B", "Big"}, {"w3", "Three", "B", "Big"},
                                                    {"w4", "Four", "B", "Big"}, {"w5", "Five", "B", "Big"}});
    const geo::Grouping a = grouping({1, 1, 1, 1, 1}), b = grouping({1, 0, 0, 0, 0});
    const geo::PlanDiff diff = geo::diff_plans(wards, {"a", "", &a, nullptr}, {"b", "", &b, nullptr}, figures());
    ASSERT_EQ(diff.moves.size(), 1u);
    EXPECT_EQ(geo::describe(wards, diff.moves[0]), "Big: 4 wards Unit Y → Unit X (all but w1 One)");
}

TEST(PlanDiff, AUnitOnlyOnePlanHasAndAWardLeftOut) {
    const geo::WardSet wards = two_boroughs();
    const geo::Grouping a = grouping({0, 0, 1, 1, 1});
    geo::Grouping b = grouping({0, 0, 2, 2, -1});
    b.groups.push_back({"Z", "Unit Z", "", ""});
    const geo::PlanDiff diff = geo::diff_plans(wards, {"a", "", &a, nullptr}, {"b", "", &b, nullptr}, figures());
    ASSERT_EQ(diff.moves.size(), 2u);  // w5 Y -> none and w3, w4 Y -> Z (by from, to, borough)
    EXPECT_EQ(geo::describe(wards, diff.moves[0]), "w5 Five (Borough Two): Unit Y → no command unit");
    EXPECT_THAT(geo::describe(wards, diff.moves[1]), HasSubstr("Unit Y → Unit Z"));
    ASSERT_EQ(diff.units.size(), 3u);
    EXPECT_FALSE(diff.units[2].before.in_plan);
    EXPECT_TRUE(diff.units[2].after.in_plan);
    EXPECT_FALSE(diff.units[0].changed());
}

TEST(PlanDiff, WardPostsGoWithTheWard) {
    const geo::WardSet wards = two_boroughs();
    const geo::Grouping a = grouping({0, 0, 1, 1, 1}), b = grouping({0, 0, 0, 1, 1});
    geo::Allocation before, after;
    before.ward_of_unit.assign(5, geo::WardPosts{2, 1});
    before.ward_of_unit[2] = geo::WardPosts{3, 2};
    before.units = {{"X", "Unit X", 2, 4, 2, 1, 5, {}, {}}, {"Y", "Unit Y", 3, 7, 4, 1, 5, {}, {}}};
    after = before;
    after.units = {{"X", "Unit X", 3, 7, 4, 1, 5, {}, {}}, {"Y", "Unit Y", 2, 4, 2, 1, 5, {}, {}}};
    const geo::PlanDiff diff = geo::diff_plans(wards, {"a", "", &a, &before}, {"b", "", &b, &after}, figures());
    ASSERT_TRUE(diff.officers);
    EXPECT_EQ(diff.moves[0].dwo, 3);
    EXPECT_EQ(diff.moves[0].pcso, 2);
    EXPECT_EQ(diff.units[0].after.officers - diff.units[0].before.officers, 3);
    const geo::OutputLayer table = geo::unit_changes_table(diff);
    ASSERT_EQ(table.features.size(), 2u);
    // code, name, then wards before/after/change, officers before/after/change
    EXPECT_EQ(std::get<std::int64_t>(table.features[0].values[4]), 1);
    EXPECT_EQ(std::get<std::int64_t>(table.features[0].values[7]), 3);
    const geo::OutputLayer moved = geo::moved_wards_layer(wards, diff, figures());
    ASSERT_EQ(moved.features.size(), 1u);
    EXPECT_EQ(std::get<std::string>(moved.features[0].values[0]), "w3");
    EXPECT_EQ(std::get<std::string>(moved.features[0].values[5]), "X");
}

}  // namespace
