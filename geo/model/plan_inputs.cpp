#include "geo/model/plan_inputs.h"

#include "geo/core/errors.h"

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
    return inputs;
}

}  // namespace geo
