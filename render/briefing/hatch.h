#pragma once
// Units outside a theme's classes (the City of London, outside the MPS; wards with no value) are
// pale with grey diagonal hatching: a plain pale fill would read as the lightest class, and in a
// greyscale print nothing else tells "no class" from "a light class".
#include "render/style/colour.h"

#include <cairo.h>

namespace render {

inline constexpr Rgb outside_fill{0.96, 0.96, 0.96};
inline constexpr Rgb hatch_line{0.55, 0.55, 0.55};
// A moved ward's hatching: bold enough to read at A4 over a whole borough, open enough to see the fill.
inline constexpr double moved_hatch_width = 1.1, moved_hatch_spacing = 3.2;

// Fills the current path pale and hatched, and clears it.
void fill_hatched(cairo_t* cairo);
// The same in other colours and weights: a moved ward on a diff map, hatched in its new unit's colour.
void fill_hatched(cairo_t* cairo, const Rgb& fill, const Rgb& line, double line_width, double spacing);

}  // namespace render
