#include "ui/panels/figure_panels.h"

#include <imgui.h>

#include <algorithm>
#include <string>
#include <vector>

namespace ui {

namespace {

void establishment_line(const geo::Allocation& allocation) {
    const auto surplus = allocation.surplus();
    if (!surplus) {
        ImGui::Text("%d officers allocated; the rules give no establishment", allocation.officers);
        return;
    }
    if (*surplus >= 0) {
        ImGui::Text("Establishment %d: %d allocated, %d not allocated by these rules", *allocation.establishment, allocation.officers, *surplus);
    } else {
        ImGui::TextColored(ImVec4(0.8f, 0.1f, 0.1f, 1.f), "Establishment %d: %d allocated, a shortfall of %d", *allocation.establishment,
                           allocation.officers, -*surplus);
    }
}

// The cells as text first: fixed columns are sized to their widest cell from the first frame on (the
// table appears only once an allocation exists, and auto-fitting then left every column one letter wide).
std::vector<std::vector<std::string>> unit_rows(const geo::Allocation& allocation) {
    std::vector<std::vector<std::string>> rows;
    auto row = [&](const std::string& code, const std::string& name, std::size_t wards, int dwo, int pcso, int lead,
                   const std::vector<int>& pools, int officers) {
        std::vector<std::string> cells{code, name, std::to_string(officers), std::to_string(wards), std::to_string(dwo),
                                       std::to_string(pcso), std::to_string(lead)};
        for (int posts : pools) cells.push_back(std::to_string(posts));
        rows.push_back(std::move(cells));
    };
    std::size_t wards = 0;
    for (const geo::CommandUnitPosts& unit : allocation.units) {
        row(unit.code, unit.name, unit.wards, unit.dwo, unit.pcso, unit.chief_superintendents + unit.superintendents, unit.pool_posts, unit.officers());
        wards += unit.wards;
    }
    row("", "total", wards, allocation.dwo, allocation.pcsos, allocation.leadership, allocation.pool_sizes, allocation.officers);
    return rows;
}

void unit_table(const geo::Allocation& allocation) {
    std::vector<std::string> titles{"Unit", "Name", "Officers", "Wards", "DWO", "PCSO", "Lead"};
    for (std::size_t p = 0; p < allocation.pools.size(); ++p) titles.push_back("Pool " + std::to_string(p + 1));
    const std::vector<std::vector<std::string>> rows = unit_rows(allocation);
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingFixedFit;
    // Room below for the pools' names and "Tables and notes".
    const float below = ImGui::GetTextLineHeightWithSpacing() * static_cast<float>(3 + allocation.pools.size());
    if (!ImGui::BeginTable("officers", static_cast<int>(titles.size()), flags, ImVec2(0, -below))) return;
    // Officers right after the name: the column a narrow panel must not scroll out of sight.
    ImGui::TableSetupScrollFreeze(3, 1);
    for (std::size_t c = 0; c < titles.size(); ++c) {
        float width = ImGui::CalcTextSize(titles[c].c_str()).x;
        for (const auto& cells : rows) width = std::max(width, ImGui::CalcTextSize(cells[c].c_str()).x);
        ImGui::TableSetupColumn(titles[c].c_str(), ImGuiTableColumnFlags_WidthFixed, width);
    }
    ImGui::TableHeadersRow();
    for (std::size_t r = 0; r < rows.size(); ++r) {
        ImGui::TableNextRow();
        for (const std::string& cell : rows[r]) ImGui::TableNextColumn(), ImGui::TextUnformatted(cell.c_str());
    }
    ImGui::EndTable();
    // The pools' names are long: the table numbers them and says which is which underneath.
    for (std::size_t p = 0; p < allocation.pools.size(); ++p)
        ImGui::TextDisabled("Pool %zu: %s", p + 1, allocation.pools[p].c_str());
}

void joins_summary(const geo::PlanFigures& figures) {
    for (const geo::JoinResult& join : figures.joins) {
        ImGui::BulletText("%s: %zu of %zu wards by code, %zu by name, %zu without a value, %zu table codes unmatched", join.measure.c_str(),
                          join.by_code, join.considered, join.by_fallback.size(), join.unmatched_units.size(), join.unmatched_codes.size());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", join.path.c_str());
    }
    for (const geo::Finding& finding : figures.allocation->findings) ImGui::BulletText("note: %s", finding.message.c_str());
}

}  // namespace

void officers_panel(const Planner& planner) {
    const float top = 36 + rollout_panel_height;
    ImGui::SetNextWindowPos(ImVec2(static_cast<float>(planner.view.width) - panel_width - 8, top), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(panel_width, static_cast<float>(planner.view.height) - bottom_height - top - 8), ImGuiCond_FirstUseEver);
    if (ImGui::Begin("Officers")) {
        const geo::LatestFigures latest = shown_figures(planner);
        static const geo::PlanFigures none;
        const geo::PlanFigures& figures = latest.figures ? *latest.figures : none;
        const geo::PlanInputs* inputs = planner.document.session->inputs();
        if (!latest.figures) {
            ImGui::TextDisabled("Working out the officers...");
        } else if ((!inputs || !inputs->rules) && figures.officers_error.empty()) {
            ImGui::TextDisabled("No officer rules loaded.");
        } else if (!figures.allocation && inputs && inputs->default_officers) {
            note_text("No officers: the bundled MPS rules and their London tables do not fit these wards (" + first_line(figures.officers_error) +
                      "). Give --rules and the tables with --crime, --population or --access.");
        } else if (!figures.allocation) {
            error_text(figures.officers_error);
        } else {
            ImGui::PushTextWrapPos(0);
            ImGui::TextDisabled("Rules %s; recomputed in %.1f ms%s", inputs->rules->path.c_str(), figures.allocation_ms,
                                latest.current ? "" : "; updating to the last edit...");
            establishment_line(*figures.allocation);
            ImGui::PopTextWrapPos();
            unit_table(*figures.allocation);
            if (ImGui::TreeNode("Tables and notes")) {
                joins_summary(figures);
                ImGui::TreePop();
            }
        }
    }
    ImGui::End();
}

}  // namespace ui
