#include "ui/panels/figure_panels.h"
#include "ui/panels/panels.h"

#include <imgui.h>

#include <algorithm>
#include <numeric>

namespace ui {

namespace {

// Columns: code, name, wards, boroughs, area, then value and deviation of each numeric field,
// then contiguous, whole boroughs, compactness.
struct Column {
    std::string title;
    int field = -1;         // numeric field index, for value/deviation columns
    bool deviation = false;
};

std::vector<Column> columns_of(const geo::WardSet& wards) {
    std::vector<Column> columns = {{"Unit"}, {"Name"}, {"Wards"}, {"Boroughs"}, {"km²"}};
    for (std::size_t f = 0; f < wards.fields.size(); ++f) {
        if (!wards.fields[f].measure()) continue;
        columns.push_back({wards.fields[f].name, static_cast<int>(f)});
        columns.push_back({"±%", static_cast<int>(f), true});
    }
    columns.push_back({"One piece"});
    columns.push_back({"Whole boroughs"});
    columns.push_back({"Compact"});
    return columns;
}

double sort_key(const geo::UnitStats& s, const Column& column, std::size_t index) {
    if (column.field >= 0) {
        const auto& v = column.deviation ? s.deviation_pct : s.values;
        const std::size_t f = static_cast<std::size_t>(column.field);
        return f < v.size() && v[f] ? *v[f] : -1e300;
    }
    switch (index) {
        case 2: return static_cast<double>(s.wards);
        case 3: return static_cast<double>(s.parents);
        case 4: return s.area;
    }
    if (column.title == "One piece") return s.contiguous;
    if (column.title == "Whole boroughs") return s.whole_parents;
    return s.polsby_popper;
}

std::vector<std::size_t> sorted_rows(const Planner& planner, const std::vector<Column>& columns) {
    const auto& stats = planner.document.session->stats();
    const auto& units = planner.document.session->assignment().units;
    std::vector<std::size_t> rows(std::min(stats.size(), units.size()));
    std::iota(rows.begin(), rows.end(), std::size_t{0});
    const ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
    if (!specs || specs->SpecsCount == 0) return rows;
    const ImGuiTableColumnSortSpecs& spec = specs->Specs[0];
    const std::size_t c = static_cast<std::size_t>(spec.ColumnIndex);
    const bool ascending = spec.SortDirection == ImGuiSortDirection_Ascending;
    std::stable_sort(rows.begin(), rows.end(), [&](std::size_t a, std::size_t b) {
        if (c <= 1) {
            const std::string& x = c == 0 ? units[a].code : units[a].name;
            const std::string& y = c == 0 ? units[b].code : units[b].name;
            return ascending ? x < y : y < x;
        }
        const double x = sort_key(stats[a], columns[c], c), y = sort_key(stats[b], columns[c], c);
        return ascending ? x < y : y < x;
    });
    return rows;
}

void cell(const geo::UnitStats& s, const geo::CommandUnit& unit, const Column& column, std::size_t index) {
    if (column.field >= 0) {
        const auto& v = column.deviation ? s.deviation_pct : s.values;
        const std::size_t f = static_cast<std::size_t>(column.field);
        if (f < v.size() && v[f]) ImGui::Text(column.deviation ? "%+.1f" : "%.0f", *v[f]);
        else ImGui::TextDisabled("-");
        return;
    }
    switch (index) {
        case 0: ImGui::TextUnformatted(unit.code.c_str()); return;
        case 1: ImGui::TextUnformatted(unit.name.c_str()); return;
        case 2: ImGui::Text("%zu", s.wards); return;
        case 3: ImGui::Text("%zu", s.parents); return;
        case 4: ImGui::Text("%.1f", s.area / 1e6); return;
    }
    const ImVec4 bad(0.8f, 0.1f, 0.1f, 1.f);
    if (column.title == "One piece") {
        if (s.contiguous) ImGui::TextUnformatted("yes");
        else ImGui::TextColored(bad, "no (%d)", s.parts);
    } else if (column.title == "Whole boroughs") {
        if (s.whole_parents) ImGui::TextUnformatted("yes");
        else ImGui::TextColored(bad, "no");
    } else {
        ImGui::Text("%.3f", s.polsby_popper);
    }
}

void command_units_tab(const Planner& planner) {
    const std::vector<Column> columns = columns_of(planner.wards);
    const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders |
                                  ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit;
    if (ImGui::BeginTable("stats", static_cast<int>(columns.size()), flags)) {
        ImGui::TableSetupScrollFreeze(2, 1);
        for (const Column& column : columns) ImGui::TableSetupColumn(column.title.c_str());
        ImGui::TableHeadersRow();
        const auto& stats = planner.document.session->stats();
        const auto& units = planner.document.session->assignment().units;
        for (std::size_t row : sorted_rows(planner, columns)) {
            ImGui::TableNextRow();
            for (std::size_t c = 0; c < columns.size(); ++c) {
                ImGui::TableSetColumnIndex(static_cast<int>(c));
                cell(stats[row], units[row], columns[c], c);
            }
        }
        ImGui::EndTable();
    }
}

}  // namespace

void stats_panel(const Planner& planner, CandidatesPanelState& candidates, std::vector<Command>& out) {
    // Along the bottom, right of the units panel: the map keeps the rest (MapView insets).
    ImGui::SetNextWindowPos(ImVec2(panel_width + 16, static_cast<float>(planner.view.height) - bottom_height),
                            ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(static_cast<float>(planner.view.width) - panel_width - 24, bottom_height - 8),
                             ImGuiCond_FirstUseEver);
    if (ImGui::Begin("Statistics") && ImGui::BeginTabBar("statistics tabs")) {
        if (ImGui::BeginTabItem("Scores")) {
            scores_tab(planner);
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem("Command units")) {
            command_units_tab(planner);
            ImGui::EndTabItem();
        }
        // A search started (from the tab, or a replay) brings the tab forward once.
        const bool bring_forward = candidates.seen_search != planner.candidates.serial();
        candidates.seen_search = planner.candidates.serial();
        if (ImGui::BeginTabItem("Candidates", nullptr, bring_forward ? ImGuiTabItemFlags_SetSelected : 0)) {
            candidates_tab(planner, candidates, out);
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    ImGui::End();
}

}  // namespace ui
