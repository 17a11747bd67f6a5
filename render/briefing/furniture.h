#pragma once
// Scale bar and north arrow. Both return the box they took, so labels can keep clear of them.
#include "geo/crs/crs.h"
#include "render/briefing/page_transform.h"

#include <cairo.h>

#include <string>

namespace render {

// A length of 1, 2 or 5 times a power of ten metres, at most `longest` metres.
double nice_length(double longest);

// A bar of a round number of metres in four black-and-white segments, with its length and the
// scale (1:N) printed; bottom-left at `corner`, no longer than `max_width` points. The length comes
// from the transform, so it is true to the map's CRS (metres of a projected CRS).
Box draw_scale_bar(cairo_t* cairo, const PageTransform& transform, PagePoint corner, double max_width);

// The angle (radians, clockwise) from grid north (up on the map) to true north at a map point.
double true_north_angle(const geo::Crs& crs, double x, double y);

// An arrow pointing to true north, "N" under it, its top-right at `corner`.
Box draw_north_arrow(cairo_t* cairo, PagePoint corner, double angle);

}  // namespace render
