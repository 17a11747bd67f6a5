#pragma once
// Writing layers with GDAL, atomically: the target appears whole or not at all.
#include "geo/core/progress.h"
#include "geo/crs/crs.h"
#include "geo/export/format.h"
#include "geo/export/layer.h"
#include "geo/export/qgis_style.h"

#include <string>
#include <vector>

namespace geo {

struct WriteOptions {
    std::string path;
    const FormatInfo* format = nullptr;
    std::optional<Crs> target_crs;  // -t_srs; GeoJSON and KML are always lon/lat
    bool overwrite = false;
    std::string provenance;         // written where the format has a place for it
    // GDAL's -lco and -dsco, NAME=VALUE: checked against the driver's own lists, and applied after
    // wardmap's (so a user's RFC7946=NO or SPATIAL_INDEX=NO wins).
    std::vector<std::string> layer_creation, dataset_creation;
    std::vector<LayerStyle> styles;  // a GeoPackage's layer_styles rows (QGIS)
};

// The name the output gave each field, layer by layer (a Shapefile cuts names at 10 characters).
using WrittenFieldNames = std::vector<std::vector<std::string>>;

// Throws OutputError (nothing left behind), InputError (a creation option the driver does not
// know) or Cancelled.
WrittenFieldNames write_layers(const std::vector<OutputLayer>& layers, const Crs& working, const WriteOptions& options,
                  const Progress& progress = {});

}  // namespace geo
