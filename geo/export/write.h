#pragma once
// Writing layers with GDAL, atomically: the target appears whole or not at all.
#include "geo/core/progress.h"
#include "geo/crs/crs.h"
#include "geo/export/format.h"
#include "geo/export/layer.h"

#include <string>
#include <vector>

namespace geo {

struct WriteOptions {
    std::string path;
    const FormatInfo* format = nullptr;
    std::optional<Crs> target_crs;  // -t_srs; GeoJSON and KML are always lon/lat
    bool overwrite = false;
    std::string provenance;         // written where the format has a place for it
};

// Throws OutputError (nothing left behind) or Cancelled (likewise).
void write_layers(const std::vector<OutputLayer>& layers, const Crs& working, const WriteOptions& options,
                  const Progress& progress = {});

}  // namespace geo
