#include "cli/gdal_arguments.h"

#include <cpl_conv.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <string_view>

namespace cli {
namespace {

// GDAL's spellings wardmap takes, each as its two-dash option, and whether a value follows.
struct Spelling {
    std::string_view gdal;
    bool takes_value;
};
constexpr std::array<Spelling, 8> spellings{{{"-overwrite", false},
                                             {"-lco", true},
                                             {"-dsco", true},
                                             {"-nln", true},
                                             {"-where", true},
                                             {"-sql", true},
                                             {"-s_srs", true},
                                             {"-t_srs", true}}};

const Spelling* spelling_of(std::string_view argument) {
    const auto found = std::find_if(spellings.begin(), spellings.end(), [&](const Spelling& s) { return s.gdal == argument; });
    return found == spellings.end() ? nullptr : &*found;
}

// "-word": one dash and two or more characters starting with a letter. Not "-" (standard input),
// not "-q" (a short option), not a number, "-inf" and "-nan" included (a value, refused or not by
// its option).
bool one_dash_word(const std::string& argument) {
    if (argument.size() <= 2 || argument[0] != '-' || !std::isalpha(static_cast<unsigned char>(argument[1]))) return false;
    char* end = nullptr;
    std::strtod(argument.c_str(), &end);
    return *end != '\0';
}

}  // namespace

OneDashOption::OneDashOption(const std::string& argument)
    : CLI::ParseError("OneDashOption",
                      argument + " is not an option: one dash starts a one-letter option (" + argument.substr(0, 2) + " " +
                          argument.substr(2) + " would be read), long options take two (-" + argument +
                          ").\n  GDAL's -overwrite, -lco, -dsco, -nln, -where, -sql, -s_srs, -t_srs, -q and --config KEY VALUE are understood",
                      CLI::ExitCodes::ExtrasError) {}

std::vector<std::string> gdal_style_arguments(int argc, char** argv) {
    std::vector<std::string> arguments;
    bool options_ended = false;  // after "--" every argument is a source, whatever it looks like
    for (int i = 1; i < argc; ++i) {
        const std::string argument = argv[i];
        if (options_ended || argument == "--") {
            options_ended = true;
            arguments.push_back(argument);
        } else if (const Spelling* spelling = spelling_of(argument)) {
            arguments.push_back("-" + argument);
            if (spelling->takes_value && i + 1 < argc) arguments.emplace_back(argv[++i]);  // a value, even one starting with '-'
        } else if (argument == "--config" && i + 2 < argc && std::string_view(argv[i + 1]).find('=') == std::string_view::npos) {
            arguments.push_back(argument);  // GDAL's two-word form; KEY=VALUE passes as it is
            arguments.push_back(std::string(argv[i + 1]) + "=" + argv[i + 2]);
            i += 2;
        } else if (one_dash_word(argument)) {
            throw OneDashOption(argument);
        } else {
            arguments.push_back(argument);
        }
    }
    std::reverse(arguments.begin(), arguments.end());  // CLI11 takes them last first
    return arguments;
}

void apply_gdal_config(const std::vector<std::string>& settings) {
    for (const std::string& setting : settings) {
        const auto equals = setting.find('=');
        if (equals == std::string::npos || equals == 0)
            throw CLI::ValidationError("--config", "expected KEY VALUE or KEY=VALUE, not '" + setting + "'");
        CPLSetConfigOption(setting.substr(0, equals).c_str(), setting.substr(equals + 1).c_str());
    }
}

}  // namespace cli
