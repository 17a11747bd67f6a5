// `wardmap candidates`: every grouping of whole boroughs into k command units that meets the rules,
// counted exactly and scored (all of them, or a uniform sample when there are too many), the best
// and the Pareto front written as plans the planner opens, and the reference plan placed among them.
#include "cli/progress_bar.h"
#include "cli/scoring_options.h"
#include "cli/subcommands.h"
#include "cli/summary.h"
#include "geo/candidates/candidate_outputs.h"
#include "geo/candidates/candidate_ranking.h"
#include "geo/candidates/search.h"
#include "geo/core/errors.h"
#include "geo/core/wording.h"
#include "render/charts/ensemble_figure.h"

#include <cctype>
#include <filesystem>

#include <fmt/ostream.h>
#include <fmt/ranges.h>

#include <iostream>

namespace cli {
namespace {

struct CandidatesCommand {
    SourceOptions source;
    ScoringOptions scoring;
    geo::CandidateRules rules;
    geo::SearchOptions search;
    std::string unit = "borough", output;
    std::vector<std::string> balance;
    bool overwrite = false;
    CLI::Option* min_parents = nullptr;  // given on the command line: ward candidates then keep them
    CLI::Option* max_parents = nullptr;

    bool wards() const { return unit == "ward"; }
};

geo::BalanceLimit balance_limit(const std::string& text) {
    const auto equals = text.find('=');
    std::string number = equals == std::string::npos ? "" : text.substr(equals + 1);
    if (!number.empty() && number.back() == '%') number.pop_back();
    try {
        std::size_t used = 0;
        const double percent = std::stod(number, &used);
        if (used == number.size() && percent >= 0 && equals > 0) return {text.substr(0, equals), percent};
    } catch (const std::exception&) {
    }
    throw geo::InputError("", "--balance " + text, "is not MEASURE=PERCENT", "Write e.g. --balance crime=10% (each unit within 10% of the mean).");
}

std::string describe(const CandidatesCommand& o, const geo::CandidateSearch* search = nullptr) {
    std::string text;
    if (!o.wards()) {
        text = fmt::format("{} units of {} to {} whole boroughs", o.rules.units, o.rules.min_parents, o.rules.max_parents);
    } else {
        text = fmt::format("{} units of wards", o.rules.units);
        if (o.rules.parent_sizes) text += fmt::format(", each touching {} to {} boroughs", o.rules.min_parents, o.rules.max_parents);
        if (o.rules.keep_all_whole) text += ", boroughs kept whole";
        else if (!o.rules.keep_whole.empty()) text += fmt::format(", kept whole: {}", fmt::join(o.rules.keep_whole, ", "));
    }
    const auto& balance = search && o.wards() ? search->balance_used : o.rules.balance;
    for (const geo::BalanceLimit& limit : balance) text += fmt::format(", {} within {}% of the mean", limit.measure, limit.percent);
    if (!o.rules.locks.empty()) {
        std::string locks;
        for (const std::string& code : o.rules.locks) locks += (locks.empty() ? "" : ", ") + code;
        text += ", locked: " + locks;
    }
    return text;
}

using geo::with_commas;

nlohmann::json search_json(const geo::CandidateSearch& search, const geo::WardSet& wards, const geo::CandidateFiles* files) {
    nlohmann::json out{{"valid", search.valid}, {"exhaustive", search.exhaustive}, {"scored", search.scored},
                       {"count_seconds", search.count_seconds}, {"score_seconds", search.score_seconds}};
    out["method"] = search.chain ? "recom" : search.exhaustive ? "all" : "uniform_sample";
    if (search.chain) {
        out["chain_steps"] = search.chain_steps, out["chain_accepted"] = search.chain_accepted, out["distinct"] = search.distinct;
        nlohmann::json dropped = nlohmann::json::object(), balance = nlohmann::json::object();
        for (const auto& [rule, count] : search.dropped) dropped[rule] = count;
        for (const geo::BalanceLimit& limit : search.balance_used) balance[limit.measure] = limit.percent;
        out["left_out"] = dropped, out["balance"] = balance, out["balanced_start"] = search.balanced_start;
    }
    if (search.valid == 0) out["explanation"] = search.explanation;
    nlohmann::json best = nlohmann::json::array();
    for (const geo::Candidate& c : search.best) {
        nlohmann::json one = scores_json(c.scores, wards);
        one["rank"] = c.rank, one["pareto"] = c.pareto;
        best.push_back(one);
    }
    out["best"] = best;
    out["pareto"] = search.pareto.size();
    if (search.reference) {
        nlohmann::json reference = scores_json(search.reference->scores, wards);
        reference["meets_rules"] = search.reference_valid;
        if (!search.reference_valid) reference["breaks"] = search.reference_breaks;
        nlohmann::json percentiles;
        for (std::size_t c = 0; c < search.reference_percentile.size(); ++c) percentiles[geo::score_columns()[c].key] = search.reference_percentile[c];
        reference["percentile"] = percentiles;
        reference["rank"] = search.reference_rank;
        out["reference"] = reference;
    }
    if (files) out["files"] = {{"plans", files->plans}, {"csv", files->csv}, {"geopackage", files->geopackage}};
    return out;
}

// How the plans were found: counted and scored (whole boroughs), or drawn by the chain (wards).
// False when none meets the rules (said).
bool print_how_found(std::ostream& out, const geo::CandidateSearch& search, const CandidatesCommand& o) {
    if (!search.chain) {
        if (search.valid == 0) {
            fmt::print(out, "No grouping meets the rules:\n  {}\n", search.explanation);
            return false;
        }
        fmt::print(out, "Valid groupings: {} (counted exactly in {:.2f} s)\n", with_commas(search.valid), search.count_seconds);
        if (search.exhaustive)
            fmt::print(out, "Scored: all {} in {:.1f} s\n", with_commas(search.scored), search.score_seconds);
        else
            fmt::print(out, "Scored: a uniform sample of {} (seed {}) in {:.1f} s: more than --exhaustive-limit {} to score one by one\n",
                       with_commas(search.scored), o.search.seed, search.score_seconds, with_commas(o.search.exhaustive_limit));
        return true;
    }
    if (o.rules.balance.empty())
        fmt::print(out, "note    no --balance given: each unit's {} is kept within the reference plan's own worst deviation, {}%\n",
                   search.balance_used.front().measure, search.balance_used.front().percent);
    if (search.balanced_start)
        fmt::print(out, "note    the reference breaks the balance ({}): the chains start from the nearest plan that meets it\n", search.reference_breaks);
    const std::size_t chains = std::max<std::size_t>(o.search.chains, 1);
    fmt::print(out, "ReCom: {} chain(s) of {} steps (seed {}; the first {} of each left out, then one plan every {} steps); {:.0f}% of steps re-split their units\n",
               chains, with_commas(search.chain_steps / chains), o.search.seed, with_commas(o.search.burn_in), o.search.thin,
               search.chain_steps ? 100.0 * static_cast<double>(search.chain_accepted) / static_cast<double>(search.chain_steps) : 0.0);
    std::size_t drawn = search.valid;
    for (const auto& [rule, count] : search.dropped) drawn += count;
    fmt::print(out, "Plans drawn: {}; meeting every rule: {} ({} different), drawn and scored in {:.1f} s\n", with_commas(drawn), with_commas(search.valid),
               with_commas(search.distinct), search.score_seconds);
    for (const auto& [rule, count] : search.dropped) fmt::print(out, "  left out {}: {}\n", with_commas(count), rule);
    if (search.valid == 0) {
        fmt::print(out, "No plan drawn meets the rules:\n  {}\n", search.explanation);
        return false;
    }
    return true;
}

// What a candidate changes: its units whose boroughs differ from the reference's, or (ward
// candidates) how many wards are in another unit.
std::string what_differs(const geo::CandidateSearch& search, const geo::Candidate& c) {
    if (!search.reference) return "";
    if (search.chain) return fmt::format("{} wards in another unit", c.scores.moved_wards.size());
    std::string changed;
    for (const std::string& code : geo::units_that_differ(c, *search.reference)) {
        const auto u = static_cast<std::size_t>(
            std::find_if(c.units.begin(), c.units.end(), [&](const geo::GroupInfo& g) { return g.code == code; }) - c.units.begin());
        std::string boroughs;
        for (geo::NodeSet g = c.groups[u]; g; g &= g - 1)
            boroughs += (boroughs.empty() ? "" : "+") + search.graph.names[static_cast<std::size_t>(std::countr_zero(g))].substr(0, 4);
        changed += (changed.empty() ? "" : " ") + c.units[u].code + "=" + boroughs;
    }
    return changed.size() > 100 ? changed.substr(0, 99) + "…" : changed;
}

void print_search(std::ostream& out, const geo::CandidateSearch& search, const CandidatesCommand& o, const Scoring& scoring) {
    const geo::ScoreColumn& rank = geo::score_column(o.search.rank_by);
    if (search.chain) {
        const auto wards = std::count_if(search.reference->unit_of_ward.begin(), search.reference->unit_of_ward.end(), [](int u) { return u >= 0; });
        fmt::print(out, "{} wards in {}; rules: {}\n", wards, scoring.reference_path, describe(o, &search));
    } else {
        fmt::print(out, "{} boroughs in {}; rules: {}\n", search.graph.codes.size(), scoring.reference_path, describe(o));
    }
    for (const std::string& note : scoring.notes) fmt::print(out, "note    {}\n", note);
    if (!print_how_found(out, search, o)) return;
    fmt::print(out, "Ranked by {} ({}); Pareto front over workload, compactness, reach and retention: {} plan(s)\n\n", rank.label,
               rank.lower_is_better ? "lower is better" : "higher is better", search.pareto.size());
    fmt::print(out, "  {:>4} {:>7} {:>9} {:>7} {:>8} {:>8} {:>9}  {}\n", "rank", "pareto", "workload", "PP", "reach", "retain", "crime dev",
               search.chain ? "change from the reference" : "units that differ from the reference");
    for (const geo::Candidate& c : search.best)
        fmt::print(out, "  {:>4} {:>7} {:>9.3f} {:>7.3f} {:>5.2f} km {:>7.1f}% {:>8.1f}%  {}\n", c.rank, c.pareto ? "yes" : "", c.scores.workload_ratio,
                   c.scores.polsby_popper_mean, c.scores.reach_mean_km, 100 * c.scores.retained_population, c.scores.max_deviation_pct[0],
                   what_differs(search, c));
    if (!search.reference) return;
    fmt::print(out, "\nThe reference plan {}: {}\n", scoring.reference_path,
               search.reference_valid ? "meets the rules" : "does not meet the rules: " + search.reference_breaks);
    fmt::print(out, "  rank by {}: {}{} of {}{}\n", rank.key, search.exhaustive ? "" : "about ", with_commas(static_cast<std::uint64_t>(search.reference_rank)),
               with_commas(search.valid), search.chain ? " drawn" : "");
    fmt::print(out, "  {:<40} {:>12} {:>12}\n", "score", "reference", "percentile");
    for (std::size_t c = 0; c < search.reference_percentile.size(); ++c) {
        const geo::ScoreColumn& column = geo::score_columns()[c];
        fmt::print(out, "  {:<40} {:>12.3f} {:>11.1f}%\n", std::string(column.label) + (column.lower_is_better ? " ↓" : " ↑"), column.of(search.reference->scores),
                   search.reference_percentile[c]);
    }
    fmt::print(out, "  (percentile: the share of {} plans that score no better than the reference, equal ones included)\n",
               search.exhaustive ? "all valid" : search.chain ? "the drawn" : "the sampled");
}

// The rules as the chosen unit reads them, then the search.
geo::CandidateSearch find_candidates(CandidatesCommand& o, const Scoring& scoring, const geo::Progress& progress) {
    // Ward candidates keep boroughs per unit only when asked: the chain moves wards across borough lines.
    if (o.wards()) o.rules.parent_sizes = (o.min_parents && o.min_parents->count() > 0) || (o.max_parents && o.max_parents->count() > 0);
    const auto all = std::find(o.rules.keep_whole.begin(), o.rules.keep_whole.end(), "all");  // --keep-whole all
    if (all != o.rules.keep_whole.end()) o.rules.keep_all_whole = true, o.rules.keep_whole.erase(all);
    return geo::search_candidates(*scoring.scorer, o.unit, o.rules, o.search, progress);
}

void run(CandidatesCommand& o, const CommonOptions& common) {
    ProgressBar progress(common.quiet);
    const geo::WardSet wards = load_sources(o.source, progress.callback());
    const Scoring scoring = make_scoring(wards, o.scoring);
    const geo::CandidateSearch search = find_candidates(o, scoring, progress.callback());
    std::optional<geo::CandidateFiles> files;
    if (!o.output.empty() && search.valid > 0) files = geo::write_candidates(o.output, *scoring.scorer, search, describe(o, &search), o.overwrite);
    if (common.json) {
        print_json(search_json(search, wards, files ? &*files : nullptr));
    } else {
        print_search(common.report(), search, o, scoring);
        if (files) fmt::print(common.report(), "\nwrote {} plan files, {} and {}\n", files->plans.size(), files->csv, files->geopackage);
    }
    if (search.valid == 0) throw geo::InputError("", "candidates", "no grouping meets the rules", "Loosen the balance limits, the sizes or the locks, as said above.");
}

// The rules `candidates` and `ensemble` both take.
void add_rule_options(CLI::App& command, CandidatesCommand& o) {
    auto* group = command.add_option_group("Rules");
    group->add_option("--k", o.rules.units, "Command units")->check(CLI::Range(1, 64));
    group->add_option("--unit", o.unit, "What units are made of: borough (every grouping of whole boroughs) or ward (a ReCom chain from the reference plan)")
        ->check(CLI::IsMember({"borough", "ward"}));
    o.min_parents = group->add_option("--min-parents", o.rules.min_parents, "Fewest boroughs in a unit (ward units: kept only when given)")->check(CLI::Range(1, 64));
    o.max_parents = group->add_option("--max-parents", o.rules.max_parents, "Most boroughs in a unit (ward units: kept only when given)")->check(CLI::Range(1, 64));
    group->add_option("--keep-whole", o.rules.keep_whole, "Ward units: boroughs (parent codes) never split, or all")->delimiter(',');
    group->add_option("--balance", o.balance, "Each unit within PERCENT of the mean unit: MEASURE=PERCENT, e.g. crime=10% (repeatable)");
    group->add_option("--lock", o.rules.locks, "Reference units kept exactly, e.g. EA,CN")->delimiter(',');
}

// How the ward chain draws its plans (`--unit ward`).
void add_chain_options(CLI::App& command, CandidatesCommand& o) {
    auto* group = command.add_option_group("Ward chain (--unit ward)");
    group->add_option("--chains", o.search.chains, "Chains run side by side, from the same start (default 2; the plans depend on this, not on the cores)")
        ->check(CLI::Range(1, 64));
    group->add_option("--thin", o.search.thin, "Steps between two plans kept (default 10)")->check(CLI::Range(1, 1000000));
    group->add_option("--burn-in", o.search.burn_in, "Steps of each chain before the first plan kept (default 1000)");
}

// The figure of where the reference stands: six scores' histograms and the units' demand per officer by rank.
render::EnsembleFigure ensemble_figure(const geo::CandidateSearch& search, const CandidatesCommand& o, const Scoring& scoring) {
    render::EnsembleFigure figure;
    figure.title = "Where the reference plan stands among the valid groupings";
    if (search.chain)
        figure.subtitle = fmt::format("{} plans drawn by {} ReCom chain(s) from the reference (seed {}): {}", with_commas(search.scored),
                                      std::max<std::size_t>(o.search.chains, 1), o.search.seed, describe(o, &search));
    else if (search.exhaustive)
        figure.subtitle = fmt::format("all {} valid groupings: {}", with_commas(search.valid), describe(o));
    else
        figure.subtitle = fmt::format("a uniform sample of {} of the {} valid groupings (seed {}): {}", with_commas(search.scored),
                                      with_commas(search.valid), o.search.seed, describe(o));
    figure.reference_name = std::filesystem::path(scoring.reference_path).stem().string();
    const auto& columns = geo::score_columns();
    for (const char* key : {"workload_ratio", "population_deviation", "polsby_popper", "borders_cut", "reach_mean", "retained_population"}) {
        const geo::ScoreColumn& column = geo::score_column(key);
        const auto c = static_cast<std::size_t>(&column - columns.data());
        figure.scores.push_back({column.label, column.unit, column.lower_is_better, search.score_values[c], column.of(search.reference->scores)});
    }
    render::RankedBoxes ranked;
    std::string demand = scoring.scorer->setup().demand.name;
    if (!demand.empty()) demand[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(demand[0])));
    ranked.name = demand + " per officer, command units sorted";
    ranked.by_rank = search.ranked_workload;
    for (const geo::UnitScore& unit : search.reference->scores.units)
        if (unit.wards > 0) ranked.reference.push_back(unit.demand_per_officer);
    std::sort(ranked.reference.begin(), ranked.reference.end());
    if (ranked.reference.size() == ranked.by_rank.size()) figure.ranked = std::move(ranked);
    return figure;
}

void run_ensemble(CandidatesCommand& o, const std::string& figure_path, const std::string& csv, const CommonOptions& common) {
    ProgressBar progress(common.quiet);
    const geo::WardSet wards = load_sources(o.source, progress.callback());
    const Scoring scoring = make_scoring(wards, o.scoring);
    o.search.keep = 1;
    o.search.ranked_workload = true;
    const geo::CandidateSearch search = find_candidates(o, scoring, progress.callback());
    if (search.valid == 0) {
        print_how_found(common.report(), search, o);
        throw geo::InputError("", "ensemble", "no grouping meets the rules", "Loosen the balance limits, the sizes or the locks, as said above.");
    }
    render::EnsembleOptions options;
    options.overwrite = o.overwrite;
    const render::EnsembleDrawing drawing = render::draw_ensemble(ensemble_figure(search, o, scoring), figure_path, options);
    std::optional<geo::WrittenOutput> table;
    if (!csv.empty()) {
        geo::OutputLayer rows{"ensemble", "", {}, {}};
        for (const geo::ScoreColumn& column : geo::score_columns()) rows.fields.push_back({column.key, geo::FieldKind::real});
        for (std::size_t i = 0; i < search.scored; ++i) {
            geo::OutputFeature row;
            for (const auto& values : search.score_values) row.values.emplace_back(values[i]);
            rows.features.push_back(std::move(row));
        }
        table = write_table(rows, wards.working_crs, csv, o.overwrite);
    }
    if (common.json) {
        nlohmann::json out = search_json(search, wards, nullptr);
        out["figure"] = figure_path;
        if (table) out["csv"] = table->path;
        print_json(out);
        return;
    }
    print_search(common.report(), search, o, scoring);
    fmt::print(common.report(), "\nwrote {} ({} score panels{})\n", figure_path, drawing.score_plots.size(), drawing.ranked_plot ? " and the ranked box plots" : "");
    if (table) print_written(common.report(), *table);
}

}  // namespace

void add_ensemble(CLI::App& app, const CommonOptions& common, int& result) {
    auto o = std::make_shared<CandidatesCommand>();
    auto figure = std::make_shared<std::string>();
    auto csv = std::make_shared<std::string>();
    CLI::App* command = app.add_subcommand("ensemble", "Where a plan stands among all valid groupings: a histogram per score with the plan marked, box plots of demand per officer by rank");
    add_source_options(*command, o->source);
    add_scoring_options(*command, o->scoring);
    add_rule_options(*command, *o);
    add_chain_options(*command, *o);
    command->add_option("-n", o->search.samples, "Plans drawn uniformly when there are more than --exhaustive-limit, or by the ward chain (default 20000)");
    command->add_option("--exhaustive-limit", o->search.exhaustive_limit, "Take every grouping when there are at most this many");
    command->add_option("--seed", o->search.seed, "Seed of the uniform draws");
    command->add_option("-o,--output", *figure, "The figure: .svg, .png or .pdf")->required();
    command->add_option("--csv", *csv, "Also write every plan's scores to this CSV");
    command->add_flag("--overwrite", o->overwrite, "Replace the outputs if they exist");
    command->callback([o, figure, csv, &common, &result] {
        try {
            for (const std::string& text : o->balance) o->rules.balance.push_back(balance_limit(text));
        } catch (const geo::InputError& error) {
            throw CLI::ValidationError("--balance", error.what());
        }
        run_ensemble(*o, *figure, *csv, common);
        result = 0;
    });
}

void add_candidates(CLI::App& app, const CommonOptions& common, int& result) {
    auto o = std::make_shared<CandidatesCommand>();
    CLI::App* command = app.add_subcommand("candidates", "Candidate command units: every valid grouping of whole boroughs (counted, scored) or ward plans drawn by ReCom; the best and the Pareto front written as plans");
    add_source_options(*command, o->source);
    add_scoring_options(*command, o->scoring);
    add_rule_options(*command, *o);
    auto* search = command->add_option_group("Search");
    search->add_option("-n", o->search.keep, "Best candidates kept and written");
    search->add_option("--rank-by", o->search.rank_by, "Score to rank by (default workload_ratio)");
    search->add_option("--exhaustive-limit", o->search.exhaustive_limit, "Score every grouping when there are at most this many (default 200000)");
    search->add_option("--samples", o->search.samples, "Otherwise score this many drawn uniformly; ward units: plans the chain draws (default 20000)");
    add_chain_options(*command, *o);
    search->add_option("--seed", o->search.seed, "Seed of the uniform draws");
    command->add_option("-o,--output", o->output, "Folder for the candidates: candidate-NNN.wardplan, candidates.csv, candidates.gpkg");
    command->add_flag("--overwrite", o->overwrite, "Replace candidate files already in the folder");
    command->callback([o, &common, &result] {
        if (o->rules.min_parents > o->rules.max_parents) throw CLI::ValidationError("--min-parents", "is more than --max-parents");
        try {
            for (const std::string& text : o->balance) o->rules.balance.push_back(balance_limit(text));
        } catch (const geo::InputError& error) {
            throw CLI::ValidationError("--balance", error.what());
        }
        geo::score_column(o->search.rank_by);
        run(*o, common);
        result = 0;
    });
}

}  // namespace cli
