#pragma once
// A GeoPackage's layer_styles table, laid out as QGIS lays it out when it saves a style into one:
// QGIS reads the row marked useAsDefault for a layer when it opens that layer.
#include "geo/export/qgis_style.h"

#include <vector>

class GDALDataset;

namespace geo {

// Adds one row per style (QML and SLD) to the open GeoPackage; each style's layer must be in it.
// Throws OutputError.
void write_layer_styles(GDALDataset& dataset, const std::vector<LayerStyle>& styles);

}  // namespace geo
