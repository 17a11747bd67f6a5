#include "geo/plan/apply.h"

namespace geo {

AppliedPlan apply_grouping(const WardSet& set, Grouping grouping, const DissolveOptions& options, bool with_parents,
                           const Progress& progress) {
    AppliedPlan applied;
    applied.grouping = std::move(grouping);
    if (with_parents && !set.mapping.parent.empty()) {
        const Grouping by_parent = group_by_parent(set);
        applied.parents = dissolve(set, by_parent, options, progress);
        applied.groups = dissolve(set, applied.grouping, options, progress, &by_parent, &applied.parents);
    } else {
        applied.groups = dissolve(set, applied.grouping, options, progress);
    }
    return applied;
}

AppliedPlan apply_plan(const WardSet& set, Plan plan, const CodeChanges& changes, const DissolveOptions& options,
                       bool with_parents, const Progress& progress) {
    PlanResolution resolution = resolve_plan(set, plan, changes);
    AppliedPlan applied = apply_grouping(set, resolution.grouping, options, with_parents, progress);
    applied.plan = std::move(plan);
    applied.resolution = std::move(resolution);
    return applied;
}

}  // namespace geo
