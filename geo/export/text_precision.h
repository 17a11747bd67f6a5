#pragma once
// Numbers in text formats (GeoJSON, KML, CSV) at the precision they mean: an area in km² to the
// square metre, not 40.624013960000063. Binary formats keep the full double.
#include "geo/export/layer.h"

#include <vector>

namespace geo {

// Decimals a measure of wardmap's own is meaningful to (area_km2: 6, i.e. 1 m²), or -1 for a
// field it does not know, which keeps `significant_figures`.
int meaningful_decimals(const std::string& field);
inline constexpr int significant_figures = 10;

// Rounds every real value of the layers in place: known measures to their decimals, others to
// `significant_figures` (a sum of hectares loses only the noise of adding doubles).
void round_for_text(std::vector<OutputLayer>& layers);

}  // namespace geo
