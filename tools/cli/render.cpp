// `wardmap render`: a print-ready briefing map (or atlas) of a plan. Only wiring: loading and the
// plan are shared with the other subcommands, drawing is render::render_briefing, which the
// planner's "Export map…" calls too.
#include "cli/officer_options.h"
#include "cli/progress_bar.h"
#include "cli/subcommands.h"
#include "cli/summary.h"

#include "geo/model/plan_figures.h"
#include "render/briefing/briefing.h"
#include "render/briefing/date_text.h"

#include <fmt/ostream.h>
#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>

namespace cli {
namespace {

struct RenderCommand {
    SourceOptions source;
    PlanOptions plan;
    MeasureOptions measures;  // theme officers: the rules and tables `allocate` reads
    std::string output, page = "A4", theme = "bcu", title, date, atlas = "none", compare;
    bool landscape = false, borough_labels = false, overwrite = false;
    double dpi = 300;
};

render::BriefingOptions briefing_options(const RenderCommand& command) {
    render::BriefingOptions options;
    options.page.paper = command.page == "A3" ? render::Paper::a3 : render::Paper::a4;
    options.page.landscape = command.landscape;
    options.page.dpi = command.dpi;
    options.theme = command.theme;
    options.title = command.title;
    options.date = command.date.empty() ? render::today_text() : command.date;
    options.borough_labels = command.borough_labels;
    options.atlas = command.atlas == "bcu"     ? render::AtlasKind::command_units
                    : command.atlas == "phase" ? render::AtlasKind::phases
                                               : render::AtlasKind::none;
    options.overwrite = command.overwrite;
    return options;
}

void run(const RenderCommand& command, const CommonOptions& common) {
    ProgressBar progress(common.quiet);
    const geo::WardSet set = load_sources(command.source, progress.callback());
    const geo::AppliedPlan applied = apply_plan_options(set, command.plan, true, progress.callback());
    render::BriefingOptions options = briefing_options(command);
    if (command.theme == "officers") {  // allocated as `wardmap allocate` does, drawn per command unit
        const geo::OfficerRules rules = geo::read_rules_for(command.measures, command.plan.plan);
        const geo::OfficerFigures officers =
            geo::allocate_plan(set, applied.grouping, rules, geo::read_measure_tables(command.measures, &rules, rules.measures_used()));
        options.officers = geo::command_unit_officers_of_unit(officers.allocation, applied.grouping);
    }
    // Theme diff: the plan drawn against the one it replaces, compared as `wardmap diff` does.
    std::optional<geo::PlanResolution> before;
    geo::PlanDiff diff;
    if (!command.compare.empty()) {
        const geo::Plan earlier = read_plan_for(set, command.compare, command.plan.columns);
        before = geo::resolve_plan(set, earlier);
        const geo::WardFigures area_only{{}, {}, {}};
        diff = geo::diff_plans(set, {earlier.name, command.compare, &before->grouping, nullptr},
                               {applied.plan ? applied.plan->name : "", command.plan.plan, &applied.grouping, nullptr}, area_only);
        options.diff = &diff;
        options.compared_with = earlier.name;
    }
    const render::BriefingResult result = render::render_briefing(set, applied, options, command.output);
    std::size_t dropped = 0;
    for (const auto& page : result.pages) dropped += page.labels_dropped;
    if (common.json) {
        nlohmann::json out{{"output", result.path.string()},
                           {"format", render::to_string(result.format)},
                           {"pages", result.pages.size()},
                           {"theme", result.theme.title},
                           {"labels_dropped", dropped},
                           {"hygiene", hygiene_json(plan_hygiene(set, applied))}};
        for (const auto& entry : result.theme.entries) out["legend"].push_back({{"label", entry.label}, {"wards", entry.count}});
        print_json(out);
        return;
    }
    const std::string what = command.atlas == "bcu"     ? "atlas by command unit"
                             : command.atlas == "phase" ? "atlas by rollout phase"
                                                        : fmt::format("theme {}: {} classes", result.theme.title,
                                                                      result.theme.entries.size());
    print_hygiene(common.report(), plan_hygiene(set, applied), 5);
    fmt::print(common.report(), "wrote {} ({}, {} page(s), {}; {} label(s) left out for lack of room)\n", result.path.string(),
               render::to_string(result.format), result.pages.size(), what, dropped);
}

}  // namespace

void add_render(CLI::App& app, const CommonOptions& common, int& result) {
    auto options = std::make_shared<RenderCommand>();
    CLI::App* command = app.add_subcommand("render", "Briefing map of a plan as PDF, SVG or PNG (format from -o), or an atlas PDF");
    add_source_options(*command, options->source);
    add_plan_options(*command, options->plan, true);
    command->add_option("-o,--output", options->output, "Output file: .pdf, .svg or .png")->required();
    command->add_option("--page", options->page, "Paper size")->check(CLI::IsMember({"A4", "A3"}))->capture_default_str();
    command->add_flag("--landscape", options->landscape, "Landscape page (default portrait)");
    command->add_option("--dpi", options->dpi, "PNG resolution in dots per inch")
        ->check(CLI::Range(30.0, 1200.0))->capture_default_str();
    command->add_option("--theme", options->theme, "Fills: bcu, phase, officers, diff (with --compare), or a field of the units (numeric: choropleth)")
        ->capture_default_str();
    command->add_option("--title", options->title, "Title (default from the theme)");
    command->add_option("--compare", options->compare, "Theme diff: the earlier plan; wards that move between it and --plan are hatched in their new unit's colour");
    command->add_option("--date", options->date, "Date shown in the subtitle (default today)");
    command->add_flag("--borough-labels", options->borough_labels, "Label the boroughs too");
    command->add_option("--atlas", options->atlas, "PDF with one page per command unit (bcu) or rollout phase (phase)")
        ->check(CLI::IsMember({"none", "bcu", "phase"}))->capture_default_str();
    command->add_flag("--overwrite", options->overwrite, "Replace the output if it exists");
    add_measure_options(*command, options->measures);
    command->callback([options, &common, &result] {
        run(*options, common);
        result = 0;
    });
}

}  // namespace cli
