// render/style/grey_check: a colour picked for a command unit, checked against its neighbours' greys.
#include "render/style/grey_check.h"
#include "render/style/palette.h"

#include <gtest/gtest.h>

#include <cmath>

namespace {

using render::from_hex;

// The bundled plan's Central North (#1f78b4, L* 48.3) and North (#e31a1c, L* 48.5) share the
// Haringey boundary and print as the same grey: the case the warning exists for. Central West
// (#33a02c, L* 58.1), its other neighbour, is far enough.
TEST(GreyClash, BundledCentralNorthAndNorthPrintAlike) {
    const auto clash = render::grey_clash(from_hex("#1f78b4"), {from_hex("#33a02c"), from_hex("#e31a1c")});
    ASSERT_TRUE(clash);
    EXPECT_EQ(clash->neighbour, 1u);
    EXPECT_LT(clash->difference, render::min_grey_difference);
}

TEST(GreyClash, ClosestOfSeveralClashesIsNamed) {
    const render::Rgb grey50{0.466, 0.466, 0.466};  // L* about 50
    const std::vector<render::Rgb> neighbours{{0.47, 0.47, 0.47}, {0.468, 0.466, 0.466}, {1, 1, 1}};
    const auto clash = render::grey_clash(grey50, neighbours);
    ASSERT_TRUE(clash);
    EXPECT_EQ(clash->neighbour, 1u);
}

TEST(GreyClash, HueAloneDoesNotSeparate) {
    // Magenta and a green of the same luminance differ strongly in colour, not at all in grey.
    const render::Rgb magenta = from_hex("#ff00ff");
    const double l = render::grey_lightness(magenta);
    render::Rgb green{0, 0, 0};
    double best = 1e9;
    for (int g = 0; g < 256; ++g) {
        const render::Rgb candidate{0, g / 255.0, 0};
        const double d = std::abs(render::grey_lightness(candidate) - l);
        if (d < best) best = d, green = candidate;
    }
    EXPECT_GT(render::colour_distance(magenta, green), 0.3);
    EXPECT_TRUE(render::grey_clash(magenta, {green}));
}

TEST(GreyClash, PaletteNeighboursAndNoNeighboursPass) {
    const auto palette = render::categorical_palette(12);
    for (std::size_t i = 0; i < palette.size(); ++i) {
        std::vector<render::Rgb> others = palette;
        others.erase(others.begin() + static_cast<std::ptrdiff_t>(i));
        EXPECT_FALSE(render::grey_clash(palette[i], others)) << "palette colour " << i;
    }
    EXPECT_FALSE(render::grey_clash(from_hex("#ff00ff"), {}));
}

}  // namespace
