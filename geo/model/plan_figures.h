#pragma once
// The officers and the rollout of a plan, worked out one way for every front end: `wardmap allocate`
// and `wardmap rollout` call the parts, the planner keeps the whole current after every edit.
#include "geo/model/plan_inputs.h"
#include "geo/officers/allocation.h"
#include "geo/rollout/phase_results.h"

#include <optional>
#include <string>
#include <vector>

namespace geo {

struct OfficerFigures {
    Allocation allocation;
    std::vector<JoinResult> joins;  // how each table joined to the plan's wards
};

// Joins the tables to the wards the grouping puts in the plan and allocates. Throws geo::Error.
OfficerFigures allocate_plan(const WardSet& wards, const Grouping& grouping, const OfficerRules& rules,
                             const std::vector<MeasureTable>& tables);

struct RolloutFigures {
    MadeRollout made;
    std::vector<PhaseResult> phases;
};

// Makes the rollout and what each phase means (officers needed when an allocation is given).
// Throws geo::Error.
RolloutFigures roll_out_plan(const WardSet& wards, const Grouping& grouping, const RolloutRecipe& recipe,
                             const std::vector<MeasureTable>& priority_tables, const Adjacency& adjacency,
                             const Allocation* allocation);

// Both, as the planner shows them: what cannot be worked out is said, never thrown.
struct PlanFigures {
    std::optional<Allocation> allocation;
    std::vector<JoinResult> joins;
    std::string officers_error;  // why there is no allocation
    std::optional<Rollout> rollout;
    std::vector<PhaseResult> phases;
    std::vector<std::string> rollout_notes;
    std::string rollout_error;   // why there is no rollout
    std::optional<PlanScores> scores, reference_scores;
    std::string scores_error;    // why there are no scores
    double allocation_ms = 0, rollout_ms = 0, scores_ms = 0;
};

// `adjacency` is needed only when the inputs have a rollout, `scorer` for scores.
PlanFigures work_out_figures(const WardSet& wards, const Grouping& grouping, const PlanInputs& inputs, const Adjacency* adjacency,
                             const PlanScorer* scorer = nullptr);

// What is live on `date`: the last phase started by then (nullptr: none yet) and per ward.
struct LiveOn {
    const PhaseResult* phase = nullptr;
    std::vector<bool> ward;
    std::size_t wards_live = 0;
};
LiveOn live_on(const PlanFigures& figures, Date date);

}  // namespace geo
