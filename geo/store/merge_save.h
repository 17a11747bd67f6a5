#pragma once
// A save that someone else's overtook, made good: my moves put on top of the version now current
// (merge.h, against the version I started from) and saved as the next version, unless a ward was
// moved by both; then mine is kept beside it, not current, and the conflicts say which wards.
// What `wardmap plan save --merge` and the planner's Merge button both do.
#include "geo/core/progress.h"
#include "geo/plan/apply.h"
#include "geo/planner/plan_file.h"
#include "geo/store/plan_store.h"

#include <optional>
#include <string>
#include <vector>

namespace geo::store {

struct MergedSave {
    SaveResult saved;
    std::optional<VersionInfo> merged_with;  // my moves were saved on top of this version
    std::vector<std::string> conflicts;      // why nothing was merged (mine then kept beside)
    PlanFile plan;                           // what was saved: the merge when merged, else mine
    std::string text;
};

// `mine` started from its version (plan.version) and is `applied` on `wards`; `text` is its plan
// file. Saved on top of the current version when nobody saved since; else merged as above (tried
// again if yet another save comes in meanwhile).
MergedSave save_merging(PlanStore& store, const WardSet& wards, const PlanFile& mine, const std::string& text,
                        const AppliedPlan& applied, const Progress& progress = {});

}  // namespace geo::store
