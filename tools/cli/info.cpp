#include "cli/progress_bar.h"
#include "cli/subcommands.h"
#include "cli/summary.h"

#include "geo/hygiene/coverage_check.h"

#include <fmt/format.h>
#include <fmt/ostream.h>
#include <iostream>
#include <memory>

namespace cli {

void add_info(CLI::App& app, const CommonOptions& common, int& result) {
    auto source = std::make_shared<SourceOptions>();
    auto tolerance = std::make_shared<double>(5.0);
    CLI::App* command = app.add_subcommand("info", "Layers, fields, CRS, counts, validity, gaps and overlaps of boundary sources");
    add_source_options(*command, *source);
    command->add_option("--gap-tolerance", *tolerance, "Gaps and overlaps under this many m² are not listed")->capture_default_str();
    command->callback([source, tolerance, &common, &result] {
        ProgressBar progress(common.quiet);
        const geo::WardSet set = load_sources(*source, progress.callback());
        const geo::CoverageCheck coverage = geo::check_coverage(set, *tolerance, progress.callback());
        geo::HygieneReport hygiene = set.hygiene;
        hygiene.append(coverage.report);
        if (common.json) {
            nlohmann::json out = sources_json(set);
            out["hygiene"] = hygiene_json(hygiene);
            out["coverage"] = {{"area_m2", coverage.covered_area}, {"units_area_m2", coverage.units_area},
                               {"gaps", coverage.gaps}, {"overlaps", coverage.overlaps}};
            print_json(out);
        } else {
            print_sources(common.report(), set);
            fmt::print(common.report(), "{} units; area {:.3f} km² in all; {} gap(s) and {} overlap(s) over {} m²\n",
                       set.units.size(), coverage.units_area / 1e6, coverage.gaps, coverage.overlaps, *tolerance);
            print_hygiene(common.report(), hygiene);
        }
        result = 0;
    });
}

}  // namespace cli
