#include "geo/gdal/config_option.h"

#include <cpl_conv.h>

namespace geo::gdal {

ScopedConfigOption::ScopedConfigOption(const char* key, const char* value) : key_(key) {
    if (const char* before = CPLGetThreadLocalConfigOption(key, nullptr)) previous_ = before;
    CPLSetThreadLocalConfigOption(key, value);
}

ScopedConfigOption::~ScopedConfigOption() {
    CPLSetThreadLocalConfigOption(key_.c_str(), previous_ ? previous_->c_str() : nullptr);
}

}  // namespace geo::gdal
