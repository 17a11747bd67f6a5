#include "geo/core/bundled.h"

#include <cstdlib>
#include <filesystem>

namespace geo {

std::string bundled(const std::string& relative) {
    if (const char* root = std::getenv("WARDMAP_DATA")) return (std::filesystem::path(root) / relative).string();
    return (std::filesystem::path(WARDMAP_SOURCE_DIR) / relative).string();
}

}  // namespace geo
