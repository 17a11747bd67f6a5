#pragma once
#include "cli/options.h"

namespace cli {

// Each adds its subcommand; `result` receives the exit code the callback decides on.
void add_info(CLI::App& app, const CommonOptions& common, int& result);
void add_dissolve(CLI::App& app, const CommonOptions& common, int& result);
void add_export(CLI::App& app, const CommonOptions& common, int& result);
void add_validate(CLI::App& app, const CommonOptions& common, int& result);
void add_allocate(CLI::App& app, const CommonOptions& common, int& result);  // cli/allocate.cpp
void add_rollout(CLI::App& app, const CommonOptions& common, int& result);   // cli/rollout.cpp
void add_render(CLI::App& app, const CommonOptions& common, int& result);    // cli/render.cpp
void add_score(CLI::App& app, const CommonOptions& common, int& result);       // cli/score.cpp
void add_candidates(CLI::App& app, const CommonOptions& common, int& result);  // cli/candidates.cpp
void add_ensemble(CLI::App& app, const CommonOptions& common, int& result);    // cli/candidates.cpp
void add_diff(CLI::App& app, const CommonOptions& common, int& result);      // cli/diff.cpp
void add_migrate(CLI::App& app, const CommonOptions& common, int& result);   // cli/migrate.cpp
void add_plan(CLI::App& app, CommonOptions& common, int& result);            // cli/plan.cpp: plan sign-off|propose|log
void add_view(CLI::App& app, const CommonOptions& common, int& result);      // cli/view.cpp
// `wardmap plan save|list|show|load`: the team store's commands, added to `wardmap plan`.
void add_plan_store(CLI::App* plan, const CommonOptions& common, int& result);  // cli/plan_store.cpp

}  // namespace cli
