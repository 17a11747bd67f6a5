#pragma once
// Units outside a theme's classes (the City of London, outside the MPS; wards with no value) are
// pale with grey diagonal hatching: a plain pale fill would read as the lightest class, and in a
// greyscale print nothing else tells "no class" from "a light class".
#include "render/style/colour.h"

#include <cairo.h>

namespace render {

inline constexpr Rgb outside_fill{0.96, 0.96, 0.96};
inline constexpr Rgb hatch_line{0.55, 0.55, 0.55};

// Fills the current path pale and hatched, and clears it.
void fill_hatched(cairo_t* cairo);

}  // namespace render
