#include "geo/gdal/error_capture.h"

#include <cpl_conv.h>
#include <gdal.h>
#include <ogr_api.h>

#include <mutex>

namespace geo::gdal {

CplErrorCapture::CplErrorCapture() { CPLPushErrorHandlerEx(&CplErrorCapture::on_error, this); }

CplErrorCapture::~CplErrorCapture() { CPLPopErrorHandler(); }

std::string CplErrorCapture::last_failure() const {
    return failures_.empty() ? "GDAL gave no reason" : failures_.back();
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
        GDALAllRegister();
    });
}

}  // namespace geo::gdal
