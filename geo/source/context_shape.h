#pragma once
// Shapes drawn around a plan for orientation only (the tidal Thames under the wards): read from a
// boundary file into the working CRS, never dissolved, checked or exported.
#include "geo/crs/crs.h"
#include "geo/geos/context.h"

#include <string>

namespace geo {

struct ContextShape {
    geos::Geom shape;  // every polygon of the file's polygon layer, unioned; working CRS
    Extent extent;     // of `shape`
};

// Throws InputError when the file cannot be read or has no polygons.
ContextShape load_context_shape(const std::string& path, const Crs& working_crs);

}  // namespace geo
