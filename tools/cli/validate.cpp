#include "cli/exit_codes.h"
#include "cli/progress_bar.h"
#include "cli/subcommands.h"
#include "cli/summary.h"

#include "geo/validate/validate.h"

#include <fmt/ostream.h>
#include <iostream>
#include <memory>

namespace cli {

void add_validate(CLI::App& app, const CommonOptions& common, int& result) {
    struct ValidateCommand {
        SourceOptions source;
        PlanOptions plan;
        geo::ValidateOptions checks;
        double max_deviation = -1;
    };
    auto options = std::make_shared<ValidateCommand>();
    CLI::App* command = app.add_subcommand("validate", "Check a plan: coverage, contiguity, whole parents, balance");
    add_source_options(*command, options->source);
    add_plan_options(*command, options->plan, false);
    command->add_option("--balance", options->checks.balance_fields, "Numeric field to balance across command units (repeatable)");
    command->add_option("--max-deviation", options->max_deviation, "Imbalance beyond ±PCT of the mean is an error")
        ->check(amount_not_below_zero);
    command->callback([options, &common, &result] {
        ProgressBar progress(common.quiet);
        const geo::WardSet set = load_sources(options->source, progress.callback());
        const geo::AppliedPlan applied = apply_plan_options(set, options->plan, false, progress.callback());
        geo::ValidateOptions checks = options->checks;
        if (options->max_deviation >= 0) checks.max_deviation_pct = options->max_deviation;
        const geo::ValidationReport report = geo::validate_plan(set, *applied.resolution, applied.groups, checks);
        if (common.json) {
            nlohmann::json out = findings_json(report);
            out["plan"] = plan_json(set, applied)["plan"];
            print_json(out);
        } else {
            print_plan(common.report(), set, applied);
            print_findings(common.report(), report);
        }
        result = report.errors() ? exit_code::validation_failed : exit_code::ok;
    });
}

}  // namespace cli
