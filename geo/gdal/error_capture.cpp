#include "geo/gdal/error_capture.h"

#include <cpl_conv.h>
#include <gdal.h>
#include <ogr_api.h>

#include <algorithm>
#include <mutex>

namespace geo::gdal {

CplErrorCapture::CplErrorCapture() { CPLPushErrorHandlerEx(&CplErrorCapture::on_error, this); }

CplErrorCapture::~CplErrorCapture() { CPLPopErrorHandler(); }

// Every distinct failure, in order: GDAL often says where first ("At line 9, character 692:
// Unterminated object") and only then what ("Failed to read GeoJSON data").
std::string CplErrorCapture::last_failure() const {
    if (failures_.empty()) return "GDAL gave no reason";
    std::string text;
    for (std::size_t i = 0; i < failures_.size(); ++i) {
        if (std::find(failures_.begin(), failures_.begin() + static_cast<std::ptrdiff_t>(i), failures_[i]) !=
            failures_.begin() + static_cast<std::ptrdiff_t>(i))
            continue;
        text += (text.empty() ? "" : "; ") + failures_[i];
    }
    return text;
}

void CPL_STDCALL CplErrorCapture::on_error(CPLErr level, CPLErrorNum, const char* message) {
    auto* self = static_cast<CplErrorCapture*>(CPLGetErrorHandlerUserData());
    (level >= CE_Failure ? self->failures_ : self->warnings_).emplace_back(message ? message : "");
}

void ensure_registered() {
    static std::once_flag once;
    std::call_once(once, [] {
        CPLSetErrorHandler(CPLQuietErrorHandler);
        // Traditional x/y order everywhere: lon/lat for geographic CRSs, as files store them.
        CPLSetConfigOption("OSR_DEFAULT_AXIS_MAPPING_STRATEGY", "TRADITIONAL_GIS_ORDER");
        // The GeoPackage and SQLite drivers load SpatiaLite into every database they open, only
        // for its SQL functions, which wardmap never calls; each load opens PROJ's database once
        // more (~5 ms, twice in a London dissolve: reading and writing). A user's setting stands.
        if (!CPLGetConfigOption("SPATIALITE_LOAD", nullptr)) CPLSetConfigOption("SPATIALITE_LOAD", "NO");
        GDALAllRegister();
    });
}

}  // namespace geo::gdal
