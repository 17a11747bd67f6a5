#pragma once
// Opening one boundary file and choosing its polygon layer, with every way that can fail turned
// into an InputError that names the file and says what to do.
#include "geo/crs/crs.h"
#include "geo/source/source_query.h"
#include "geo/source/ward.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <optional>
#include <string>
#include <vector>

namespace geo {

struct OpenedLayer {
    GDALDatasetUniquePtr dataset;
    OGRLayer* layer = nullptr;  // owned by dataset
    SourceInfo info;
    Crs crs;                    // of the coordinates in the file
    std::vector<std::string> field_names;
    bool queried = false;       // -where or -sql: a file may rightly keep no feature (one of a folder)
};

// With a query, the layer is the features it keeps: -sql's result is copied into memory, so that
// the file can be closed as any other.
OpenedLayer open_layer(const std::string& path, const std::optional<std::string>& layer_name,
                       const std::optional<Crs>& source_srs, const SourceQuery& query = {});

// GeoJSON says lon/lat, but some files hold projected coordinates without saying so, and some
// declare British National Grid over lon/lat. Throws InputError when a geographic CRS meets
// coordinates outside the globe, or a projected one coordinates that all fit in degrees' range.
void check_plausible(const Extent& extent, const Crs& crs, const std::string& path);

}  // namespace geo
