#pragma once
// Whether a colour a planner picks for a command unit still tells it from its neighbours once
// printed in greyscale, where only lightness survives (CIE L*). The palette keeps any two of 12
// units at least min_grey_difference apart; a picked colour can undo that for the units it touches.
#include "render/style/colour.h"

#include <cstddef>
#include <optional>
#include <vector>

namespace render {

inline constexpr double min_grey_difference = 4;  // L*: the categorical palette's own guarantee

struct GreyClash {
    std::size_t neighbour = 0;  // index into the neighbours given
    double difference = 0;      // |L* chosen - L* neighbour|
};

// The neighbour whose grey is closest to `chosen`'s, when closer than `min_difference`; nullopt when
// every neighbour prints distinguishably (or there are none).
std::optional<GreyClash> grey_clash(const Rgb& chosen, const std::vector<Rgb>& neighbours,
                                    double min_difference = min_grey_difference);

}  // namespace render
