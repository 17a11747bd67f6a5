// Placeholder until `wardmap rollout` is built: registered so the command list is complete, and
// refuses to run rather than pretend. Replaced by the real subcommand.
#include "cli/subcommands.h"

#include <stdexcept>

namespace cli {

void add_rollout(CLI::App& app, const CommonOptions&, int&) {
    app.add_subcommand("rollout", "Rollout phases: which wards go live when (not built yet)")->callback([] {
        throw std::runtime_error("`wardmap rollout` is not built yet");
    });
}

}  // namespace cli
