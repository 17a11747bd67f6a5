#pragma once
// Palettes for command units, phases and numeric fields, shared by briefing maps and the planner
// window. Printed briefings are often greyscale, where only lightness survives: every palette
// here spreads its colours in lightness, not only in hue.
#include "render/style/colour.h"

#include <cstddef>
#include <vector>

namespace render {

// `count` colours for categories with no order (command units). Greys (luminance L*) are spread
// evenly from dark to light and handed out in a stride, so neighbouring indices differ in lightness;
// greys next to each other get hues a golden angle apart. For 12 units any two differ by at least
// 4 L* in greyscale and 0.09 in OKLab; beyond ~16 greys get too close to tell apart, as in any palette.
std::vector<Rgb> categorical_palette(std::size_t count);

// `count` colours from light to dark for ordered classes (rollout phases, numeric fields): one
// hue family, lightness falling evenly, so the order reads the same in colour and in grey.
std::vector<Rgb> sequential_palette(std::size_t count);

// Grey for "no data" / "not in the plan": light and hue-less, so it never reads as a class.
inline constexpr Rgb no_data_grey{0.88, 0.88, 0.88};

}  // namespace render
