// The plan being edited in the planner, without a window: edits, locking, undo and redo, and the
// statistics and findings kept current after each of them.
#include "geo/planner/session.h"

#include "geo/core/errors.h"

#include "support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

using testing::ElementsAre;
using testing::HasSubstr;
using testing::UnorderedElementsAre;

namespace {

// Six 100 m wards in a row: boroughs A (a1 a2), B (b1 b2), C (c1 c2); U1 holds A, U2 holds B and C.
geo::WardSet six_wards() {
    geo::WardSet set = wardmap_test::row_of_wards({{"a1", "A one", "A", "Borough A"},
                                                   {"a2", "A two", "A", "Borough A"},
                                                   {"b1", "B one", "B", "Borough B"},
                                                   {"b2", "B two", "B", "Borough B"},
                                                   {"c1", "C one", "C", "Borough C"},
                                                   {"c2", "C two", "C", "Borough C"}});
    set.fields = {{"crime", geo::FieldKind::integer}};
    const std::int64_t crime[] = {10, 20, 30, 40, 50, 60};
    for (std::size_t i = 0; i < set.units.size(); ++i) set.units[i].values = {crime[i]};
    return set;
}

geo::Assignment two_units() {
    geo::Assignment a;
    a.units = {{"U1", "Unit one", "#1f78b4", "", false}, {"U2", "Unit two", "#33a02c", "", false}};
    a.unit_of = {0, 0, 1, 1, 1, 1};
    return a;
}

std::vector<std::string> kinds(const geo::PlanSession& s) {
    std::vector<std::string> out;
    for (const geo::Finding& f : s.findings()) out.push_back(geo::to_string(f.kind));
    return out;
}

// Everything the window shows of a plan, to compare before and after undo.
struct Snapshot {
    std::vector<int> unit_of;
    std::vector<std::string> codes, shapes;
    std::vector<double> areas;
    std::vector<std::size_t> wards;
    std::vector<std::string> findings;
    bool operator==(const Snapshot&) const = default;
};
Snapshot snapshot(const geo::PlanSession& s) {
    Snapshot snap;
    snap.unit_of = s.assignment().unit_of;
    for (std::size_t u = 0; u < s.assignment().units.size(); ++u) {
        snap.codes.push_back(s.assignment().units[u].code + "/" + s.assignment().units[u].name + "/" +
                             s.assignment().units[u].colour + (s.assignment().units[u].locked ? "/locked" : ""));
        snap.shapes.push_back(s.shape(u) ? wardmap_test::to_wkt(*s.shape(u)) : "");
        snap.areas.push_back(s.stats()[u].area);
        snap.wards.push_back(s.stats()[u].wards);
    }
    for (const geo::Finding& f : s.findings()) snap.findings.push_back(f.message);
    return snap;
}

TEST(PlanSession, StartsWithStatisticsAndNoFindingsForACleanPlan) {
    const geo::WardSet set = six_wards();
    geo::PlanSession session(set, two_units());
    ASSERT_EQ(session.stats().size(), 2u);
    EXPECT_EQ(session.stats()[0].wards, 2u);
    EXPECT_EQ(session.stats()[1].wards, 4u);
    EXPECT_EQ(session.stats()[1].parents, 2u);
    EXPECT_NEAR(session.stats()[0].area, 20000, 1e-6);
    EXPECT_NEAR(session.stats()[1].area, 40000, 1e-6);
    EXPECT_TRUE(session.stats()[0].contiguous);
    EXPECT_TRUE(session.stats()[1].whole_parents);
    EXPECT_TRUE(session.findings().empty());
    EXPECT_FALSE(session.modified());
    EXPECT_FALSE(session.can_undo());
    // crime: U1 30, U2 180, mean 105
    EXPECT_DOUBLE_EQ(*session.stats()[0].values[0], 30);
    EXPECT_NEAR(*session.stats()[0].deviation_pct[0], (30 - 105) / 105.0 * 100, 1e-9);
    EXPECT_EQ(session.parents().units.size(), 3u);
}

TEST(PlanSession, MovingAWardRedissolvesOnlyTheTwoUnitsAndSplitsItsBorough) {
    const geo::WardSet set = six_wards();
    geo::PlanSession session(set, two_units());
    const auto revision = session.revision();
    const geo::EditOutcome outcome = session.apply(geo::MoveWards{{2}, "U1"});
    ASSERT_TRUE(outcome.applied) << outcome.refused;
    EXPECT_THAT(outcome.changed_units, UnorderedElementsAre("U1", "U2"));
    EXPECT_GT(session.revision(), revision);
    EXPECT_EQ(session.assignment().unit_of[2], 0);
    EXPECT_EQ(session.stats()[0].wards, 3u);
    EXPECT_NEAR(session.stats()[0].area, 30000, 1e-6);
    EXPECT_FALSE(session.stats()[0].whole_parents);
    EXPECT_FALSE(session.stats()[1].whole_parents);
    EXPECT_THAT(kinds(session), ElementsAre("split_parent"));
    EXPECT_EQ(session.findings()[0].unit_code, "B");
    ASSERT_TRUE(session.findings()[0].location);
    EXPECT_NEAR(session.findings()[0].location->x, 300, 100);  // somewhere in borough B
    EXPECT_TRUE(session.modified());
    EXPECT_EQ(session.undo_label(), "Move ward b1 B one to U1");
}

TEST(PlanSession, UndoAndRedoRestoreShapesStatisticsAndFindingsExactly) {
    const geo::WardSet set = six_wards();
    geo::PlanSession session(set, two_units());
    std::vector<Snapshot> seen{snapshot(session)};
    const std::vector<geo::Edit> edits = {geo::MoveWards{{2}, "U1"},
                                          geo::CreateUnit{{"U3", "Unit three", "#e31a1c", "", false}},
                                          geo::MoveParents{{"C"}, "U3"},
                                          geo::RenameUnit{"U1", "West"},
                                          geo::RecolourUnit{"U2", "#000000"},
                                          geo::DeleteUnit{"U1"},
                                          geo::LockUnit{"U3", true},
                                          geo::MoveWards{{3}, ""}};
    for (const geo::Edit& edit : edits) {
        const auto outcome = session.apply(edit);
        ASSERT_TRUE(outcome.applied) << geo::describe(edit, set) << ": " << outcome.refused;
        seen.push_back(snapshot(session));
    }
    for (std::size_t i = seen.size() - 1; i > 0; --i) {
        ASSERT_TRUE(session.undo().applied);
        EXPECT_EQ(snapshot(session), seen[i - 1]) << "after undoing " << i << " edits";
    }
    EXPECT_FALSE(session.undo().applied);
    EXPECT_FALSE(session.modified());
    for (std::size_t i = 1; i < seen.size(); ++i) {
        ASSERT_TRUE(session.redo().applied);
        EXPECT_EQ(snapshot(session), seen[i]) << "after redoing " << i << " edits";
    }
    EXPECT_FALSE(session.can_redo());
}

TEST(PlanSession, DeletingAUnitLeavesItsWardsUnassignedAndKeepsTheOthers) {
    const geo::WardSet set = six_wards();
    geo::PlanSession session(set, two_units());
    ASSERT_TRUE(session.apply(geo::DeleteUnit{"U1"}).applied);
    ASSERT_EQ(session.assignment().units.size(), 1u);
    EXPECT_EQ(session.assignment().units[0].code, "U2");
    EXPECT_THAT(session.assignment().unit_of, ElementsAre(-1, -1, 0, 0, 0, 0));
    EXPECT_THAT(kinds(session), ElementsAre("unassigned"));
    EXPECT_THAT(session.findings()[0].codes, ElementsAre("a1", "a2"));
    EXPECT_EQ(session.stats()[0].wards, 4u);
}

TEST(PlanSession, ALockedUnitNeitherGainsNorLosesWards) {
    const geo::WardSet set = six_wards();
    geo::PlanSession session(set, two_units());
    ASSERT_TRUE(session.apply(geo::LockUnit{"U2", true}).applied);
    const Snapshot before = snapshot(session);

    geo::EditOutcome gain = session.apply(geo::MoveWards{{0}, "U2"});
    EXPECT_FALSE(gain.applied);
    EXPECT_THAT(gain.refused, HasSubstr("U2 (Unit two) is locked"));
    geo::EditOutcome lose = session.apply(geo::MoveWards{{2}, "U1"});
    EXPECT_FALSE(lose.applied);
    EXPECT_THAT(lose.refused, HasSubstr("cannot lose wards"));
    EXPECT_EQ(snapshot(session).unit_of, before.unit_of);
    EXPECT_FALSE(session.apply(geo::DeleteUnit{"U2"}).applied);

    // A borough move across a locked unit moves what it may and names what it left.
    ASSERT_TRUE(session.apply(geo::CreateUnit{{"U3", "Unit three", "", "", false}}).applied);
    const geo::EditOutcome mixed = session.apply(geo::MoveParents{{"A", "B"}, "U3"});
    ASSERT_TRUE(mixed.applied);
    EXPECT_THAT(mixed.locked_wards, ElementsAre(2, 3));
    EXPECT_THAT(session.assignment().unit_of, ElementsAre(2, 2, 1, 1, 1, 1));
    EXPECT_THAT(kinds(session), ElementsAre("locked_conflict"));
    EXPECT_THAT(session.findings()[0].message, HasSubstr("2 ward(s) left in U2"));

    ASSERT_TRUE(session.apply(geo::LockUnit{"U2", false}).applied);
    EXPECT_TRUE(session.apply(geo::MoveWards{{2}, "U3"}).applied);
}

TEST(PlanSession, AStrayWardMakesAUnitNonContiguousAndTheFindingNamesIt) {
    const geo::WardSet set = six_wards();
    geo::PlanSession session(set, two_units());
    ASSERT_TRUE(session.apply(geo::MoveWards{{5}, "U1"}).applied);
    EXPECT_FALSE(session.stats()[0].contiguous);
    EXPECT_EQ(session.stats()[0].parts, 2);
    const auto& findings = session.findings();
    const auto stray = std::find_if(findings.begin(), findings.end(), [](const geo::Finding& f) { return f.kind == geo::FindingKind::not_contiguous; });
    ASSERT_NE(stray, findings.end());
    EXPECT_THAT(stray->codes, ElementsAre("c2"));
    ASSERT_TRUE(stray->location);
    EXPECT_NEAR(stray->location->x, 550, 50);
}

TEST(PlanSession, RefusedAndEmptyEditsLeaveNoUndoStep) {
    const geo::WardSet set = six_wards();
    geo::PlanSession session(set, two_units());
    const auto revision = session.revision();
    EXPECT_FALSE(session.apply(geo::MoveWards{{0}, "U1"}).applied);  // already there
    EXPECT_TRUE(session.apply(geo::MoveWards{{0}, "U1"}).refused.empty());
    EXPECT_THAT(session.apply(geo::MoveWards{{0}, "NOPE"}).refused, HasSubstr("no command unit NOPE"));
    EXPECT_THAT(session.apply(geo::MoveWards{{99}, "U2"}).refused, HasSubstr("no ward number 99"));
    EXPECT_THAT(session.apply(geo::CreateUnit{{"U1", "again", "", "", false}}).refused, HasSubstr("already"));
    EXPECT_THAT(session.apply(geo::RecolourUnit{"U1", "blue"}).refused, HasSubstr("not a colour"));
    EXPECT_THAT(session.apply(geo::MoveParents{{"Z"}, "U1"}).refused, HasSubstr("no ward has the parent Z"));
    EXPECT_FALSE(session.can_undo());
    EXPECT_EQ(session.revision(), revision);
    EXPECT_FALSE(session.modified());
}

TEST(PlanSession, APaintStrokeIsOneUndoStep) {
    const geo::WardSet set = six_wards();
    geo::PlanSession session(set, two_units());
    session.begin_stroke();
    ASSERT_TRUE(session.apply(geo::MoveWards{{2}, "U1"}).applied);
    EXPECT_EQ(session.stats()[0].wards, 3u);  // shown during the stroke already
    ASSERT_TRUE(session.apply(geo::MoveWards{{3}, "U1"}).applied);
    ASSERT_TRUE(session.apply(geo::MoveWards{{4}, "U1"}).applied);
    session.end_stroke();
    EXPECT_EQ(session.undo_label(), "Move 3 wards to U1");
    ASSERT_TRUE(session.undo().applied);
    EXPECT_THAT(session.assignment().unit_of, ElementsAre(0, 0, 1, 1, 1, 1));
    EXPECT_FALSE(session.can_undo());
    ASSERT_TRUE(session.redo().applied);
    EXPECT_THAT(session.assignment().unit_of, ElementsAre(0, 0, 0, 0, 0, 1));
}

TEST(PlanSession, SavedStateIsTrackedThroughUndoAndNewEdits) {
    const geo::WardSet set = six_wards();
    geo::PlanSession session(set, two_units());
    session.apply(geo::MoveWards{{2}, "U1"});
    session.mark_saved();
    EXPECT_FALSE(session.modified());
    session.apply(geo::MoveWards{{3}, "U1"});
    EXPECT_TRUE(session.modified());
    session.undo();
    EXPECT_FALSE(session.modified());
    session.undo();
    EXPECT_TRUE(session.modified());
    session.apply(geo::MoveWards{{4}, "U1"});  // the saved state is no longer reachable
    EXPECT_TRUE(session.modified());
    session.undo();
    EXPECT_TRUE(session.modified());
}

TEST(PlanSession, AnAssignmentOfTheWrongLengthIsRefused) {
    const geo::WardSet set = six_wards();
    geo::Assignment short_one = two_units();
    short_one.unit_of.pop_back();
    EXPECT_THROW(geo::PlanSession(set, short_one), geo::InputError);
}

// The plan as exports and briefing maps take it comes from the shapes the session holds: no
// dissolve, the same shapes, the edit and its undo included.
TEST(PlanSession, AppliedPlanIsTheSessionsShapesWithoutADissolve) {
    const geo::WardSet set = six_wards();
    geo::PlanSession session(set, two_units());
    ASSERT_TRUE(session.apply(geo::MoveWards{{2}, "U1"}).applied);
    const std::uint64_t before = geo::dissolve_calls();
    const geo::AppliedPlan applied = session.applied();
    EXPECT_EQ(geo::dissolve_calls(), before);
    ASSERT_TRUE(applied.plan);
    EXPECT_EQ(applied.plan->units.size(), 2u);
    EXPECT_EQ(applied.grouping.group_of_unit, (std::vector<int>{0, 0, 0, 1, 1, 1}));
    ASSERT_EQ(applied.groups.units.size(), 2u);
    for (std::size_t u = 0; u < 2; ++u) {
        EXPECT_EQ(applied.groups.units[u].info.code, session.assignment().units[u].code);
        EXPECT_EQ(wardmap_test::to_wkt(*applied.groups.units[u].shape), wardmap_test::to_wkt(*session.shape(u)));
    }
    EXPECT_EQ(applied.groups.units[0].members, (std::vector<std::size_t>{0, 1, 2}));
    EXPECT_DOUBLE_EQ(applied.groups.units[0].area, session.stats()[0].area);
    ASSERT_EQ(applied.parents.units.size(), 3u);  // boroughs A, B, C

    session.undo();
    const geo::AppliedPlan undone = session.applied();
    EXPECT_EQ(undone.groups.units[0].members, (std::vector<std::size_t>{0, 1}));
    EXPECT_EQ(geo::dissolve_calls(), before + 1) << "only the undo dissolved (its two units, in one call)";
}

// U1 goes live in January 2017, U2 in June 2018: the plan's own phase column as the rollout.
geo::Assignment phased_units() {
    geo::Assignment start = two_units();
    start.units[0].phase = "2017-01-01";
    start.units[1].phase = "2018-06-01";
    return start;
}

geo::SessionOptions given(const geo::PlanInputs& inputs) {
    geo::SessionOptions options;
    options.inputs = std::make_shared<const geo::PlanInputs>(inputs);
    return options;
}

geo::PlanInputs plan_phases_rollout() {
    geo::PlanInputs inputs;
    inputs.rollout = geo::RolloutRecipe{};
    inputs.rollout->plan_phases = true;
    return inputs;
}

// A session without inputs has no officers or rollout, and says nothing is wrong.
TEST(PlanSession, FiguresWithoutInputsAreEmpty) {
    const geo::WardSet set = six_wards();
    geo::PlanSession session(set, two_units());
    EXPECT_EQ(session.inputs(), nullptr);
    EXPECT_FALSE(session.figures().allocation);
    EXPECT_FALSE(session.figures().rollout);
    EXPECT_TRUE(session.figures().officers_error.empty());
}

// The plan's own phase column as the rollout: it follows a recolour-free edit of the phases'
// wards, and a rollout that cannot be made is said, not thrown.
TEST(PlanSession, RolloutFollowsEditsAndItsErrorsAreSaid) {
    const geo::WardSet set = six_wards();
    geo::PlanInputs inputs = plan_phases_rollout();
    geo::PlanSession session(set, phased_units(), given(inputs));
    ASSERT_TRUE(session.figures().rollout) << session.figures().rollout_error;
    EXPECT_EQ(session.figures().rollout->phase_of_unit[2], 1);
    ASSERT_TRUE(session.apply(geo::MoveWards{{2}, "U1"}).applied);
    EXPECT_EQ(session.figures().rollout->phase_of_unit[2], 0) << "b1 goes live with U1 now";
    session.undo();
    EXPECT_EQ(session.figures().rollout->phase_of_unit[2], 1);

    inputs.rollout->plan_phases = false;
    inputs.rollout->tranches = "/nonexistent/tranches.csv";
    geo::PlanSession broken(set, phased_units(), given(inputs));
    EXPECT_FALSE(broken.figures().rollout);
    EXPECT_THAT(broken.figures().rollout_error, HasSubstr("tranches.csv"));
}

// A window asks for the newest figures every frame without waiting: the old ones stay on show until
// the current ones, worked out on another thread, arrive.
TEST(PlanSession, LatestFiguresFollowOnAnotherThread) {
    const geo::WardSet set = six_wards();
    geo::PlanInputs inputs = plan_phases_rollout();
    geo::PlanSession session(set, phased_units(), given(inputs));
    const auto current = [&] {
        for (int i = 0; i < 1000; ++i) {
            const geo::LatestFigures latest = session.latest_figures();
            if (latest.current) return latest;
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        return session.latest_figures();
    };
    EXPECT_EQ(session.latest_figures().figures, nullptr) << "nothing worked out before the first ask";
    geo::LatestFigures latest = current();
    ASSERT_TRUE(latest.current);
    ASSERT_TRUE(latest.figures->rollout) << latest.figures->rollout_error;
    EXPECT_EQ(latest.figures->rollout->phase_of_unit[2], 1);

    ASSERT_TRUE(session.apply(geo::MoveWards{{2}, "U1"}).applied);
    latest = session.latest_figures();
    EXPECT_FALSE(latest.current);
    ASSERT_NE(latest.figures, nullptr) << "the last figures stay on show";
    EXPECT_EQ(latest.figures->rollout->phase_of_unit[2], 1);
    latest = current();
    ASSERT_TRUE(latest.current);
    EXPECT_EQ(latest.figures->rollout->phase_of_unit[2], 0);
    EXPECT_EQ(&session.figures(), latest.figures) << "the same figures, not worked out twice";
}

}  // namespace
