// Painting with the mouse, as a planner does: a left drag across wards, the same with Shift held
// for whole boroughs, and the Box tool. Each checks the plan file the window saved (Ctrl+S).
#include "tests/gui/clicks/click_test.h"

#include <algorithm>
#include <cmath>

namespace clicks {

namespace {

// Two wards of East (Barking and Dagenham) that share a boundary, their label points in sight of
// each other; Central East is the active unit when the window opens.
const std::string abbey = "E05000026", gascoigne = "E05000032";
// Across the border of Barking and Dagenham (East) into Havering (East).
const std::string barking = "E09000002", havering = "E09000016";
const std::string barking_ward = "E05000041", havering_ward = "E05000308";  // Village; Elm Park

std::set<std::string> in_unit(const WardUnits& plan, const std::set<std::string>& wards, const std::string& unit) {
    std::set<std::string> found;
    for (const std::string& ward : wards)
        if (plan.at(ward) == unit) found.insert(ward);
    return found;
}

using Paint = ClickTest;

// A drag from Abbey into Gascoigne moves exactly those two into the active unit, and one Ctrl+Z
// puts both back: the drag was one undo step.
TEST_F(Paint, DragAcrossTwoWardsIsOneUndoStep) {
    const std::string plan = start_plan();
    PlannerUnderTest window(dir, {"--plan", plan});
    const std::string active = window.report()["active_unit"];
    ASSERT_NE(london().bundled.at(abbey), active);
    ASSERT_NE(london().bundled.at(gascoigne), active);

    const std::vector<std::string> under = window.drag(line(window.ward(abbey), window.ward(gascoigne)));
    for (const std::string& ward : under)
        ASSERT_TRUE(ward == abbey || ward == gascoigne) << "the drag crossed " << ward << ": the test needs two wards side by side";
    ASSERT_EQ(under.front(), abbey);
    ASSERT_EQ(under.back(), gascoigne);
    window.wait_for_title("marked as changed", [](const std::string& t) { return t.find('*') != std::string::npos; });
    save(window);
    const WardUnits painted = saved_plan(plan);
    EXPECT_EQ(moved_between(london().bundled, painted), (std::set<std::string>{abbey, gascoigne}));
    EXPECT_EQ(in_unit(painted, {abbey, gascoigne}, active), (std::set<std::string>{abbey, gascoigne}));

    window.chord(keys::ctrl, keys::letter('z'));
    save(window);
    EXPECT_EQ(moved_between(london().bundled, saved_plan(plan)), std::set<std::string>{}) << "one Ctrl+Z did not undo the whole drag";

    window.chord(keys::ctrl, keys::letter('q'));  // saved: closes without a question
    EXPECT_EQ(window.wait_for_exit(), 0) << window.errors();
}

// Shift held: the drag from a Barking ward into a Havering ward moves every ward of both boroughs.
TEST_F(Paint, ShiftDragMovesWholeBoroughs) {
    const std::string plan = start_plan();
    PlannerUnderTest window(dir, {"--plan", plan});
    const std::string active = window.report()["active_unit"];
    window.key_down(keys::shift);
    const std::vector<std::string> under = window.drag(line(window.ward(barking_ward), window.ward(havering_ward)));
    window.key_up(keys::shift);
    for (const std::string& ward : under) {
        ASSERT_FALSE(ward.empty()) << "the drag left the map";
        const std::string borough = london().borough_of(ward);
        ASSERT_TRUE(borough == barking || borough == havering) << "the drag crossed " << ward << " of " << borough;
    }
    save(window);
    std::set<std::string> both = london().wards_of_borough(barking);
    both.merge(london().wards_of_borough(havering));
    ASSERT_GT(both.size(), 30u);
    const WardUnits painted = saved_plan(plan);
    EXPECT_EQ(moved_between(london().bundled, painted), both);
    EXPECT_EQ(in_unit(painted, both, active), both);

    window.chord(keys::ctrl, keys::letter('z'));
    save(window);
    EXPECT_EQ(moved_between(london().bundled, saved_plan(plan)), std::set<std::string>{}) << "one Ctrl+Z did not undo the whole drag";
}

// X picks the Box tool; a box dragged over part of East moves every ward whose label point is in it.
TEST_F(Paint, BoxToolMovesTheWardsInTheBox) {
    const std::string plan = start_plan();
    PlannerUnderTest window(dir, {"--plan", plan});
    const std::string active = window.report()["active_unit"];
    window.tap(keys::letter('x'));
    window.wait_for("the Box tool", [](const nlohmann::json& r) { return r["tool"] == "box"; });

    // An 80x50 box around Abbey, its edges clear of every label point (the report's, in window pixels).
    const nlohmann::json report = window.report();
    const nlohmann::json& centre = report["wards"][abbey];
    const double left = std::round(centre[0].get<double>()) - 40, top = std::round(centre[1].get<double>()) - 25;
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    auto clear_of_points = [&] {
        for (const auto& [code, p] : report["wards"].items()) {
            const double x = p[0], y = p[1];
            const bool near_x = std::abs(x - x0) < 2 || std::abs(x - x1) < 2, near_y = std::abs(y - y0) < 2 || std::abs(y - y1) < 2;
            if ((near_x && y > y0 - 2 && y < y1 + 2) || (near_y && x > x0 - 2 && x < x1 + 2)) return false;
        }
        return true;
    };
    bool clear = false;
    for (int shift = 0; shift < 20 * 20 && !clear; ++shift) {
        x0 = left + shift % 20, y0 = top + shift / 20, x1 = x0 + 80, y1 = y0 + 50;
        clear = clear_of_points();
    }
    ASSERT_TRUE(clear) << "no box near Abbey has its edges clear of the label points";
    std::set<std::string> boxed;
    for (const auto& [code, p] : report["wards"].items())
        if (p[0] > x0 && p[0] < x1 && p[1] > y0 && p[1] < y1) boxed.insert(code);
    std::set<std::string> expected;
    for (const std::string& ward : boxed)
        if (london().bundled.at(ward) != active) expected.insert(ward);
    ASSERT_GE(expected.size(), 3u) << "the box should hold several wards of other units";

    const auto corner = [&](double x, double y) { return window.on_screen(x, y); };
    window.drag(line(corner(x0, y0), corner(x1, y1), 10));
    save(window);
    const WardUnits boxed_plan = saved_plan(plan);
    EXPECT_EQ(moved_between(london().bundled, boxed_plan), expected);
    EXPECT_EQ(in_unit(boxed_plan, boxed, active), boxed);
}

}  // namespace

}  // namespace clicks
