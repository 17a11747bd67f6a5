// The replay file as plain data: no window.
#include "geo/core/errors.h"
#include "ui/planner/replay.h"

#include <gtest/gtest.h>

namespace {

geo::UnitSet two_wards() {
    geo::UnitSet wards;
    wards.units.resize(2);
    wards.units[0].code = "E05000026";
    wards.units[0].parent_code = "E09000002";
    wards.units[1].code = "E05000027";
    wards.units[1].parent_code = "E09000002";
    return wards;
}

TEST(Replay, ActionsBecomeCommands) {
    const auto steps = ui::parse_replay(
        "# a demo\nmove ward E05000027 to CN\nmove borough E09000002 to -\nundo\nwait 3\nzoom to all\n"
        "labels off\nscreenshot out.png E05000026\nsave as plan.toml\n",
        "demo.txt", two_wards());
    ASSERT_EQ(steps.size(), 7u);
    const auto& move = std::get<geo::MoveWards>(std::get<geo::Edit>(steps[0].command));
    EXPECT_EQ(move.wards, std::vector<std::size_t>{1});
    EXPECT_EQ(move.to, "CN");
    EXPECT_EQ(std::get<geo::MoveParents>(std::get<geo::Edit>(steps[1].command)).to, "");  // "-" unassigns
    EXPECT_TRUE(std::holds_alternative<ui::Undo>(steps[2].command));
    EXPECT_EQ(steps[2].wait_frames, 4);  // its own frame and three more
    EXPECT_EQ(std::get<ui::ZoomTo>(steps[3].command).code, "all");
    EXPECT_FALSE(std::get<ui::Show>(steps[4].command).labels);
    EXPECT_TRUE(std::get<ui::Show>(steps[4].command).panels);
    EXPECT_EQ(std::get<ui::Screenshot>(steps[5].command).probes, std::vector<std::string>{"E05000026"});
    EXPECT_EQ(std::get<ui::SaveAs>(steps[6].command).path, "plan.toml");
    EXPECT_EQ(steps[6].line, 9u);
}

TEST(Replay, AutosaveAndTheRecoveryAnswer) {
    const auto steps = ui::parse_replay("autosave\nanswer recover\nanswer discard\n", "crash.txt", two_wards());
    ASSERT_EQ(steps.size(), 3u);
    EXPECT_TRUE(std::holds_alternative<ui::Autosave>(steps[0].command));
    EXPECT_TRUE(std::get<ui::AnswerRecovery>(steps[1].command).recover);
    EXPECT_FALSE(std::get<ui::AnswerRecovery>(steps[2].command).recover);
    EXPECT_THROW(ui::parse_replay("answer maybe\n", "crash.txt", two_wards()), geo::InputError);
}

TEST(Replay, CompareWithAPlanAVersionOrTheSavedPlan) {
    const auto steps = ui::parse_replay("compare other.wardplan@2\ncompare saved\ncompare off\n", "compare.txt", two_wards());
    ASSERT_EQ(steps.size(), 3u);
    EXPECT_EQ(std::get<ui::CompareWith>(steps[0].command).path, "other.wardplan@2");
    EXPECT_EQ(std::get<ui::CompareWith>(steps[1].command).path, "");  // the plan as saved
    EXPECT_TRUE(std::holds_alternative<ui::ClearComparison>(steps[2].command));
}

TEST(Replay, UnknownWardNamesTheLine) {
    try {
        ui::parse_replay("undo\nmove ward E05999999 to CN\n", "demo.txt", two_wards());
        FAIL() << "an unknown ward was accepted";
    } catch (const geo::InputError& error) {
        EXPECT_EQ(error.where(), "line 2");
        EXPECT_NE(std::string(error.what()).find("E05999999"), std::string::npos);
    }
}

TEST(Replay, UnknownActionIsRefused) {
    EXPECT_THROW(ui::parse_replay("fly to the moon\n", "demo.txt", two_wards()), geo::InputError);
    EXPECT_THROW(ui::parse_replay("labels maybe\n", "demo.txt", two_wards()), geo::InputError);
}

}  // namespace
