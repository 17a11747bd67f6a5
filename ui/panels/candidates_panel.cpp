// The Statistics panel's Candidates tab: `wardmap candidates` in the window. The rules on the left
// (k, boroughs per unit, balance limits, locked reference units, the ranking), Generate with a
// progress bar and Cancel (the search runs on another thread: ui/planner/candidate_run.h), the
// ranked list or the Pareto front in the middle (a row shows that candidate on the map, "Use this
// plan" makes it the plan being edited), and the plan's percentile on each score on the right.
#include "ui/panels/figure_panels.h"

#include "geo/core/wording.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace ui {

namespace {

// Whole boroughs (every grouping counted), or wards (ReCom chains from the reference plan).
constexpr const char* units_offered[] = {"borough", "ward"};
bool ward_mode(const CandidatesPanelState& state) { return state.unit == 1; }

}  // namespace

CandidateRequest candidate_request(const CandidatesPanelState& state, const std::vector<std::string>& measures) {
    CandidateRequest request;
    request.unit = units_offered[state.unit];
    request.rules.units = state.k;
    request.rules.min_parents = state.min_parents;
    request.rules.max_parents = state.max_parents;
    for (const CandidatesPanelState::Balance& b : state.balance)
        if (b.measure >= 0 && static_cast<std::size_t>(b.measure) < measures.size())
            request.rules.balance.push_back({measures[static_cast<std::size_t>(b.measure)], b.percent});
    request.rules.locks.assign(state.locks.begin(), state.locks.end());
    // As `wardmap candidates --unit ward`: boroughs per unit only when asked, boroughs whole when asked.
    request.rules.parent_sizes = !ward_mode(state) || state.ward_parent_sizes;
    request.rules.keep_all_whole = ward_mode(state) && state.keep_boroughs_whole;
    request.options.rank_by = geo::score_columns()[static_cast<std::size_t>(state.rank_by)].key;
    request.options.samples = static_cast<std::size_t>(std::max(100, state.samples));
    request.options.exhaustive_limit = static_cast<std::uint64_t>(std::max(0, state.exhaustive_limit));
    request.options.keep = 50;
    return request;
}

void show_request(const CandidateRequest& request, const std::vector<std::string>& measures, CandidatesPanelState& state) {
    state.unit = request.unit == "ward" ? 1 : 0;
    state.k = request.rules.units;
    state.min_parents = request.rules.min_parents;
    state.max_parents = request.rules.max_parents;
    state.ward_parent_sizes = ward_mode(state) && request.rules.parent_sizes;
    state.keep_boroughs_whole = ward_mode(state) && request.rules.keep_all_whole;
    state.balance.clear();
    for (const geo::BalanceLimit& limit : request.rules.balance) {
        const auto measure = std::find(measures.begin(), measures.end(), limit.measure);
        if (measure != measures.end())
            state.balance.push_back({static_cast<int>(measure - measures.begin()), static_cast<float>(limit.percent)});
    }
    state.locks = {request.rules.locks.begin(), request.rules.locks.end()};
    const auto& columns = geo::score_columns();
    const auto rank = std::find_if(columns.begin(), columns.end(), [&](const auto& c) { return c.key == request.options.rank_by; });
    if (rank != columns.end()) state.rank_by = static_cast<int>(rank - columns.begin());
    state.samples = static_cast<int>(std::min<std::size_t>(request.options.samples, 100000000));
    state.exhaustive_limit = static_cast<int>(std::min<std::uint64_t>(request.options.exhaustive_limit, 2000000000));
}

namespace {

void rules_column(const Planner& planner, const geo::PlanFigures& figures, CandidatesPanelState& state, std::vector<Command>& out) {
    const std::vector<std::string>& measures = figures.scores->balance_names;
    // First, where the panel's height always shows it: the rules below scroll.
    if (planner.candidates.running()) {
        if (ImGui::Button("Cancel")) out.emplace_back(CancelCandidates{});
        ImGui::SameLine();
        const std::string stage = planner.candidates.stage();
        ImGui::ProgressBar(static_cast<float>(planner.candidates.fraction()), ImVec2(-1, 0), stage.c_str());
    } else if (ImGui::Button("Generate")) {
        out.emplace_back(GenerateCandidates{candidate_request(state, measures)});
    }
    ImGui::PushItemWidth(110);
    ImGui::Combo("Unit", &state.unit, units_offered, IM_ARRAYSIZE(units_offered));
    ImGui::InputInt("Command units (k)", &state.k);
    if (ward_mode(state)) ImGui::Checkbox("Boroughs per unit:", &state.ward_parent_sizes);
    if (!ward_mode(state) || state.ward_parent_sizes) {
        ImGui::InputInt("Fewest boroughs", &state.min_parents);
        ImGui::InputInt("Most boroughs", &state.max_parents);
    }
    if (ward_mode(state)) ImGui::Checkbox("Keep every borough whole", &state.keep_boroughs_whole);
    state.k = std::clamp(state.k, 1, 64), state.min_parents = std::clamp(state.min_parents, 1, 64);
    state.max_parents = std::clamp(state.max_parents, state.min_parents, 64);
    const auto& columns = geo::score_columns();
    if (ImGui::BeginCombo("Rank by", columns[static_cast<std::size_t>(state.rank_by)].label)) {
        for (std::size_t c = 0; c < columns.size(); ++c)
            if (ImGui::Selectable(columns[c].label, static_cast<int>(c) == state.rank_by)) state.rank_by = static_cast<int>(c);
        ImGui::EndCombo();
    }
    if (!ward_mode(state)) ImGui::InputInt("Score all up to", &state.exhaustive_limit, 10000, 100000);
    ImGui::InputInt(ward_mode(state) ? "Samples" : "else a sample of", &state.samples, 1000, 10000);
    ImGui::PopItemWidth();

    ImGui::TextDisabled("Balance: each unit within ±%% of the mean");
    for (std::size_t i = 0; i < state.balance.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        CandidatesPanelState::Balance& b = state.balance[i];
        ImGui::SetNextItemWidth(110);
        if (ImGui::BeginCombo("##measure", b.measure >= 0 && static_cast<std::size_t>(b.measure) < measures.size() ? measures[static_cast<std::size_t>(b.measure)].c_str() : "")) {
            for (std::size_t m = 0; m < measures.size(); ++m)
                if (ImGui::Selectable(measures[m].c_str(), static_cast<int>(m) == b.measure)) b.measure = static_cast<int>(m);
            ImGui::EndCombo();
        }
        ImGui::SameLine();
        ImGui::SetNextItemWidth(80);
        ImGui::InputFloat("%##percent", &b.percent, 1, 5, "%.0f");
        b.percent = std::max(0.f, b.percent);
        ImGui::SameLine();
        const bool remove = ImGui::SmallButton("x");
        ImGui::PopID();
        if (remove) state.balance.erase(state.balance.begin() + static_cast<std::ptrdiff_t>(i--));
    }
    if (ImGui::SmallButton("+ balance limit")) state.balance.push_back({0, 10});

    ImGui::TextDisabled("Locked: kept as in the reference plan");
    if (figures.reference_scores) {
        int column = 0;
        for (const geo::UnitScore& unit : figures.reference_scores->units) {
            if (unit.wards == 0) continue;
            bool locked = state.locks.count(unit.code) > 0;
            if (column++ % 4) ImGui::SameLine(static_cast<float>((column - 1) % 4) * 70 + 8);
            if (ImGui::Checkbox(unit.code.c_str(), &locked)) {
                if (locked) state.locks.insert(unit.code);
                else state.locks.erase(unit.code);
            }
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", unit.name.c_str());
        }
    }

}

std::string percent_text(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f%%", value);
    return text;
}

void results_column(const Planner& planner, CandidatesPanelState& state, std::vector<Command>& out) {
    const CandidateRun& run = planner.candidates;
    if (run.running()) {
        note_text("Generating... the window stays yours meanwhile.");
        return;
    }
    if (run.cancelled()) note_text("Cancelled.");
    if (!run.error().empty()) error_text(first_line(run.error()));
    if (!run.result()) {
        if (!run.cancelled() && run.error().empty()) note_text("Set the rules and press Generate: every grouping that meets them is counted, and all of them (or a uniform sample) scored.");
        return;
    }
    const geo::CandidateSearch& search = *run.result();
    ImGui::Text("%s (%.1f s)", search_summary(search).c_str(), run.seconds());
    if (search.valid == 0) {
        error_text(search.explanation);
        return;
    }
    int list = state.list == CandidateList::best ? 0 : 1;
    ImGui::RadioButton(("Ranked (" + std::to_string(search.best.size()) + ")").c_str(), &list, 0);
    ImGui::SameLine();
    ImGui::RadioButton(("Pareto front (" + std::to_string(search.pareto.size()) + ")").c_str(), &list, 1);
    state.list = list == 0 ? CandidateList::best : CandidateList::pareto;
    const std::optional<CandidateRun::Pick> shown = run.preview;
    ImGui::SameLine();
    ImGui::BeginDisabled(!shown);
    if (ImGui::Button("Use this plan") && shown) out.emplace_back(AdoptCandidate{*shown});
    ImGui::SameLine();
    if (ImGui::Button("Stop preview")) out.emplace_back(PreviewCandidate{std::nullopt});
    ImGui::EndDisabled();

    if (shown)
        ImGui::TextDisabled("On the map: row %zu's wards that would move, in their new unit's colour; the rest faded.", shown->index + 1);
    const ImGuiTableFlags flags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("candidate rows", 7, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    for (const char* title : {"Rank", "Pareto", "Workload", "Compact", "Reach km", "Retained", "Units that differ from the reference"})
        ImGui::TableSetupColumn(title);
    ImGui::TableHeadersRow();
    const std::vector<CandidateRow> rows = candidate_rows(search, state.list);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const CandidateRow& row = rows[i];
        const CandidateRun::Pick pick{state.list, i};
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        const bool selected = shown && *shown == pick;
        if (ImGui::Selectable(std::to_string(row.rank).c_str(), selected, ImGuiSelectableFlags_SpanAllColumns))
            out.emplace_back(PreviewCandidate{selected ? std::nullopt : std::optional(pick)});
        ImGui::TableSetColumnIndex(1), ImGui::TextUnformatted(row.pareto ? "yes" : "");
        ImGui::TableSetColumnIndex(2), ImGui::Text("%.3f", row.workload_ratio);
        ImGui::TableSetColumnIndex(3), ImGui::Text("%.3f", row.compactness);
        ImGui::TableSetColumnIndex(4), ImGui::Text("%.2f", row.reach_km);
        ImGui::TableSetColumnIndex(5), ImGui::TextUnformatted(percent_text(row.retention_pct).c_str());
        ImGui::TableSetColumnIndex(6), ImGui::Text("%zu: %s", row.differs.size(), geo::listed(row.differs, 12).c_str());
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("Workload: demand per officer, busiest unit over quietest. Compact: mean Polsby-Popper.\n"
                              "Reach: mean distance from ward to headquarters. Retained: people who stay with their unit.");
    }
    ImGui::EndTable();
}

void plan_column(const Planner& planner, const geo::PlanFigures& figures) {
    const CandidateRun& run = planner.candidates;
    if (!run.result() || run.result()->valid == 0) {
        note_text("This plan's percentile on each score among the scored candidates shows here.");
        return;
    }
    const geo::CandidateSearch& search = *run.result();
    if (search.reference)
        ImGui::TextWrapped("Reference plan: %s", search.reference_valid ? "meets the rules" : ("breaks them: " + search.reference_breaks).c_str());
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("This plan's percentile among the %s scored: the share no better, equal included", geo::with_commas(search.scored).c_str());
    ImGui::PopTextWrapPos();
    const std::vector<double> percentiles = percentiles_among_scored(search, *figures.scores);
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY;
    if (!ImGui::BeginTable("plan percentiles", 2, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Score", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Percentile", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableHeadersRow();
    for (std::size_t c = 0; c < percentiles.size(); ++c) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0), ImGui::TextUnformatted(geo::score_columns()[c].label);
        ImGui::TableSetColumnIndex(1);
        if (percentiles[c] == percentiles[c]) ImGui::TextUnformatted(percent_text(percentiles[c]).c_str());
        else ImGui::TextDisabled("-");
    }
    ImGui::EndTable();
}

}  // namespace

void candidates_tab(const Planner& planner, CandidatesPanelState& state, std::vector<Command>& out) {
    const geo::PlanFigures* scored = scored_figures(planner);  // candidates are scored as the plan is
    if (!scored) return;
    const geo::PlanFigures& figures = *scored;
    if (const std::uint64_t search = planner.candidates.serial(); search != 0 && search != state.controls_search) {
        show_request(planner.candidates.request(), figures.scores->balance_names, state);
        state.controls_search = search;
    }
    const ImGuiTableFlags layout = ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable;
    if (!ImGui::BeginTable("candidates layout", 3, layout)) return;
    ImGui::TableSetupColumn("rules", ImGuiTableColumnFlags_WidthFixed, 290);
    ImGui::TableSetupColumn("candidates", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("this plan", ImGuiTableColumnFlags_WidthFixed, 340);
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    if (ImGui::BeginChild("rules", ImVec2(0, 0))) rules_column(planner, figures, state, out);
    ImGui::EndChild();
    ImGui::TableSetColumnIndex(1);
    if (ImGui::BeginChild("results", ImVec2(0, 0))) results_column(planner, state, out);
    ImGui::EndChild();
    ImGui::TableSetColumnIndex(2);
    if (ImGui::BeginChild("this plan", ImVec2(0, 0))) plan_column(planner, figures);
    ImGui::EndChild();
    ImGui::EndTable();
}

}  // namespace ui
