#include "geo/plan/apply.h"

namespace geo {

AppliedPlan apply_grouping(const UnitSet& set, Grouping grouping, const DissolveOptions& options,
                           const Progress& progress) {
    AppliedPlan applied;
    applied.grouping = std::move(grouping);
    if (!set.mapping.parent.empty()) applied.parents = dissolve(set, group_by_parent(set), options, progress);
    applied.groups = dissolve(set, applied.grouping, options, progress);
    return applied;
}

AppliedPlan apply_plan(const UnitSet& set, Plan plan, const CodeChanges& changes, const DissolveOptions& options,
                       const Progress& progress) {
    PlanResolution resolution = resolve_plan(set, plan, changes);
    AppliedPlan applied = apply_grouping(set, resolution.grouping, options, progress);
    applied.plan = std::move(plan);
    applied.resolution = std::move(resolution);
    return applied;
}

}  // namespace geo
