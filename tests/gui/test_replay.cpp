// The replay file as plain data: no window.
#include "geo/core/errors.h"
#include "ui/planner/replay.h"

#include <gtest/gtest.h>

namespace {

geo::WardSet two_wards() {
    geo::WardSet wards;
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

namespace {

// The plan store's actions: a plan's name may have spaces (the rest of the line).
TEST(Replay, StoreActions) {
    const auto steps = ui::parse_replay(
        "store list\nstore open 3 MPS 12  BCU\nstore open current x\nstore save\nstore save proposed bob\nstore merge\nstore keep\n",
        "store.txt", two_wards());
    ASSERT_EQ(steps.size(), 7u);
    EXPECT_TRUE(std::holds_alternative<ui::ListStore>(steps[0].command));
    const auto& open = std::get<ui::OpenFromStore>(steps[1].command);
    EXPECT_EQ(open.plan, "MPS 12 BCU");
    EXPECT_EQ(open.version, 3);
    EXPECT_EQ(std::get<ui::OpenFromStore>(steps[2].command).version, std::nullopt);
    const auto& plain = std::get<ui::SaveToStore>(steps[3].command);
    EXPECT_EQ(plain.status + "|" + plain.author + "|" + plain.plan, "||");
    const auto& save = std::get<ui::SaveToStore>(steps[4].command);
    EXPECT_EQ(save.status + "|" + save.author, "proposed|bob");
    EXPECT_TRUE(std::get<ui::AnswerOvertaken>(steps[5].command).merge);
    EXPECT_FALSE(std::get<ui::AnswerOvertaken>(steps[6].command).merge);
    for (const char* wrong : {"store open v3 x\n", "store open 3\n", "store\n", "store push\n", "store save a b c\n"})
        EXPECT_THROW(ui::parse_replay(wrong, "store.txt", two_wards()), geo::InputError) << wrong;
}

}  // namespace
