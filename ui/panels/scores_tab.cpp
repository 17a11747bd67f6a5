// The Statistics panel's Scores tab: the plan's scores after every edit, beside the reference
// plan's, and each command unit's workload and reach: the numbers `wardmap score` prints.
#include "ui/panels/figure_panels.h"

#include <imgui.h>

#include <cstdio>
#include <string>

namespace ui {

namespace {

std::string shown(const geo::ScoreColumn& column, double value) {
    char text[64];
    const std::string unit = column.unit;
    if (std::string(column.key) == "borders_cut") std::snprintf(text, sizeof text, "%.0f", value);
    else if (unit == "%") std::snprintf(text, sizeof text, "%.1f%%", value);
    else if (unit == "km") std::snprintf(text, sizeof text, "%.2f km", value);
    else std::snprintf(text, sizeof text, "%.3f", value);
    return text;
}

// `percentiles`: the plan's among the candidates last generated (empty: none generated).
void plan_table(const geo::PlanScores& now, const geo::PlanScores& reference, const std::vector<double>& percentiles) {
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit;
    const int columns = percentiles.empty() ? 4 : 5;
    if (!ImGui::BeginTable("plan scores", columns, flags)) return;
    for (const char* title : {"Score", "This plan", "Reference", "Better"}) ImGui::TableSetupColumn(title);
    if (!percentiles.empty()) ImGui::TableSetupColumn("Percentile among candidates");
    ImGui::TableHeadersRow();
    for (std::size_t index = 0; index < geo::score_columns().size(); ++index) {
        const geo::ScoreColumn& column = geo::score_columns()[index];
        const std::string key = column.key;
        if (key.starts_with("workload") && !now.has_officers) continue;
        if (key.starts_with("retained") && !now.has_reference) continue;
        const double value = column.of(now), was = column.of(reference);
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::TextUnformatted(column.label);
        ImGui::TableSetColumnIndex(1);
        // Worse than the reference in red, better in green: what the edit did to this score.
        const bool worse = column.lower_is_better ? value > was + 1e-9 : value < was - 1e-9;
        const bool better = column.lower_is_better ? value < was - 1e-9 : value > was + 1e-9;
        if (worse) ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1.f), "%s", shown(column, value).c_str());
        else if (better) ImGui::TextColored(ImVec4(0.1f, 0.5f, 0.1f, 1.f), "%s", shown(column, value).c_str());
        else ImGui::TextUnformatted(shown(column, value).c_str());
        ImGui::TableSetColumnIndex(2);
        ImGui::TextUnformatted(shown(column, was).c_str());
        ImGui::TableSetColumnIndex(3);
        ImGui::TextUnformatted(column.lower_is_better ? "lower" : "higher");
        if (index < percentiles.size()) {
            ImGui::TableSetColumnIndex(4);
            if (percentiles[index] == percentiles[index]) ImGui::Text("%.1f%%", percentiles[index]);  // NaN: not finite
            else ImGui::TextDisabled("-");
        }
    }
    ImGui::EndTable();
}

void unit_table(const geo::PlanScores& now) {
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_ScrollX;
    const char* titles[] = {"Unit", "Demand", "Officers", "Per officer", "Demand ±%", "People ±%", "Reach km", "p95 km", "Headquarters", "Continues"};
    if (!ImGui::BeginTable("unit scores", 10, flags)) return;
    for (const char* title : titles) ImGui::TableSetupColumn(title);
    ImGui::TableHeadersRow();
    for (const geo::UnitScore& u : now.units) {
        if (u.wards == 0) continue;
        ImGui::TableNextRow();
        int c = 0;
        const auto next = [&] { ImGui::TableSetColumnIndex(c++); };
        next(), ImGui::TextUnformatted(u.code.c_str());
        next(), ImGui::Text("%.0f", u.demand);
        next(), ImGui::Text("%.0f", u.officers);
        next(), ImGui::Text("%.1f", u.demand_per_officer);
        next(), ImGui::Text("%+.1f", u.deviation_pct.empty() ? 0.0 : u.deviation_pct[0]);
        next(), ImGui::Text("%+.1f", u.deviation_pct.size() > 2 ? u.deviation_pct[1] : 0.0);
        next(), ImGui::Text("%.2f", u.reach_mean_km);
        next(), ImGui::Text("%.2f", u.reach_p95_km);
        next(), ImGui::TextUnformatted(u.headquarters.c_str());
        next(), ImGui::TextUnformatted(u.matched_reference.c_str());
    }
    ImGui::EndTable();
}

}  // namespace

const geo::PlanFigures* scored_figures(const Planner& planner, bool* current) {
    const geo::LatestFigures latest = shown_figures(planner);
    if (current) *current = latest.current;
    if (!latest.figures) {
        note_text("Working out the scores...");
        return nullptr;
    }
    if (!latest.figures->scores) {
        if (!latest.figures->scores_error.empty()) error_text(first_line(latest.figures->scores_error));
        else note_text("No scores for this plan.");
        return nullptr;
    }
    return latest.figures;
}

void scores_tab(const Planner& planner) {
    bool current = false;
    const geo::PlanFigures* scored = scored_figures(planner, &current);
    if (!scored) return;
    const geo::PlanFigures& figures = *scored;
    ImGui::TextDisabled("Scores as `wardmap score` gives them, against the reference plan (%.1f ms%s)", figures.scores_ms,
                        current ? "" : "; updating to the last edit...");
    const auto& candidates = planner.candidates.result();
    plan_table(*figures.scores, figures.reference_scores ? *figures.reference_scores : *figures.scores,
               candidates ? percentiles_among_scored(*candidates, *figures.scores) : std::vector<double>{});
    ImGui::Spacing();
    unit_table(*figures.scores);
}

}  // namespace ui
