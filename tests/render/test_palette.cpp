// render/style: palettes stay distinct in colour and in greyscale.
#include "render/style/palette.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

struct Separation {
    double colour = std::numeric_limits<double>::infinity();
    double grey = std::numeric_limits<double>::infinity();
};

Separation separation(const std::vector<render::Rgb>& colours) {
    Separation s;
    for (std::size_t i = 0; i < colours.size(); ++i)
        for (std::size_t j = i + 1; j < colours.size(); ++j) {
            s.colour = std::min(s.colour, render::colour_distance(colours[i], colours[j]));
            s.grey = std::min(s.grey, std::abs(render::grey_lightness(colours[i]) - render::grey_lightness(colours[j])));
        }
    return s;
}

}  // namespace

TEST(Colour, HexRoundTripsAndRejectsJunk) {
    EXPECT_EQ(render::to_hex(render::from_hex("#1f78B4")), "#1f78b4");
    EXPECT_THROW(render::from_hex("1f78b4"), std::invalid_argument);
    EXPECT_THROW(render::from_hex("#1f78bz"), std::invalid_argument);
}

TEST(Colour, OkLabRoundTrips) {
    const render::Rgb c = render::from_hex("#b15928");
    const render::Rgb back = render::from_oklab(render::to_oklab(c));
    EXPECT_NEAR(back.r, c.r, 1e-6);
    EXPECT_NEAR(back.g, c.g, 1e-6);
    EXPECT_NEAR(back.b, c.b, 1e-6);
    EXPECT_NEAR(render::grey_lightness({1, 1, 1}), 100, 1e-6);
    EXPECT_NEAR(render::grey_lightness({0, 0, 0}), 0, 1e-6);
}

TEST(CategoricalPalette, TwelveUnitsDistinctInColourAndGrey) {
    const auto colours = render::categorical_palette(12);
    ASSERT_EQ(colours.size(), 12u);
    const Separation s = separation(colours);
    EXPECT_GE(s.grey, 4.0) << "two command units print as nearly the same grey";
    EXPECT_GE(s.colour, 0.09);
    for (const auto& c : colours) EXPECT_TRUE(render::in_gamut(c)) << render::to_hex(c);
}

TEST(CategoricalPalette, SixteenUnitsStillSeparateInGrey) {
    const Separation s = separation(render::categorical_palette(16));
    EXPECT_GE(s.grey, 3.0);
    EXPECT_GE(s.colour, 0.07);
}

// The reason for our own palette: the ColorBrewer "Paired" colours of the bundled plan put
// Central North (#1f78b4) and Central West (#33a02c) on nearly the same grey.
TEST(CategoricalPalette, BundledPlanColoursFailTheGreyTestOursPass) {
    const std::vector<render::Rgb> paired{
        render::from_hex("#a6cee3"), render::from_hex("#1f78b4"), render::from_hex("#b2df8a"),
        render::from_hex("#33a02c"), render::from_hex("#fb9a99"), render::from_hex("#e31a1c"),
        render::from_hex("#fdbf6f"), render::from_hex("#ff7f00"), render::from_hex("#cab2d6"),
        render::from_hex("#6a3d9a"), render::from_hex("#ffff99"), render::from_hex("#b15928")};
    EXPECT_LT(separation(paired).grey, 4.0);
    EXPECT_GT(separation(render::categorical_palette(12)).grey, separation(paired).grey);
}

TEST(CategoricalPalette, NeighbouringIndicesDifferInLightness) {
    const auto colours = render::categorical_palette(12);
    for (std::size_t i = 1; i < colours.size(); ++i)
        EXPECT_GE(std::abs(render::grey_lightness(colours[i]) - render::grey_lightness(colours[i - 1])), 15.0) << i;
}

TEST(SequentialPalette, DarkensStepByStep) {
    const auto colours = render::sequential_palette(6);
    ASSERT_EQ(colours.size(), 6u);
    for (std::size_t i = 1; i < colours.size(); ++i)
        EXPECT_LT(render::grey_lightness(colours[i]), render::grey_lightness(colours[i - 1]) - 6) << i;
}
