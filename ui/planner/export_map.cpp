#include "ui/planner/export_map.h"

#include "geo/core/errors.h"
#include "render/briefing/briefing.h"
#include "render/briefing/date_text.h"
#include "ui/planner/stopwatch.h"

namespace ui {

geo::AppliedPlan applied_plan(const Planner& planner) {
    const geo::PlanSession& session = *planner.document.session;
    geo::Plan plan;
    plan.name = planner.document.meta.name;
    plan.path = planner.document.path;
    plan.units = session.assignment().units;
    geo::AppliedPlan applied = geo::apply_grouping(planner.wards, geo::grouping_of(session.assignment()), {}, true);
    applied.plan = std::move(plan);
    return applied;
}

std::string export_map(const Planner& planner, const std::string& path, const std::string& theme) {
    const Stopwatch watch;
    render::BriefingOptions options;
    options.theme = theme;
    options.overwrite = true;
    options.date = render::today_text();
    if (theme == "officers") {  // the Officers panel's allocation, drawn per command unit as `wardmap render` does
        const Figures& figures = planner.figures;
        if (!figures.allocation)
            throw geo::InputError("", "theme officers", "there is no allocation to draw: " + figures.officers_error,
                                  "Give the tables the officer rules need (wardmap view --crime/--population), or choose another theme.");
        options.officers = geo::command_unit_officers_of_unit(*figures.allocation, figures.grouping);
    }
    // A4 portrait at 300 dpi, as `wardmap render` without options; London is taller than wide.
    const render::BriefingResult result = render::render_briefing(planner.wards, applied_plan(planner), options, path);
    return "Exported map " + result.path.string() + " (" + render::to_string(result.format) + ", " + std::to_string(result.pages.size()) +
           " page(s), " + result.theme.title + ") in " + std::to_string(static_cast<int>(watch.ms())) + " ms";
}

}  // namespace ui
