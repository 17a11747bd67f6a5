#pragma once
// The whole job of a plan on a set of units: resolve it, dissolve parents and command units.
// Shared by every front end (CLI subcommands, the planner window) so they agree on what a plan means.
#include "geo/dissolve/dissolve.h"
#include "geo/plan/resolve.h"

#include <optional>

namespace geo {

struct AppliedPlan {
    std::optional<Plan> plan;                    // absent when grouping by a field
    std::optional<PlanResolution> resolution;
    Grouping grouping;                           // command units, or the --by groups
    DissolveResult parents;                      // empty when the units have no parent field
    DissolveResult groups;
};

// with_parents: also dissolve the parents (boroughs). Command units made of whole parents are then
// merged from the parents' shapes, which have far fewer edges left to cancel.
AppliedPlan apply_plan(const WardSet& set, Plan plan, const CodeChanges& changes, const DissolveOptions& options,
                       bool with_parents, const Progress& progress = {});
AppliedPlan apply_grouping(const WardSet& set, Grouping grouping, const DissolveOptions& options, bool with_parents,
                           const Progress& progress = {});

}  // namespace geo
