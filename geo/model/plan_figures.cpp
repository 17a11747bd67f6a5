#include "geo/model/plan_figures.h"

#include "geo/core/errors.h"

#include <chrono>

namespace geo {
namespace {

double ms_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

OfficerFigures allocate_plan(const WardSet& wards, const Grouping& grouping, const OfficerRules& rules, const std::vector<MeasureTable>& tables) {
    JoinedMeasures joined = join_measure_tables(wards, grouping, tables);
    return {allocate(wards, grouping, rules, joined.measures), std::move(joined.joins)};
}

RolloutFigures roll_out_plan(const WardSet& wards, const Grouping& grouping, const RolloutRecipe& recipe,
                             const std::vector<MeasureTable>& priority_tables, const Adjacency& adjacency, const Allocation* allocation) {
    RolloutFigures figures;
    figures.made = make_rollout(wards, grouping, recipe, priority_tables, adjacency);
    figures.phases = phase_results(wards, grouping, figures.made.rollout, adjacency, allocation);
    return figures;
}

PlanFigures work_out_figures(const WardSet& wards, const Grouping& grouping, const PlanInputs& inputs, const Adjacency* adjacency,
                             const PlanScorer* scorer) {
    PlanFigures figures;
    figures.officers_error = inputs.officers_error;
    if (inputs.rules && inputs.officers_error.empty()) {
        const auto start = std::chrono::steady_clock::now();
        try {
            OfficerFigures officers = allocate_plan(wards, grouping, *inputs.rules, inputs.tables);
            figures.allocation = std::move(officers.allocation);
            figures.joins = std::move(officers.joins);
        } catch (const Error& error) {
            figures.officers_error = error.what();
        }
        figures.allocation_ms = ms_since(start);
    }
    if (inputs.rollout && adjacency) {
        const auto start = std::chrono::steady_clock::now();
        try {
            RolloutFigures rollout = roll_out_plan(wards, grouping, *inputs.rollout, inputs.priority_tables, *adjacency,
                                                   figures.allocation ? &*figures.allocation : nullptr);
            figures.rollout = std::move(rollout.made.rollout);
            figures.rollout_notes = std::move(rollout.made.notes);
            figures.phases = std::move(rollout.phases);
        } catch (const Error& error) {
            figures.rollout_error = error.what();
        }
        figures.rollout_ms = ms_since(start);
    }
    if (scorer) {
        const auto start = std::chrono::steady_clock::now();
        try {
            figures.scores = scorer->score(grouping.group_of_unit, grouping.groups);
            const ScoringSetup& setup = scorer->setup();
            figures.reference_scores = scorer->score(setup.reference_unit, setup.reference_units);
        } catch (const Error& error) {
            figures.scores_error = error.what();
        }
        figures.scores_ms = ms_since(start);
    }
    return figures;
}

LiveOn live_on(const PlanFigures& figures, Date date) {
    LiveOn live;
    if (!figures.rollout) return live;
    live.ward = live_on(*figures.rollout, date);
    for (std::size_t i = 0; i < live.ward.size(); ++i) live.wards_live += live.ward[i];
    for (const PhaseResult& result : figures.phases)
        if (result.phase.start <= date) live.phase = &result;
    return live;
}

}  // namespace geo
