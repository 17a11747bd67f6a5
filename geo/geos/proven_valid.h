#pragma once
// A cheap proof of validity for the shapes boundary files are mostly made of: polygons without
// holes whose ring does not touch itself, and multipolygons of such parts with disjoint envelopes.
// GEOS's IsValidOp builds a noding graph for every shape and took ~20% of a national load.
#include <geos_c.h>

namespace geo::geos {

// True only when the shape is certainly valid: every orientation test it relies on is decided
// beyond floating-point error (Shewchuk's filter). False means "not proven": ask GEOSisValid.
bool proven_valid(const GEOSGeometry& shape);

}  // namespace geo::geos
