#include "geo/store/merge_save.h"

#include "geo/core/errors.h"
#include "geo/store/merge.h"
#include "geo/store/stored_plan.h"

#include <fmt/format.h>

namespace geo::store {

namespace {

// My plan merged with the current version (`ahead`) against the version I started from; the merge
// is worked out on the wards like any plan. Empty conflicts: `plan`, `text` and `applied` are set.
struct MergeAttempt {
    PlanFile plan;
    std::string text;
    AppliedPlan applied;
    std::vector<std::string> conflicts;
};

MergeAttempt merge_with(PlanStore& store, const WardSet& wards, const PlanFile& mine, const VersionInfo& ahead,
                        const Progress& progress) {
    const auto [base_info, base_text] = store.load(mine.name, mine.version);
    const auto [their_info, their_text] = store.load(mine.name, ahead.version);
    PlanMerge merge = merge_plans(parse_plan_file(base_text, store.shown()), parse_plan_file(their_text, store.shown()), mine);
    MergeAttempt attempt;
    attempt.conflicts = std::move(merge.conflicts);
    if (!attempt.conflicts.empty()) return attempt;
    merge.merged.version = ahead.version;  // its parent
    merge.merged.author = mine.author;
    merge.merged.status = mine.status;
    // As the planner writes it: one line per ward with its name as a comment.
    attempt.plan = plan_file_from(wards, assignment_from(wards, merge.merged), merge.merged);
    attempt.text = format_plan_file(attempt.plan);
    attempt.applied = apply_plan(wards, plan_from_file(attempt.plan), {}, {}, false, progress);
    return attempt;
}

}  // namespace

MergedSave save_merging(PlanStore& store, const WardSet& wards, const PlanFile& mine, const std::string& text,
                        const AppliedPlan& applied, const Progress& progress) {
    MergedSave out;
    out.plan = mine;
    out.text = text;
    out.saved = store.save(plan_to_save(wards, mine, text, applied), true);
    for (int attempt = 0; out.saved.stale && attempt < 5; ++attempt) {
        MergeAttempt merge;
        try {
            merge = merge_with(store, wards, mine, *out.saved.ahead, progress);
        } catch (const InputError&) {  // the version it started from is not in the store: nothing to merge against
            merge.conflicts.push_back(fmt::format("the version {} you started from is not in the store", mine.version));
        }
        if (!merge.conflicts.empty()) {
            out.conflicts = std::move(merge.conflicts);
            out.saved = store.save(plan_to_save(wards, mine, text, applied));
            return out;
        }
        const VersionInfo ahead = *out.saved.ahead;
        out.saved = store.save(plan_to_save(wards, merge.plan, merge.text, merge.applied), true);
        if (!out.saved.stale) {
            out.merged_with = ahead;
            out.plan = std::move(merge.plan);
            out.text = std::move(merge.text);
        }
    }
    if (out.saved.stale) out.saved = store.save(plan_to_save(wards, mine, text, applied));  // still racing: kept beside
    return out;
}

}  // namespace geo::store
