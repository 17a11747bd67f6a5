// Where the panels' picture changed (ui/app/panel_damage.h), on pictures made as ImGui makes
// them: a rectangle is two triangles, a glyph a textured rectangle.
#include "ui/app/panel_damage.h"

#include <gtest/gtest.h>

namespace ui {
namespace {

const ImVec4 whole_window{0, 0, 1600, 1000};

void rectangle(PanelPicture& picture, float x0, float y0, float x1, float y1, ImU32 colour, ImVec4 clip = whole_window) {
    const ImDrawVert a{{x0, y0}, {0, 0}, colour}, b{{x1, y0}, {1, 0}, colour}, c{{x1, y1}, {1, 1}, colour}, d{{x0, y1}, {0, 1}, colour};
    picture.push_back({{a, b, c}, clip, nullptr});
    picture.push_back({{a, c, d}, clip, nullptr});
}

// A panel: its background, then a row of ten "glyphs" 8 pixels wide per line.
PanelPicture panel(const std::vector<std::string>& lines, ImVec4 clip = whole_window) {
    PanelPicture picture;
    rectangle(picture, 10, 30, 410, 900, 0xff202020);
    for (std::size_t l = 0; l < lines.size(); ++l)
        for (std::size_t k = 0; k < lines[l].size(); ++k) {
            const float x = 20 + 8 * static_cast<float>(k), y = 40 + 20 * static_cast<float>(l);
            rectangle(picture, x, y, x + 7, y + 14, 0xff000000u | static_cast<ImU32>(lines[l][k]), clip);
        }
    return picture;
}

TEST(PanelDamage, TheSamePictureChangesNothing) {
    EXPECT_EQ(changed_area(panel({"wards 35", "crime 5018"}), panel({"wards 35", "crime 5018"})), std::nullopt);
}

TEST(PanelDamage, ANumberThatChangesIsTheOnlyPartDrawnAgain) {
    // "35" -> "34" on the first line: the last glyph, at x 76..83, y 40..54, a pixel wider each way.
    const std::optional<PanelBox> box = changed_area(panel({"wards 35", "crime 5018"}), panel({"wards 34", "crime 5018"}));
    ASSERT_TRUE(box);
    EXPECT_EQ(*box, (PanelBox{75, 39, 84, 55}));
}

TEST(PanelDamage, AGlyphInsertedShiftsOnlyWhatFollowsOnItsLine) {
    // "crime 999" -> "crime 1000": the second line's number, not the first line nor the lines after.
    const std::optional<PanelBox> box =
        changed_area(panel({"wards 35", "crime 999", "officers 40"}), panel({"wards 35", "crime 1000", "officers 40"}));
    ASSERT_TRUE(box);
    EXPECT_GE(box->x0, 20 + 8 * 6 - 1);
    EXPECT_EQ(box->y0, 59);
    EXPECT_EQ(box->y1, 75);
}

TEST(PanelDamage, AChangeBeyondTheClipRectangleShowsNothing) {
    // A line scrolled out of its child window's view changes: nothing on screen does.
    const ImVec4 child{0, 0, 1600, 50};
    const std::optional<PanelBox> box = changed_area(panel({"wards 35", "crime 5018"}, child), panel({"wards 35", "crime 5019"}, child));
    ASSERT_TRUE(box);
    EXPECT_EQ(box->area(), 0);
}

TEST(PanelDamage, AWindowThatShrinksDrawsAgainWhereItWas) {
    PanelPicture before, after;
    rectangle(before, 10, 30, 410, 900, 0xff202020);
    rectangle(after, 10, 30, 410, 500, 0xff202020);
    const std::optional<PanelBox> box = changed_area(before, after);
    ASSERT_TRUE(box);
    EXPECT_EQ(*box, (PanelBox{9, 29, 411, 901}));
}

TEST(PanelDamage, BoxesThatOverlapOrTouchAreJoined) {
    const std::vector<PanelBox> joined = merged({{0, 0, 10, 10}, {11, 0, 20, 10}, {100, 100, 110, 110}, {5, 5, 6, 6}, {50, 50, 50, 60}});
    ASSERT_EQ(joined.size(), 2u);
    EXPECT_EQ(joined[0], (PanelBox{0, 0, 20, 10}));
    EXPECT_EQ(joined[1], (PanelBox{100, 100, 110, 110}));
}

}  // namespace
}  // namespace ui
