#include "cli/progress_bar.h"
#include "cli/subcommands.h"
#include "cli/summary.h"

#include <fmt/ostream.h>
#include <iostream>
#include <memory>

namespace cli {
namespace {

struct DissolveCommand {
    SourceOptions source;
    PlanOptions plan;
    OutputOptions output;
};

void run(const DissolveCommand& options, const CommonOptions& common) {
    ProgressBar progress(common.quiet);
    const geo::WardSet set = load_sources(options.source, progress.callback());
    const geo::AppliedPlan applied = apply_plan_options(set, options.plan, geo::writes_parents(options.output), progress.callback());
    const geo::WrittenOutput written = geo::write_plan(set, applied, styled_output(options.output, set, applied), progress.callback());
    const geo::HygieneReport hygiene = plan_hygiene(set, applied);
    if (common.json) {
        nlohmann::json out = plan_json(set, applied);
        out["units"] = set.units.size();
        out["hygiene"] = hygiene_json(hygiene);
        out["output"] = written_json(written);
        note_renamed(written);
        print_json(out);
        return;
    }
    fmt::print(common.report(), "{} units from {} file(s) in {}\n", set.units.size(), set.sources.size(), set.working_crs.label);
    print_plan(common.report(), set, applied);
    print_hygiene(common.report(), hygiene);
    print_written(common.report(), written);
}

void add(CLI::App& app, const CommonOptions& common, int& result, const char* name, const char* help, bool format_required) {
    auto options = std::make_shared<DissolveCommand>();
    CLI::App* command = app.add_subcommand(name, help);
    add_source_options(*command, options->source);
    add_plan_options(*command, options->plan, true);
    add_output_options(*command, options->output, format_required);
    command->callback([options, &common, &result] {
        run(*options, common);
        result = 0;
    });
}

}  // namespace

void add_dissolve(CLI::App& app, const CommonOptions& common, int& result) {
    add(app, common, result, "dissolve", "Merge units into command units (--plan) or groups (--by); format from -o", false);
}

void add_export(CLI::App& app, const CommonOptions& common, int& result) {
    add(app, common, result, "export", "Write units, parents and command units of a plan in a format other systems read", true);
}

}  // namespace cli
