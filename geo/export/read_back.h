#pragma once
// What GDAL wrote, opened again and compared with what was meant, before it is moved into place.
// GDAL 3.6 does not report a failed write for every driver (GeoJSON and KML on a full disk close
// without an error, leaving half a file), and a driver may put values where they were not meant
// (KML adds its own Name and Description columns first).
#include "geo/export/format.h"
#include "geo/export/layer.h"

#include <string>
#include <vector>

class GDALDataset;

namespace geo {

// `written[l][f]` is the name GDAL gave field f of layers[l] (a Shapefile shortens long names).
// Throws OutputError naming `shown` (the path the user gave), the layer, feature and field.
void check_read_back(const std::string& path, const std::string& shown, const FormatInfo& format,
                     const std::vector<OutputLayer>& layers, const std::vector<std::vector<std::string>>& written);
// The same on a dataset already open: a database inside the transaction that wrote it.
void check_read_back(GDALDataset& dataset, const std::string& shown, const FormatInfo& format,
                     const std::vector<OutputLayer>& layers, const std::vector<std::vector<std::string>>& written);

}  // namespace geo
