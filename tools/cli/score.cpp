// `wardmap score PLAN...`: every plan's scores side by side, on the same wards, with the same rules
// and tables, against the same reference plan.
#include "cli/progress_bar.h"
#include "cli/scoring_options.h"
#include "cli/subcommands.h"
#include "cli/summary.h"

#include <fmt/ostream.h>

#include <iostream>
#include <optional>

namespace cli {
namespace {

struct ScoreCommand {
    std::vector<std::string> plans;
    std::vector<std::string> wards;
    SourceOptions source;
    ScoringOptions scoring;
    std::string csv;
    bool units = false, overwrite = false;
};

void run(ScoreCommand& o, const CommonOptions& common) {
    ProgressBar progress(common.quiet);
    o.source.sources = o.wards;
    const geo::WardSet wards = load_sources(o.source, progress.callback());
    const Scoring scoring = make_scoring(wards, o.scoring);
    std::vector<std::string> names;
    std::vector<geo::PlanScores> scores;
    for (const std::string& path : o.plans) {
        std::string name;
        const geo::Grouping plan = open_grouping(wards, path, &name);
        names.push_back(name);
        scores.push_back(scoring.scorer->score(plan.group_of_unit, plan.groups));
    }
    std::optional<geo::WrittenOutput> written;
    if (!o.csv.empty()) written = write_table(scores_table(names, scores), wards.working_crs, o.csv, o.overwrite);
    if (common.json) {
        nlohmann::json out{{"reference", scoring.reference_path}, {"notes", scoring.notes}, {"plans", nlohmann::json::array()}};
        for (std::size_t p = 0; p < scores.size(); ++p) {
            nlohmann::json plan = scores_json(scores[p], wards);
            plan["plan"] = o.plans[p], plan["name"] = names[p];
            out["plans"].push_back(plan);
        }
        if (written) out["csv"] = written->path;
        print_json(out);
        return;
    }
    fmt::print(common.report(), "{} wards; workload by {}; core retention against {}\n", wards.units.size(), scoring.scorer->setup().demand.name,
               scoring.reference_path);
    for (const std::string& note : scoring.notes) fmt::print(common.report(), "note    {}\n", note);
    print_scores_side_by_side(common.report(), names, scores);
    if (o.units)
        for (std::size_t p = 0; p < scores.size(); ++p) fmt::print(common.report(), "\n{}\n", names[p]), print_unit_scores(common.report(), scores[p]);
    if (written) print_written(common.report(), *written);
}

}  // namespace

void add_score(CLI::App& app, const CommonOptions& common, int& result) {
    auto options = std::make_shared<ScoreCommand>();
    CLI::App* command = app.add_subcommand("score", "Score plans side by side: workload balance, balance, compactness, reach, core retention");
    command->add_option("plan", options->plans, "Plans: CSV plan tables or .wardplan files (default: the bundled 12-BCU plan)");
    command->add_option("--wards", options->wards, "Boundary files the plans are on (default: bundled London 2014 wards)");
    auto* source = command->add_option_group("Source");
    source->add_option("--code-field", options->source.code_field, "Field holding the ward code");
    source->add_option("--parent-field", options->source.parent_field, "Field holding the borough code");
    source->add_option("--s_srs", options->source.source_srs, "CRS of the wards when missing or wrong");
    add_scoring_options(*command, options->scoring);
    command->add_option("--csv", options->csv, "Also write one row per plan, every score, to this CSV");
    command->add_flag("--units", options->units, "Also print each plan's command units");
    command->add_flag("--overwrite", options->overwrite, "Replace the CSV if it exists");
    command->callback([options, &common, &result] {
        if (options->plans.empty()) options->plans.push_back(geo::bundled("datasets/plans/mps-12-bcu-2018.csv"));
        run(*options, common);
        result = 0;
    });
}

}  // namespace cli
