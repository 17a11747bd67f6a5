#pragma once
// The bundled London 2014 wards, loaded once per test program.
#include "geo/source/load.h"

namespace wardmap_test {

inline const geo::WardSet& london() {
    static const geo::WardSet wards = [] {
        geo::LoadOptions load;
        load.sources = {WARDMAP_SOURCE_DIR "/shapes/london-wards-2014.gpkg"};
        return geo::load_units(load);
    }();
    return wards;
}

}  // namespace wardmap_test
