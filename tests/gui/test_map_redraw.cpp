// When the planner's map is drawn again (run under Xvfb): a frame that shows the same map copies
// the kept image instead of drawing the wards, and a frame after a reassignment shows the ward in
// its new colour, though only the part of the map around it is drawn again.
#include "tests/gui/london_wards.h"
#include "geo/source/ward_index.h"
#include "render/gl/map_renderer.h"
#include "ui/app/window.h"

#include <gtest/gtest.h>

#include <cmath>

namespace {

using render::gl::Rgba;

const std::string abbey = "E05000026";   // Abbey, Barking and Dagenham
const std::string alibon = "E05000027";  // Alibon, next to it: keeps its colour

using wardmap_test::london;

std::size_t ward_index(const std::string& code) {
    const auto& units = london().units;
    for (std::size_t i = 0; i < units.size(); ++i)
        if (units[i].code == code) return i;
    ADD_FAILURE() << code << " is not a London ward";
    return 0;
}

// The window's back buffer at a world point, as 0xAABBGGRR like Rgba (alpha forced opaque).
Rgba pixel_at(const render::gl::ViewTransform& view, const geo::geos::Point& at) {
    const int x = static_cast<int>(std::floor(view.width / 2.0 + (at.x - view.center_x) / view.metres_per_pixel));
    const int y = static_cast<int>(std::floor(view.height / 2.0 + (at.y - view.center_y) / view.metres_per_pixel));  // GL: from the bottom
    Rgba rgba = 0;
    glReadBuffer(GL_BACK);
    glReadPixels(x, y, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, &rgba);
    return rgba | 0xff000000u;
}

class MapRedraw : public ::testing::Test {
protected:
    ui::GlfwLibrary glfw;
    ui::Window window{800, 600, "map redraw test"};
    geo::WardIndex index{london()};
    render::gl::MapRenderer map{render::gl::build_ward_meshes(london()), london().units.size()};
    render::gl::ViewTransform view;
    std::vector<Rgba> colours = std::vector<Rgba>(london().units.size(), render::gl::rgba(141, 211, 199));

    void SetUp() override {
        window.framebuffer_size(view.width, view.height);
        // Barking and Dagenham fills most of the window: Abbey is tens of pixels across.
        const geo::Extent& e = index.envelope(ward_index(abbey));
        view.center_x = (e.min_x + e.max_x) / 2, view.center_y = (e.min_y + e.max_y) / 2;
        view.metres_per_pixel = 20;
        map.set_ward_colours(colours);
        map.set_unit_count(0);
    }
};

TEST_F(MapRedraw, AnUnchangedFrameCopiesTheMap) {
    const render::gl::DrawStyle style;
    map.draw(view, style);  // a new view: drawn straight into the window
    map.draw(view, style);  // the same again: drawn once more, into the kept image
    const long drawn = map.draws();
    for (int frame = 0; frame < 3; ++frame) map.draw(view, style);
    EXPECT_EQ(map.draws(), drawn) << "frames that show the same map drew the wards again";
    EXPECT_EQ(pixel_at(view, index.label_point(ward_index(abbey))), colours[ward_index(abbey)]);

    render::gl::ViewTransform panned = view;
    panned.center_x += 100;
    map.draw(panned, style);
    EXPECT_EQ(map.draws(), drawn + 1) << "a panned view was not drawn";
    render::gl::DrawStyle hovered = style;
    hovered.highlight_ward = static_cast<int>(ward_index(abbey));
    map.draw(panned, hovered);
    EXPECT_EQ(map.draws(), drawn + 2) << "the ward under the cursor was not lightened";
}

TEST_F(MapRedraw, TheFrameAfterAReassignmentShowsTheNewColour) {
    const render::gl::DrawStyle style;
    map.draw(view, style);
    map.draw(view, style);
    const std::size_t moved = ward_index(abbey), kept = ward_index(alibon);
    const Rgba before = pixel_at(view, index.label_point(moved));
    ASSERT_EQ(before, colours[moved]);

    // What MapLayer hands over after a reassignment: one colour, and where that ward is.
    colours[moved] = render::gl::rgba(251, 128, 114);
    const long drawn = map.draws();
    map.set_ward_colours(colours, index.envelope(moved));
    map.draw(view, style);
    EXPECT_EQ(map.draws(), drawn + 1);
    EXPECT_EQ(pixel_at(view, index.label_point(moved)), colours[moved]) << abbey << " does not show its new colour";
    EXPECT_EQ(pixel_at(view, index.label_point(kept)), colours[kept]) << alibon << " changed colour";

    // The next frame copies the image, which holds the new colour too.
    map.draw(view, style);
    EXPECT_EQ(map.draws(), drawn + 1);
    EXPECT_EQ(pixel_at(view, index.label_point(moved)), colours[moved]);

    // A colour change with no place given (another colour mode) draws it all.
    colours[kept] = render::gl::rgba(128, 177, 211);
    map.set_ward_colours(colours);
    map.draw(view, style);
    EXPECT_EQ(map.draws(), drawn + 2);
    EXPECT_EQ(pixel_at(view, index.label_point(kept)), colours[kept]);
}

}  // namespace
