#pragma once
// The legend: the theme's heading, then one swatch per class with its label and ward count, in as
// many columns as the box needs.
#include "render/labels/place.h"
#include "render/style/theme.h"

#include <cairo.h>

namespace render {

void draw_legend(cairo_t* cairo, const Theme& theme, const Box& box);

}  // namespace render
