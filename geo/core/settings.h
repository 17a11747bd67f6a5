#pragma once
// The user's own settings, one small TOML file: $XDG_CONFIG_HOME/wardmap/settings.toml (else
// ~/.config/wardmap/settings.toml). Today it holds where the team's plan store is:
//
//   [store]
//   connection = "PG:dbname=plans host=gis.example"
//
// A missing file is no settings; a file that says something wardmap does not know is refused
// (a misspelt key must not be silently ignored).
#include <string>

namespace geo {

struct Settings {
    std::string store_connection;  // [store] connection; empty when not set
};

// Where the settings file is looked for (whether or not it exists).
std::string settings_path();
// Throws InputError naming the file and line for a malformed file, an unknown table or key, or a
// value of the wrong type.
Settings read_settings(const std::string& path = settings_path());
Settings parse_settings(const std::string& text, const std::string& path);

}  // namespace geo
