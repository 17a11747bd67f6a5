#include "ui/planner/export_map.h"

#include "geo/core/errors.h"
#include "render/briefing/briefing.h"
#include "render/briefing/date_text.h"
#include "ui/planner/stopwatch.h"

namespace ui {

geo::AppliedPlan applied_plan(const Planner& planner) {
    geo::AppliedPlan applied = planner.document.session->applied();
    applied.plan->name = planner.document.meta.name;
    applied.plan->path = planner.document.path;
    return applied;
}

std::string export_map(const Planner& planner, const std::string& path, const std::string& theme) {
    const Stopwatch watch;
    render::BriefingOptions options;
    options.theme = theme;
    options.overwrite = true;
    options.date = render::today_text();
    if (theme == "officers") {  // the Officers panel's allocation, drawn per command unit as `wardmap render` does
        const geo::PlanFigures& figures = planner.document.session->figures();
        if (!figures.allocation)
            throw geo::InputError("", "theme officers", "there is no allocation to draw: " + figures.officers_error,
                                  "Give the tables the officer rules need (wardmap view --crime/--population), or choose another theme.");
        options.officers = geo::command_unit_officers_of_unit(*figures.allocation, geo::grouping_of(planner.document.session->assignment()));
    }
    // A4 portrait at 300 dpi, as `wardmap render` without options; London is taller than wide.
    const render::BriefingResult result = render::render_briefing(planner.wards, applied_plan(planner), options, path);
    return "Exported map " + result.path.string() + " (" + render::to_string(result.format) + ", " + std::to_string(result.pages.size()) +
           " page(s), " + result.theme.title + ") in " + std::to_string(static_cast<int>(watch.ms())) + " ms";
}

}  // namespace ui
