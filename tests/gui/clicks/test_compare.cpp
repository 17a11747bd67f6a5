// Compare with…, clicked through as a planner does: Compare > With another plan…, the path of the
// bundled plan with Abbey moved; the Compare panel lists the one ward moved with the DWOs, PCSOs and
// crime `wardmap diff --json` gives for the same two plans, follows an edit and its undo, and clears.
#include "geo/core/read_text.h"
#include "geo/planner/plan_file.h"
#include "tests/gui/clicks/click_test.h"

#include <fmt/format.h>

#include <cstdlib>

namespace clicks {

namespace {

const std::string abbey = "E05000026";  // Abbey, Barking and Dagenham (East)
const std::string village = "E05000041";  // Village, Barking and Dagenham (East)

// Pixels that differ between two pictures in a box around a point: what an outline drawn there changed.
int changed_near(const PlannerUnderTest::Snapshot& before, const PlannerUnderTest::Snapshot& after, double x, double y, int half = 45) {
    int changed = 0;
    for (int dy = -half; dy <= half; ++dy)
        for (int dx = -half; dx <= half; ++dx) changed += before.at(x + dx, y + dy) != after.at(x + dx, y + dy);
    return changed;
}

std::string item_text(const nlohmann::json& report, const std::string& name) {
    return report["items"].contains(name) ? report["items"][name]["text"].get<std::string>() : std::string();
}

using Compare = ClickTest;

TEST_F(Compare, ListsTheWardMovedWithTheNumbersOfWardmapDiff) {
    const std::string plan = start_plan();
    const std::string other = (dir / "abbey.wardplan").string();
    geo::PlanFile moved = geo::read_plan_file(plan);
    for (auto& [ward, unit] : moved.assignment)
        if (ward == abbey) unit = "CN";
    geo::write_plan_file(other, moved);

    // What this plan changes from the other: `wardmap diff OTHER THIS`, on the same wards and rules.
    const std::string json = (dir / "diff.json").string();
    ASSERT_EQ(std::system(("'" WARDMAP_BINARY "' diff -q --json '" + other + "' '" + plan + "' > '" + json + "'").c_str()), 0);
    const nlohmann::json diff = nlohmann::json::parse(geo::read_text(json, "the diff", ""));
    ASSERT_EQ(diff["wards_moved"], 1);
    const nlohmann::json& move = diff["moves"][0];

    PlannerUnderTest window(dir, {"--plan", plan});
    const nlohmann::json at = window.report()["wards"][abbey];
    const double abbey_x = at[0], abbey_y = at[1];
    const PlannerUnderTest::Snapshot before = window.snapshot();
    window.click(window.item("Compare"));
    window.wait_for("the Compare menu", [](const nlohmann::json& r) { return r["items"].contains("Compare with another plan"); });
    window.click(window.item("Compare with another plan"));
    // The question opens in the frame the menu closes, and settles in the middle a frame later: then
    // its field is clicked, since closing the menu took the keyboard from it.
    window.wait_for("the question \"File path\", the menu closed", [](const nlohmann::json& r) {
        return r["question"] == "File path" && !r["items"].contains("Compare with another plan");
    });
    window.click(window.item("File path"));
    window.type(other);
    window.tap(keys::enter);
    // This plan's officers are worked out off the frame: the panel lists the move at once and adds
    // the posts that move when they arrive.
    const nlohmann::json shown = window.wait_for("the Compare panel with this plan's officers", [](const nlohmann::json& r) {
        return r["items"].contains("Compare move 0") && item_text(r, "Compare move 0").find(" DWO") != std::string::npos;
    });

    EXPECT_EQ(item_text(shown, "Compare summary"), "1 ward(s) change command unit, in 1 move(s)");
    // Abbey outlined on the map: a ring of changed pixels round it (it is some 30 pixels across).
    window.wait_for_screen("Abbey outlined", [&](const PlannerUnderTest::Snapshot& shot) {
        return changed_near(before, shot, abbey_x, abbey_y) > 150;
    });
    EXPECT_FALSE(shown["items"].contains("Compare move 1"));
    const std::string line = item_text(shown, "Compare move 0");
    EXPECT_EQ(line.substr(0, line.find(" | ")), move["text"].get<std::string>());
    EXPECT_EQ(move["text"], "E05000026 Abbey (Barking and Dagenham): Central North → East");
    const std::string figures = fmt::format("{} DWO, {} PCSO; crime {:.0f}; population {:.0f}", move["dwo"].get<int>(), move["pcso"].get<int>(),
                                            move["crime"]["sum"].get<double>(), move["population"]["sum"].get<double>());
    EXPECT_NE(line.find(" | " + figures), std::string::npos) << line << "\nexpected " << figures;
    EXPECT_EQ(move["dwo"], 2);
    EXPECT_EQ(move["crime"]["sum"], 5018);
    // Each command unit whose officers change, before → after as `wardmap diff` gives them.
    int units = 0;
    for (const nlohmann::json& unit : diff["command_units"]) {
        if (!unit["changed"]) continue;
        ++units;
        const int before = unit["before"]["officers"], after = unit["after"]["officers"];
        const std::string text = item_text(shown, "Compare unit " + unit["code"].get<std::string>());
        EXPECT_NE(text.find(fmt::format("officers {} → {} ({:+d})", before, after, after - before)), std::string::npos) << text;
    }
    EXPECT_EQ(units, 2);

    // An edit is compared at once: a second ward moved is a second move; undone, one again.
    const std::string active = window.report()["active_unit"];
    ASSERT_NE(london().bundled.at(village), active);
    window.click(window.ward(village));
    window.wait_for("two moves", [](const nlohmann::json& r) { return item_text(r, "Compare summary") == "2 ward(s) change command unit, in 2 move(s)"; });
    window.chord(keys::ctrl, keys::letter('z'));
    window.wait_for("one move again", [](const nlohmann::json& r) { return item_text(r, "Compare summary") == "1 ward(s) change command unit, in 1 move(s)"; });

    window.click(window.item("Clear comparison"));
    window.wait_for("the panel gone", [](const nlohmann::json& r) { return !r["items"].contains("Compare summary"); });
}

}  // namespace

}  // namespace clicks
