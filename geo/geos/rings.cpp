#include "geo/geos/rings.h"

namespace geo::geos {

std::vector<std::vector<double>> rings_xy(const GEOSGeometry& shape) {
    std::vector<std::vector<double>> rings;
    for_each_ring(shape, [&](const GEOSGeometry& ring) { ring_xy(ring, rings.emplace_back()); });
    return rings;
}

}  // namespace geo::geos
