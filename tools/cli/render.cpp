// Placeholder until `wardmap render` is built: registered so the command list is complete, and
// refuses to run rather than pretend. Replaced by the real subcommand.
#include "cli/subcommands.h"

#include <stdexcept>

namespace cli {

void add_render(CLI::App& app, const CommonOptions&, int&) {
    app.add_subcommand("render", "Briefing map as PDF, SVG or PNG (not built yet)")->callback([] {
        throw std::runtime_error("`wardmap render` is not built yet");
    });
}

}  // namespace cli
