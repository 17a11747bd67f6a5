#include "geo/model/plan_inputs.h"

#include "geo/core/bundled.h"
#include "geo/core/errors.h"
#include "geo/planner/plan_file.h"

namespace geo {

PlanInputs read_plan_inputs(const MeasureChoice& measures, const RolloutRecipe& rollout, const std::string& plan_path) {
    PlanInputs inputs;
    try {
        inputs.rules = read_rules_for(measures, plan_path);
        inputs.tables = read_measure_tables(measures, &*inputs.rules, inputs.rules->measures_used());
    } catch (const Error& error) {
        inputs.officers_error = error.what();
    }
    const OfficerRules* rules = inputs.rules ? &*inputs.rules : nullptr;
    inputs.priority_tables = read_priority_tables(rollout, measures, rules);
    inputs.rollout = rollout;
    // Rules beside the plan are the planner's own, so only the bundled ones with no table named count.
    inputs.default_officers = rules && bundled_rules(*rules) && !measures.names_a_table();
    inputs.default_rollout = rollout.bundled_tranches();
    inputs.scoring = ScoringChoice{};
    inputs.scoring->measures = measures;
    return inputs;
}

std::shared_ptr<const PlanScorer> make_scorer(const WardSet& wards, const PlanInputs& inputs, const Grouping& plan) {
    if (!inputs.scoring) return nullptr;
    Grouping reference;
    std::string reference_path = inputs.scoring_reference;
    try {
        reference = grouping_of(open_plan(wards, reference_path.empty() ? bundled("datasets/plans/mps-12-bcu-2018.csv") : reference_path));
    } catch (const InputError&) {
        if (!reference_path.empty()) throw;
        reference = plan;  // the bundled plan is London's: elsewhere the plan is measured against itself as opened
    }
    ScoringSources sources = read_scoring_sources(wards, reference, *inputs.scoring, reference_path);
    return std::make_shared<const PlanScorer>(wards, ward_facts(wards), std::move(sources.setup));
}

}  // namespace geo
