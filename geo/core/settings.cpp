#include "geo/core/settings.h"

#include "geo/core/errors.h"
#include "geo/core/read_text.h"
#include "geo/core/toml_text.h"

#include <cstdlib>
#include <filesystem>

namespace geo {

namespace {

constexpr const char* example = "The settings file is TOML, e.g.\n  [store]\n  connection = \"PG:dbname=plans host=gis.example\"";

}  // namespace

std::string settings_path() {
    namespace fs = std::filesystem;
    fs::path config;
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) config = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home) config = fs::path(home) / ".config";
    else return "";  // no home: no settings
    return (config / "wardmap" / "settings.toml").string();
}

Settings parse_settings(const std::string& text, const std::string& path) {
    const toml::table root = parse_toml(text, path, example);
    Settings settings;
    for (const auto& [key, node] : root) {
        if (key.str() != "store" || !node.is_table())
            throw InputError(path, std::string(key.str()) + " (" + line_of(node) + ")", "not a setting wardmap knows", example);
        for (const auto& [store_key, value] : *node.as_table()) {
            if (store_key.str() != "connection")
                throw InputError(path, "[store] " + std::string(store_key.str()) + " (" + line_of(value) + ")",
                                 "not a setting wardmap knows", example);
            if (!value.is_string())
                throw InputError(path, "[store] connection (" + line_of(value) + ")", "the connection must be a quoted string", example);
            settings.store_connection = value.as_string()->get();
        }
    }
    return settings;
}

Settings read_settings(const std::string& path) {
    std::error_code ignored;
    if (path.empty() || !std::filesystem::exists(path, ignored)) return {};
    return parse_settings(read_text(path, "the settings file", example), path);
}

}  // namespace geo
