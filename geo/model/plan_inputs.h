#pragma once
// Everything a plan's figures are worked out from besides the wards and the plan itself: the officer
// rules and the ward tables their pools are weighted by, and the rollout recipe with the table its
// priority reads. Read from files once; the command line works a plan out from them once, the
// planner after every edit (geo/planner/session.h).
#include "geo/candidates/scoring_setup.h"
#include "geo/officers/inputs.h"
#include "geo/rollout/recipe.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace geo {

struct PlanInputs {
    std::optional<OfficerRules> rules;      // none: no officers
    std::vector<MeasureTable> tables;       // the rules' measures
    std::string officers_error;             // the rules or a table could not be read: said instead of officers
    std::optional<RolloutRecipe> rollout;   // none: no rollout
    std::vector<MeasureTable> priority_tables;
    // Nothing was chosen: the bundled MPS rules, tables and SLP tranches, which need not fit other
    // data than London's; their failure is then a note, not an error.
    bool default_officers = false, default_rollout = false;
    // The scores (geo/candidates/scores.h) and the plan retention is measured against (empty: the
    // bundled MPS plan, or the plan itself where that does not fit the wards). Measuring the wards
    // for them takes a second on London's, so it is done once, on the first figures.
    std::optional<ScoringChoice> scoring;
    std::string scoring_reference;
};

// The planner's inputs: rules or tables that cannot be read are kept as officers_error (the window
// opens anyway and says so); a priority table that cannot be read throws InputError, since the
// planner asked for that rollout by name.
PlanInputs read_plan_inputs(const MeasureChoice& measures, const RolloutRecipe& rollout, const std::string& plan_path);

// The scorer of plans over these wards with these inputs; throws geo::Error when it cannot be made.
// `plan` is the plan being worked on: the reference when the bundled one does not fit the wards.
std::shared_ptr<const PlanScorer> make_scorer(const WardSet& wards, const PlanInputs& inputs, const Grouping& plan);

}  // namespace geo
