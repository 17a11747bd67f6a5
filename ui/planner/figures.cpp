#include "ui/planner/figures.h"

#include "geo/core/errors.h"
#include "ui/planner/stopwatch.h"

namespace ui {

namespace {

void allocate(Figures& figures, const FigureInputs& inputs, const geo::UnitSet& wards) {
    figures.allocation.reset();
    figures.joins.clear();
    figures.officers_error = inputs.officers_error;
    if (!inputs.rules || !inputs.officers_error.empty()) return;
    const Stopwatch watch;
    try {
        geo::JoinedMeasures joined = geo::join_measure_tables(wards, figures.grouping, inputs.tables);
        figures.allocation = geo::allocate(wards, figures.grouping, *inputs.rules, joined.measures);
        figures.joins = std::move(joined.joins);
    } catch (const geo::Error& error) {
        figures.officers_error = error.what();
    }
    figures.allocation_ms = watch.ms();
}

void roll_out(Figures& figures, const FigureInputs& inputs, const geo::UnitSet& wards, std::optional<geo::Adjacency>& adjacency) {
    figures.rollout.reset();
    figures.phases.clear();
    figures.rollout_error.clear();
    if (!inputs.make_rollout) return;
    const Stopwatch watch;
    try {
        // Adjacency is of the wards, not the plan: worked out once, on the first rollout.
        if (!adjacency) adjacency = geo::ward_adjacency(wards);
        figures.rollout = inputs.make_rollout(wards, figures.grouping, *adjacency);
        figures.phases = geo::phase_results(wards, figures.grouping, *figures.rollout, *adjacency,
                                            figures.allocation ? &*figures.allocation : nullptr);
    } catch (const geo::Error& error) {
        figures.rollout.reset();
        figures.rollout_error = error.what();
    }
    figures.rollout_ms = watch.ms();
}

}  // namespace

bool refresh_figures(Figures& figures, const FigureInputs& inputs, const geo::UnitSet& wards, const geo::PlanSession& session,
                     std::optional<geo::Adjacency>& adjacency) {
    if (figures.session == &session && figures.revision == session.revision()) return false;
    figures.session = &session;
    figures.revision = session.revision();
    figures.grouping = geo::grouping_of(session.assignment());
    allocate(figures, inputs, wards);
    roll_out(figures, inputs, wards, adjacency);
    return true;
}

LiveOn live_on(const Figures& figures, geo::Date date) {
    LiveOn live;
    if (!figures.rollout) return live;
    live.ward = geo::live_on(*figures.rollout, date);
    for (std::size_t i = 0; i < live.ward.size(); ++i) live.wards_live += live.ward[i];
    for (const geo::PhaseResult& result : figures.phases)
        if (result.phase.start <= date) live.phase = &result;
    return live;
}

}  // namespace ui
