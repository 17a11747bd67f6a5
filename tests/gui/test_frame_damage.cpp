// Where a frame must be composed again: tiles of the window marked by what changed this frame and,
// when the back buffer is older than the last frame, by what the frames since changed (label unit).
#include "ui/app/frame_damage.h"

#include <gtest/gtest.h>

#include <random>
#include <vector>

namespace {

using render::gl::PixelRect;

// Pixels (GL's, from the bottom left) covered by the rectangles, each counted once per cover.
std::vector<int> coverage(const std::vector<PixelRect>& rects, int width, int height) {
    std::vector<int> covered(static_cast<std::size_t>(width * height), 0);
    for (const PixelRect& r : rects)
        for (int y = r.y; y < r.y + r.height; ++y)
            for (int x = r.x; x < r.x + r.width; ++x) ++covered[static_cast<std::size_t>(y * width + x)];
    return covered;
}

TEST(FrameDamage, ANewWindowIsComposedWhole) {
    ui::FrameDamage damage;
    damage.begin(1600, 1000, 1);  // the first frame at this size: nothing kept is of use
    EXPECT_TRUE(damage.all());
    EXPECT_EQ(damage.parts(), (std::vector<PixelRect>{{0, 0, 1600, 1000}}));
    damage.begin(1600, 1000, 0);  // the driver knows nothing of the back buffer
    EXPECT_TRUE(damage.all());
    damage.begin(1600, 1000, 1);
    EXPECT_FALSE(damage.any());
    EXPECT_TRUE(damage.parts().empty());
    damage.begin(1200, 1000, 1);  // resized
    EXPECT_TRUE(damage.all());
}

TEST(FrameDamage, ARectangleDamagesTheTilesItTouchesCountedFromTheBottom) {
    ui::FrameDamage damage;
    damage.begin(100, 50, 0);
    damage.begin(100, 50, 1);
    // The bottom 5 rows of pixels, x 20..29: ImGui's rows 45..49, tiles in rows 2 (32..47) and 3 (48..49).
    damage.add(PixelRect{20, 0, 10, 5});
    EXPECT_EQ(damage.parts(), (std::vector<PixelRect>{{16, 0, 16, 18}}));
    EXPECT_TRUE(damage.damaged(1, 2));
    EXPECT_TRUE(damage.damaged(1, 3));
    EXPECT_FALSE(damage.damaged(0, 3));
    EXPECT_FALSE(damage.damaged(1, 1));
    // Off the window: nothing.
    damage.add(PixelRect{-50, -50, 10, 10});
    damage.add(PixelRect{500, 10, 10, 10});
    EXPECT_EQ(damage.parts(), (std::vector<PixelRect>{{16, 0, 16, 18}}));
}

TEST(FrameDamage, APanelBoxIsInImGuisPixelsTimesTheScale) {
    ui::FrameDamage damage;
    damage.begin(200, 100, 0);
    damage.begin(200, 100, 1);
    // ImGui's (10, 5)-(12, 7) at twice the scale: pixels (20, 10)-(24, 14) from the top, tile (1, 0).
    damage.add(ui::PanelBox{10, 5, 12, 7}, 2, 2);
    EXPECT_EQ(damage.parts(), (std::vector<PixelRect>{{16, 84, 16, 16}}));
    damage.add(ui::PanelBox{-1e9f, -1e9f, 1e9f, 1e9f}, 1, 1);  // far beyond the window, clamped
    EXPECT_TRUE(damage.all());
}

TEST(FrameDamage, AnOlderBackBufferTakesTheChangesOfTheFramesSince) {
    ui::FrameDamage damage;
    damage.begin(64, 64, 0);
    damage.begin(64, 64, 1);
    damage.add(PixelRect{0, 0, 1, 1});  // frame A: bottom-left tile
    damage.begin(64, 64, 1);
    damage.add(PixelRect{63, 63, 1, 1});  // frame B: top-right tile
    EXPECT_EQ(damage.parts(), (std::vector<PixelRect>{{48, 48, 16, 16}}));
    // A back buffer two frames old holds the frame before B: B's change is to be composed too.
    damage.begin(64, 64, 2);
    EXPECT_EQ(damage.parts(), (std::vector<PixelRect>{{48, 48, 16, 16}}));
    damage.begin(64, 64, 3);  // three frames old: B's change (two frames ago), and the nothing since
    EXPECT_EQ(damage.parts(), (std::vector<PixelRect>{{48, 48, 16, 16}}));
    damage.begin(64, 64, 9);  // older than what is remembered
    EXPECT_TRUE(damage.all());
}

// The parts never overlap (a blend would count twice) and cover exactly the damaged tiles kept.
TEST(FrameDamage, PartsCoverTheDamagedTilesOnceEach) {
    std::mt19937 random(7);
    const int width = 333, height = 250;  // neither a multiple of the tile
    for (int trial = 0; trial < 50; ++trial) {
        ui::FrameDamage damage;
        damage.begin(width, height, 0);
        damage.begin(width, height, 1);
        for (int k = 0; k < 6; ++k) {
            std::uniform_int_distribution<int> x(-20, width), y(-20, height), size(1, 120);
            damage.add(PixelRect{x(random), y(random), size(random), size(random)});
        }
        auto keep = [](int c, int r) { return (c + r) % 3 != 0; };
        const std::vector<int> covered = coverage(damage.parts(keep), width, height);
        for (int py = 0; py < height; ++py)
            for (int px = 0; px < width; ++px) {
                const int column = px / ui::FrameDamage::tile, row = (height - 1 - py) / ui::FrameDamage::tile;
                const int wanted = damage.damaged(column, row) && keep(column, row) ? 1 : 0;
                ASSERT_EQ(covered[static_cast<std::size_t>(py * width + px)], wanted) << "trial " << trial << " pixel " << px << "," << py;
            }
    }
}

}  // namespace
