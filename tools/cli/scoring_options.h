#pragma once
// Options shared by `score` and `candidates`: what plans are scored with (the officer rules and ward
// tables `allocate` uses, the demand measure, further balance measures, stations) and against which
// reference plan; and the scores printed the same way by both.
#include "cli/officer_options.h"
#include "geo/candidates/scoring_setup.h"

#include <iosfwd>
#include <memory>

namespace cli {

struct ScoringOptions {
    geo::ScoringChoice choice;
    std::string reference;  // empty: the bundled 12-BCU plan
};

void add_scoring_options(CLI::App& command, ScoringOptions& options);

struct Scoring {
    geo::Grouping reference;
    std::string reference_path;
    std::unique_ptr<geo::PlanScorer> scorer;
    std::vector<geo::JoinResult> joins;
    std::vector<std::string> notes;
};

// Reads the reference plan and the tables, and measures the wards. Throws geo::InputError.
Scoring make_scoring(const geo::WardSet& wards, const ScoringOptions& options);

// A plan (CSV plan table or plan file) as a grouping of these wards.
geo::Grouping open_grouping(const geo::WardSet& wards, const std::string& path, std::string* name = nullptr);

// The plan-level scores of several plans side by side, one row per score.
void print_scores_side_by_side(std::ostream& out, const std::vector<std::string>& names, const std::vector<geo::PlanScores>& plans);
// One plan's command units.
void print_unit_scores(std::ostream& out, const geo::PlanScores& plan);

nlohmann::json scores_json(const geo::PlanScores& plan, const geo::WardSet& wards);
// One row per plan: its name, then every score column.
geo::OutputLayer scores_table(const std::vector<std::string>& names, const std::vector<geo::PlanScores>& plans);

}  // namespace cli
