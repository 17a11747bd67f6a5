#pragma once
// The panels for officers and rollouts (issue #5): plain functions of the planner's figures,
// returning what was asked for as commands.
#include "ui/panels/panels.h"
#include "ui/planner/planner.h"

#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace ui {

// A right column above the statistics: map colours and rollout over officers.
inline constexpr float rollout_panel_height = 372;

struct RolloutPanelState {
    bool playing = false;
    double last_step = 0;  // ImGui time of the last step of Play
};

// Officers per command unit: wards, DWOs, PCSOs, leadership, each pool, officers; the establishment
// surplus or shortfall; how the tables joined.
void officers_panel(const Planner& planner);
// The plan's scores after every edit beside the reference plan's (a tab of the Statistics panel).
void scores_tab(const Planner& planner);
// The Candidates tab's controls between frames.
struct CandidatesPanelState {
    int unit = 0;  // index into the units offered: borough, ward
    bool ward_parent_sizes = false, keep_boroughs_whole = false;  // ward candidates
    int k = 12, min_parents = 2, max_parents = 4;
    struct Balance {
        int measure = 0;  // index into PlanScores::balance_names
        float percent = 10;
    };
    std::vector<Balance> balance;
    std::set<std::string> locks;  // reference unit codes
    int rank_by = 0;              // index into geo::score_columns()
    int exhaustive_limit = 200000;  // every grouping scored up to this many
    int samples = 20000;            // else this many drawn uniformly
    CandidateList list = CandidateList::best;
    std::uint64_t seen_search = 0;  // the search the tab was last brought forward for
    std::uint64_t controls_search = 0;  // the search whose rules the controls were last set to
};
// The search the controls ask for; and the controls set to a search's rules, so that a search
// started otherwise (a replay's "candidates generate") shows what it was asked.
CandidateRequest candidate_request(const CandidatesPanelState& state, const std::vector<std::string>& measures);
void show_request(const CandidateRequest& request, const std::vector<std::string>& measures, CandidatesPanelState& state);
// Generate candidates in the background with progress and Cancel, browse the ranked list and the
// Pareto front, preview one on the map, use one as the plan; the plan's percentile on each score.
void candidates_tab(const Planner& planner, CandidatesPanelState& state, std::vector<Command>& out);

// The figures shown this frame when they have scores; else null, and a note says why.
// `current`: whether they are of the plan as it is now.
const geo::PlanFigures* scored_figures(const Planner& planner, bool* current = nullptr);

// Map colours (command units, officers, phase) with the legend; the rollout's timeline with Play.
void rollout_panel(const Planner& planner, RolloutPanelState& state, std::vector<Command>& out);

struct ExportMapState {
    bool open = false;
    char path[512] = "";
    int theme = 0;  // index into the themes the dialog offers
};
// A red message that wraps: why officers or a rollout are missing.
void error_text(const std::string& text);
// Grey, wrapped: something not shown for a reason that is not a mistake.
void note_text(const std::string& text);
// An error's first line: what failed, without the advice that follows it.
std::string first_line(const std::string& text);

// File > Export map…: path and theme, then an ExportMap command.
void export_map_dialog(ExportMapState& state, std::vector<Command>& out);

}  // namespace ui
