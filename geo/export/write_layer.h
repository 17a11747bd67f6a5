#pragma once
// One layer written into an open GDAL dataset: a file being made (write.cpp) or a database inside
// its transaction (write_database.cpp).
#include "geo/core/progress.h"
#include "geo/export/format.h"
#include "geo/export/layer.h"
#include "geo/export/write.h"
#include "geo/gdal/error_capture.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <string>
#include <vector>

namespace geo {

// Returns the name GDAL gave each field (a Shapefile shortens long ones), for the read-back.
// Throws OutputError.
std::vector<std::string> write_layer(GDALDataset& dataset, const OutputLayer& layer, const FormatInfo& format,
                                     OGRSpatialReference* srs, OGRCoordinateTransformation* transform,
                                     const WriteOptions& write, const Progress& progress,
                                     const gdal::CplErrorCapture& gdal);

}  // namespace geo
