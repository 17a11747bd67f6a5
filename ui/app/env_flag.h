#pragma once
// Switches read from the environment for testing and measuring the window: set and not "0".
#include <cstdlib>
#include <string_view>

namespace ui {

inline bool env_flag(const char* name) {
    const char* value = std::getenv(name);
    return value && *value && std::string_view(value) != "0";
}

}  // namespace ui
