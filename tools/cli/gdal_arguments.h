#pragma once
// GDAL's utilities spell long options with one dash (-overwrite, -lco, -t_srs) and set
// configuration with --config KEY VALUE. A GIS user types those; CLI11 would read "-overwrite"
// as "-o verwrite" and write a file called verwrite. They are rewritten before parsing, and any
// other one-dash word is refused with a hint.
#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace cli {

// A one-dash long option wardmap does not know: a usage error (exit 2) that names the spellings it does.
class OneDashOption : public CLI::ParseError {
public:
    explicit OneDashOption(const std::string& argument);
};

// The arguments in CLI11's order (reversed), GDAL's spellings turned into wardmap's:
// -overwrite -lco -dsco -nln -where -sql -s_srs -t_srs -> --NAME; --config KEY VALUE -> --config KEY=VALUE.
// Throws OneDashOption for any other -word.
std::vector<std::string> gdal_style_arguments(int argc, char** argv);

// --config KEY=VALUE, each set for the whole process as GDAL's own --config does. Throws
// CLI::ValidationError for an entry without '='.
void apply_gdal_config(const std::vector<std::string>& settings);

}  // namespace cli
