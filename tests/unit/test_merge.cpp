// geo/store/merge: two planners' edits of one plan, merged against the version both started from.
#include "geo/store/merge.h"

#include <gtest/gtest.h>

namespace {

geo::PlanFile plan(std::vector<std::pair<std::string, std::string>> assignment, std::vector<std::string> units = {"EA", "CN", "NE"}) {
    geo::PlanFile file;
    file.name = "london";
    for (const std::string& code : units) file.units.push_back({code, code + " name", "", "", false});
    file.assignment = std::move(assignment);
    return file;
}

using Assignment = std::vector<std::pair<std::string, std::string>>;

TEST(Merge, EachSidesMovesAreKept) {
    const auto base = plan({{"W1", "EA"}, {"W2", "EA"}, {"W3", "CN"}});
    const auto theirs = plan({{"W1", "CN"}, {"W2", "EA"}, {"W3", "CN"}});  // moved W1
    const auto mine = plan({{"W1", "EA"}, {"W2", "EA"}, {"W3", "-"}});     // left W3 out
    const geo::store::PlanMerge merge = geo::store::merge_plans(base, theirs, mine);
    EXPECT_TRUE(merge.conflicts.empty());
    EXPECT_EQ(merge.merged.assignment, (Assignment{{"W1", "CN"}, {"W2", "EA"}, {"W3", "-"}}));
}

TEST(Merge, TheSameMoveOnBothSidesIsNoConflict) {
    const auto base = plan({{"W1", "EA"}});
    const geo::store::PlanMerge merge = geo::store::merge_plans(base, plan({{"W1", "NE"}}), plan({{"W1", "NE"}}));
    EXPECT_TRUE(merge.conflicts.empty());
    EXPECT_EQ(merge.merged.assignment, (Assignment{{"W1", "NE"}}));
}

TEST(Merge, AWardMovedByBothIsAConflict) {
    const auto base = plan({{"W1", "EA"}, {"W2", "EA"}});
    const geo::store::PlanMerge merge =
        geo::store::merge_plans(base, plan({{"W1", "CN"}, {"W2", "EA"}}), plan({{"W1", "NE"}, {"W2", "CN"}}));
    ASSERT_EQ(merge.conflicts.size(), 1u);
    EXPECT_EQ(merge.conflicts[0], "W1 moved by both (from EA to CN and to NE)");
}

TEST(Merge, AWardUnassignedOrAddedCountsAsAMove) {
    const auto base = plan({{"W1", "EA"}});
    const geo::store::PlanMerge merge = geo::store::merge_plans(base, plan({{"W1", "EA"}, {"W2", "CN"}}), plan({}));
    EXPECT_TRUE(merge.conflicts.empty());
    EXPECT_EQ(merge.merged.assignment, (Assignment{{"W2", "CN"}}));  // W1 unassigned by me, W2 added by them
}

TEST(Merge, MyNewCommandUnitComesAlong) {
    const auto base = plan({{"W1", "EA"}});
    const geo::store::PlanMerge merge =
        geo::store::merge_plans(base, plan({{"W1", "EA"}}), plan({{"W1", "XX"}}, {"EA", "CN", "NE", "XX"}));
    EXPECT_TRUE(merge.conflicts.empty());
    ASSERT_EQ(merge.merged.units.size(), 4u);
    EXPECT_EQ(merge.merged.units.back().code, "XX");
}

}  // namespace
