// Placeholder until `wardmap allocate` is built: registered so the command list is complete, and
// refuses to run rather than pretend. Replaced by the real subcommand.
#include "cli/subcommands.h"

#include <stdexcept>

namespace cli {

void add_allocate(CLI::App& app, const CommonOptions&, int&) {
    app.add_subcommand("allocate", "Officer allocation per ward and command unit (not built yet)")->callback([] {
        throw std::runtime_error("`wardmap allocate` is not built yet");
    });
}

}  // namespace cli
