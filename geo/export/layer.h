#pragma once
// What gets written: named layers of features with typed fields, format-neutral. Building these
// from units, parents and command units is separate from writing them (write_layers).
#include "geo/geos/context.h"
#include "geo/source/ward.h"

#include <string>
#include <vector>

namespace geo {

struct OutputFeature {
    const GEOSGeometry* shape = nullptr;  // borrowed, working CRS; null for a table without geometry
    std::vector<FieldValue> values;
};

struct OutputLayer {
    std::string name;
    std::string description;
    std::vector<FieldDef> fields;
    std::vector<OutputFeature> features;
};

}  // namespace geo
