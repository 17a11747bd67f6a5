// Placeholder until `wardmap view` is built: registered so the command list is complete, and
// refuses to run rather than pretend. Replaced by the real subcommand.
#include "cli/subcommands.h"

#include <stdexcept>

namespace cli {

void add_view(CLI::App& app, const CommonOptions&, int&) {
    app.add_subcommand("view", "The planner window (not built yet)")->callback([] {
        throw std::runtime_error("`wardmap view` is not built yet");
    });
}

}  // namespace cli
