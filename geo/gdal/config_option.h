#pragma once
// A GDAL configuration option set on this thread for as long as the owner lives.
#include <optional>
#include <string>

namespace geo::gdal {

class ScopedConfigOption {
public:
    ScopedConfigOption(const char* key, const char* value);
    ~ScopedConfigOption();
    ScopedConfigOption(const ScopedConfigOption&) = delete;
    ScopedConfigOption& operator=(const ScopedConfigOption&) = delete;
    ScopedConfigOption(ScopedConfigOption&&) = delete;
    ScopedConfigOption& operator=(ScopedConfigOption&&) = delete;

private:
    std::string key_;
    std::optional<std::string> previous_;
};

}  // namespace geo::gdal
