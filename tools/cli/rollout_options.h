#pragma once
// The rollout recipe (geo/rollout/recipe.h) as command-line options, shared by `wardmap rollout`
// and `wardmap view`.
#include "cli/officer_options.h"
#include "geo/rollout/recipe.h"

namespace cli {

using RolloutOptions = geo::RolloutRecipe;

void add_generator_options(CLI::App& command, RolloutOptions& options);

}  // namespace cli
