#include "ui/planner/comparison.h"

#include "geo/compare/ward_figures.h"
#include "geo/core/errors.h"
#include "geo/geos/rings.h"
#include "geo/planner/plan_at_version.h"
#include "ui/planner/stopwatch.h"

#include <fmt/format.h>

namespace ui {

namespace {

// The plan as `wardmap diff` reads PLAN or PLAN@N, with a label saying which.
geo::Assignment other_plan(const geo::WardSet& wards, const Document& document, const std::string& argument, Comparison& comparison) {
    if (argument.empty()) {
        const std::string saved = document.path.empty() ? document.source : document.path;
        if (saved.empty()) throw geo::InputError("", "Compare with the saved plan", "this plan has never been saved", "Save it first, or compare with a file.");
        geo::PlanFile meta;
        geo::Assignment assignment = geo::open_plan(wards, saved, &meta);
        comparison.label = "the saved plan (" + saved + ")";
        comparison.name = meta.name;
        return assignment;
    }
    const geo::VersionedPath at = geo::versioned_path(argument);
    if (!at.version) {
        geo::PlanFile meta;
        geo::Assignment assignment = geo::open_plan(wards, at.path, &meta);
        comparison.label = at.path;
        comparison.name = meta.name;
        return assignment;
    }
    const geo::PlanFile plan = geo::plan_at_version(geo::read_plan_file(at.path), *at.version);
    comparison.label = fmt::format("{} version {}", at.path, *at.version);
    comparison.name = plan.name;
    return geo::assignment_from(wards, plan);
}

std::vector<MovedOutline> outlines_of(const geo::WardSet& wards, const geo::PlanDiff& diff) {
    std::vector<MovedOutline> outlines;
    for (const geo::Move& move : diff.moves)
        for (std::size_t w : move.wards) {
            MovedOutline outline{{}, move.to_code};
            for (const std::vector<double>& xy : geo::geos::rings_xy(*wards.units[w].shape)) {
                std::vector<WorldPoint>& points = outline.rings.emplace_back();
                for (std::size_t i = 0; i + 1 < xy.size(); i += 2) points.push_back({xy[i], xy[i + 1]});
            }
            outlines.push_back(std::move(outline));
        }
    return outlines;
}

}  // namespace

Comparison open_comparison(const geo::WardSet& wards, const Document& document, const std::string& argument) {
    Comparison comparison;
    comparison.other = geo::grouping_of(other_plan(wards, document, argument, comparison));
    if (const geo::PlanInputs* inputs = document.inputs.get()) {
        // The figures `wardmap diff` gives: crime and population as the rules' tables join them.
        comparison.figures = geo::ward_figures(wards, inputs->tables);
        if (inputs->rules) {
            try {
                comparison.other_officers = geo::allocate_plan(wards, comparison.other, *inputs->rules, inputs->tables).allocation;
            } catch (const geo::Error&) {
                // No officers for it: the moves are still listed, without posts (as the planner's own panel says why).
            }
        }
    } else {
        comparison.figures = geo::ward_figures(wards, {});
    }
    return comparison;
}

bool update_comparison(Comparison& comparison, const geo::WardSet& wards, const geo::PlanSession& session,
                       const geo::LatestFigures& figures) {
    if (comparison.worked_out && comparison.revision == session.revision() && comparison.figures_revision == figures.revision) return false;
    Stopwatch watch;
    const geo::Grouping now = geo::grouping_of(session.assignment());
    // This plan's officers only when they are of this revision: the ward posts moved must be of the plan shown.
    const geo::Allocation* officers =
        figures.figures && figures.current && figures.figures->allocation ? &*figures.figures->allocation : nullptr;
    comparison.diff = geo::diff_plans(wards, {comparison.name, comparison.label, &comparison.other, comparison.other_officers ? &*comparison.other_officers : nullptr},
                                      {"this plan", "", &now, officers}, comparison.figures);
    comparison.outlines = outlines_of(wards, comparison.diff);
    comparison.revision = session.revision();
    comparison.figures_revision = figures.revision;
    comparison.worked_out = true;
    comparison.diff_ms = watch.ms();
    return true;
}

}  // namespace ui
