// The planner's questions answered with the keyboard and the mouse: Ctrl+S on a plan never saved
// asks for a path (typed, then Enter), and Ctrl+Q with unsaved changes asks what to do with them
// (answered by clicking its buttons). Checked on the plan file written and on the window closing.
#include "tests/gui/clicks/click_test.h"

#include <filesystem>

namespace clicks {

namespace {

const std::string abbey = "E05000026";  // Abbey, Barking and Dagenham (East)

using Questions = ClickTest;

// Opened on the bundled CSV plan: Ctrl+S asks "File path"; the typed path (with capitals, so Shift
// too) and Enter save the plan there with the one ward the click moved.
TEST_F(Questions, CtrlSAsksForAPathTypedAndEntered) {
    PlannerUnderTest window(dir, {});
    const std::string active = window.report()["active_unit"];
    window.click(window.ward(abbey));
    window.chord(keys::ctrl, keys::letter('s'));
    window.wait_for("the question \"File path\"", [](const nlohmann::json& r) { return r["question"] == "File path"; });

    const std::string typed = (dir / "Typed-Plan_2.wardplan").string();
    window.type(typed);
    window.wait_for("the typed path in the field",
                    [&](const nlohmann::json& r) { return r["items"].contains("File path") && r["items"]["File path"]["text"] == typed; });
    window.tap(keys::enter);
    window.wait_for("the question to close", [](const nlohmann::json& r) { return r["question"] == ""; });
    window.wait_for_title("without unsaved changes", [](const std::string& t) { return t.find('*') == std::string::npos; });

    ASSERT_TRUE(std::filesystem::exists(typed)) << "nothing saved at " << typed;
    const WardUnits saved = saved_plan(typed);
    EXPECT_EQ(moved_between(london().bundled, saved), std::set<std::string>{abbey});
    EXPECT_EQ(saved.at(abbey), active);
}

// Ctrl+Q with a ward moved asks "Unsaved changes": Cancel keeps the window and the change; asked
// again, Save writes the plan file and closes the window.
TEST_F(Questions, CtrlQAsksAboutUnsavedChangesAnsweredByClicks) {
    const std::string plan = start_plan();
    PlannerUnderTest window(dir, {"--plan", plan});
    const std::string active = window.report()["active_unit"];
    window.click(window.ward(abbey));
    window.wait_for_title("marked as changed", [](const std::string& t) { return t.find('*') != std::string::npos; });

    window.chord(keys::ctrl, keys::letter('q'));
    window.wait_for("the question \"Unsaved changes\"", [](const nlohmann::json& r) { return r["question"] == "Unsaved changes"; });
    window.click(window.item("Cancel"));
    window.wait_for("the question to close", [](const nlohmann::json& r) { return r["question"] == ""; });
    EXPECT_EQ(moved_between(london().bundled, saved_plan(plan)), std::set<std::string>{}) << "Cancel saved the plan";
    window.wait_for_title("still marked as changed", [](const std::string& t) { return t.find('*') != std::string::npos; });

    window.chord(keys::ctrl, keys::letter('q'));
    window.wait_for("the question \"Unsaved changes\" again", [](const nlohmann::json& r) { return r["question"] == "Unsaved changes"; });
    window.click(window.item("Save"));
    EXPECT_EQ(window.wait_for_exit(), 0) << "the window did not close after Save: " << window.errors();
    const WardUnits saved = saved_plan(plan);
    EXPECT_EQ(moved_between(london().bundled, saved), std::set<std::string>{abbey});
    EXPECT_EQ(saved.at(abbey), active);
}

}  // namespace

}  // namespace clicks
