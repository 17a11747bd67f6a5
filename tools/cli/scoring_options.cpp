#include "cli/scoring_options.h"

#include "geo/planner/plan_file.h"

#include <fmt/ostream.h>

#include <filesystem>
#include <ostream>

namespace cli {

void add_scoring_options(CLI::App& command, ScoringOptions& o) {
    add_measure_options(command, o.choice.measures);
    auto* group = command.add_option_group("Scores");
    group->add_option("--reference", o.reference, "Plan that core retention is measured against (default: the bundled 12-BCU plan)");
    group->add_option("--demand", o.choice.demand, "What workload is measured by: crime (default), population, area, access or a numeric ward field");
    group->add_option("--balance-field", o.choice.balance, "Also report the balance of this measure or numeric ward field (repeatable)");
    group->add_option("--stations", o.choice.stations, "Point layer of stations: each unit's headquarters is the station nearest its people (default: its best ward centroid)");
    group->add_option("--stations-name", o.choice.stations_name_field, "Field of --stations holding the station name (default: the first text field)");
}

geo::Grouping open_grouping(const geo::WardSet& wards, const std::string& path, std::string* name) {
    geo::PlanFile meta;
    const geo::Assignment assignment = geo::open_plan(wards, path, &meta);
    if (name) *name = meta.name.empty() ? std::filesystem::path(path).stem().string() : meta.name;
    return geo::grouping_of(assignment);
}

Scoring make_scoring(const geo::WardSet& wards, const ScoringOptions& o) {
    Scoring scoring;
    scoring.reference_path = o.reference.empty() ? geo::bundled("datasets/plans/mps-12-bcu-2018.csv") : o.reference;
    scoring.reference = open_grouping(wards, scoring.reference_path);
    geo::ScoringSources sources = geo::read_scoring_sources(wards, scoring.reference, o.choice, o.reference);
    scoring.joins = std::move(sources.joins);
    scoring.notes = std::move(sources.notes);
    scoring.scorer = std::make_unique<geo::PlanScorer>(wards, geo::ward_facts(wards), std::move(sources.setup));
    return scoring;
}

namespace {

std::string shown(const geo::ScoreColumn& column, double value) {
    if (std::string(column.key) == "borders_cut") return fmt::format("{:.0f}", value);
    if (std::string(column.unit) == "%") return fmt::format("{:.1f}%", value);
    if (std::string(column.unit) == "km") return fmt::format("{:.2f} km", value);
    return fmt::format("{:.3f}", value);
}

}  // namespace

void print_scores_side_by_side(std::ostream& out, const std::vector<std::string>& names, const std::vector<geo::PlanScores>& plans) {
    fmt::print(out, "  {:<36}", "score");
    for (const std::string& name : names) fmt::print(out, " {:>16}", name.size() > 16 ? name.substr(0, 15) + "…" : name);
    fmt::print(out, "\n");
    for (const geo::ScoreColumn& column : geo::score_columns()) {
        if (!plans.empty() && std::string(column.key).starts_with("workload") && !plans[0].has_officers) continue;
        if (!plans.empty() && std::string(column.key).starts_with("retained") && !plans[0].has_reference) continue;
        fmt::print(out, "  {:<36}", std::string(column.label) + (column.lower_is_better ? " ↓" : " ↑"));
        for (const geo::PlanScores& plan : plans) fmt::print(out, " {:>16}", shown(column, column.of(plan)));
        fmt::print(out, "\n");
    }
    fmt::print(out, "  {:<36}", "Boroughs per unit");
    for (const geo::PlanScores& plan : plans) fmt::print(out, " {:>16}", fmt::format("{}-{}", plan.parents_min, plan.parents_max));
    fmt::print(out, "\n  {:<36}", "Boroughs split");
    for (const geo::PlanScores& plan : plans) fmt::print(out, " {:>16}", plan.parents_split);
    fmt::print(out, "\n");
}

void print_unit_scores(std::ostream& out, const geo::PlanScores& plan) {
    fmt::print(out, "  {:<5} {:<22} {:>5} {:>4} {:>8} {:>8} {:>9} {:>7} {:>7} {:>9} {:>7} {:>6} {:>6}\n", "code", "name", "wards", "bor.",
               plan.balance_names[0], "officers", "per off.", "dem.dev", "pop.dev", "area km²", "PP", "reach", "p95");
    for (const geo::UnitScore& u : plan.units) {
        if (u.wards == 0) continue;
        const double pop_dev = u.deviation_pct.size() > 2 ? u.deviation_pct[1] : 0;
        fmt::print(out, "  {:<5} {:<22} {:>5} {:>4} {:>8.0f} {:>8.0f} {:>9.2f} {:>6.1f}% {:>6.1f}% {:>9.1f} {:>7.3f} {:>6.2f} {:>6.2f}\n", u.code,
                   u.name.size() > 22 ? u.name.substr(0, 21) + "…" : u.name, u.wards, u.parents, u.demand, u.officers, u.demand_per_officer,
                   u.deviation_pct[0], pop_dev, u.area_km2, u.polsby_popper, u.reach_mean_km, u.reach_p95_km);
    }
}

nlohmann::json scores_json(const geo::PlanScores& plan, const geo::WardSet& wards) {
    nlohmann::json scores;
    for (const geo::ScoreColumn& column : geo::score_columns()) scores[column.key] = column.of(plan);
    scores["parents_min"] = plan.parents_min, scores["parents_max"] = plan.parents_max, scores["parents_split"] = plan.parents_split;
    nlohmann::json units = nlohmann::json::array();
    for (const geo::UnitScore& u : plan.units) {
        nlohmann::json deviation;
        for (std::size_t b = 0; b < plan.balance_names.size(); ++b) deviation[plan.balance_names[b]] = u.deviation_pct[b];
        units.push_back({{"code", u.code}, {"name", u.name}, {"wards", u.wards}, {"parents", u.parents}, {"demand", u.demand},
                         {"officers", u.officers}, {"demand_per_officer", u.demand_per_officer}, {"demand_share", u.demand_share},
                         {"officer_share", u.officer_share}, {"population", u.population}, {"area_km2", u.area_km2},
                         {"deviation_pct", deviation}, {"polsby_popper", u.polsby_popper}, {"reach_mean_km", u.reach_mean_km},
                         {"reach_p95_km", u.reach_p95_km}, {"headquarters", u.headquarters}, {"continues", u.matched_reference}});
    }
    nlohmann::json moved = nlohmann::json::array();
    for (std::size_t w : plan.moved_wards) moved.push_back(wards.units[w].code);
    return {{"scores", scores}, {"command_units", units}, {"moved_wards", moved}};
}

geo::OutputLayer scores_table(const std::vector<std::string>& names, const std::vector<geo::PlanScores>& plans) {
    geo::OutputLayer table;
    table.name = "scores";
    table.fields.push_back({"plan", geo::FieldKind::text});
    for (const geo::ScoreColumn& column : geo::score_columns()) table.fields.push_back({column.key, geo::FieldKind::real});
    for (std::size_t p = 0; p < plans.size(); ++p) {
        geo::OutputFeature row;
        row.values.emplace_back(names[p]);
        for (const geo::ScoreColumn& column : geo::score_columns()) row.values.emplace_back(column.of(plans[p]));
        table.features.push_back(std::move(row));
    }
    return table;
}

}  // namespace cli
