#pragma once
#include "cli/options.h"

namespace cli {

// Each adds its subcommand; `result` receives the exit code the callback decides on.
void add_info(CLI::App& app, const CommonOptions& common, int& result);
void add_dissolve(CLI::App& app, const CommonOptions& common, int& result);
void add_export(CLI::App& app, const CommonOptions& common, int& result);
void add_validate(CLI::App& app, const CommonOptions& common, int& result);

}  // namespace cli
