#pragma once
// The table of an atlas page: one row per ward of a command unit (code, name, borough, phase, and
// the theme's value when the theme is a numeric field), flowing into as many columns as fit.
#include "render/labels/place.h"

#include <cairo.h>

#include <string>
#include <vector>

namespace render {

struct WardRow {
    std::string code, name, borough, phase, value;
};

// `value_heading` empty: no value column. Rows that do not fit are summarised in a last line.
void draw_ward_table(cairo_t* cairo, const std::vector<WardRow>& rows, const std::string& value_heading, const Box& box);

}  // namespace render
