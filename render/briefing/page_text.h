#pragma once
// The words around the map: title and subtitle at the top; data attribution and tool version at
// the foot of every page (the OGL/OS OpenData licences require the attribution on anything drawn).
#include "render/labels/place.h"

#include <cairo.h>

#include <string>

namespace render {

void draw_title(cairo_t* cairo, const std::string& title, const std::string& subtitle, const Box& box);
// `right`: the tool version and CRS, on the line under the attribution.
void draw_footer(cairo_t* cairo, const std::string& right, const Box& box);

}  // namespace render
