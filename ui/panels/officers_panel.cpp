#include "ui/panels/figure_panels.h"

#include <imgui.h>

#include <string>

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

void unit_table(const geo::Allocation& allocation) {
    const int columns = 7 + static_cast<int>(allocation.pools.size());
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("officers", columns, flags, ImVec2(0, -ImGui::GetTextLineHeightWithSpacing() * 3))) return;
    // Officers right after the name: the column a narrow panel must not scroll out of sight.
    ImGui::TableSetupScrollFreeze(3, 1);
    for (const char* title : {"Unit", "Name", "Officers", "Wards", "DWO", "PCSO", "Lead"}) ImGui::TableSetupColumn(title);
    for (std::size_t p = 0; p < allocation.pools.size(); ++p) ImGui::TableSetupColumn(allocation.pools[p].c_str());
    ImGui::TableHeadersRow();
    auto row = [&](const std::string& code, const std::string& name, std::size_t wards, int dwo, int pcso, int lead,
                   const std::vector<int>& pools, int officers) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn(), ImGui::TextUnformatted(code.c_str());
        ImGui::TableNextColumn(), ImGui::TextUnformatted(name.c_str());
        ImGui::TableNextColumn(), ImGui::Text("%d", officers);
        for (long long value : {static_cast<long long>(wards), static_cast<long long>(dwo), static_cast<long long>(pcso), static_cast<long long>(lead)})
            ImGui::TableNextColumn(), ImGui::Text("%lld", value);
        for (int posts : pools) ImGui::TableNextColumn(), ImGui::Text("%d", posts);
    };
    std::size_t wards = 0;
    for (const geo::CommandUnitPosts& unit : allocation.units) {
        row(unit.code, unit.name, unit.wards, unit.dwo, unit.pcso, unit.chief_superintendents + unit.superintendents, unit.pool_posts, unit.officers());
        wards += unit.wards;
    }
    row("", "total", wards, allocation.dwo, allocation.pcsos, allocation.leadership, allocation.pool_sizes, allocation.officers);
    ImGui::EndTable();
}

void joins_summary(const Planner& planner) {
    for (const geo::JoinResult& join : planner.figures.joins) {
        ImGui::BulletText("%s: %zu of %zu wards by code, %zu by name, %zu without a value, %zu table codes unmatched", join.measure.c_str(),
                          join.by_code, join.considered, join.by_fallback.size(), join.unmatched_units.size(), join.unmatched_codes.size());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", join.path.c_str());
    }
    for (const std::string& finding : planner.figures.allocation->findings) ImGui::BulletText("note: %s", finding.c_str());
}

}  // namespace

void officers_panel(const Planner& planner) {
    const float top = 36 + rollout_panel_height;
    ImGui::SetNextWindowPos(ImVec2(static_cast<float>(planner.view.width) - panel_width - 8, top), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(panel_width, static_cast<float>(planner.view.height) - bottom_height - top - 8), ImGuiCond_FirstUseEver);
    if (ImGui::Begin("Officers")) {
        const Figures& figures = planner.figures;
        if (!planner.figure_inputs.rules && figures.officers_error.empty()) {
            ImGui::TextDisabled("No officer rules loaded.");
        } else if (!figures.allocation) {
            error_text(figures.officers_error);
        } else {
            ImGui::PushTextWrapPos(0);
            ImGui::TextDisabled("Rules %s; recomputed in %.1f ms", planner.figure_inputs.rules->path.c_str(), figures.allocation_ms);
            establishment_line(*figures.allocation);
            ImGui::PopTextWrapPos();
            unit_table(*figures.allocation);
            if (ImGui::TreeNode("Tables and notes")) {
                joins_summary(planner);
                ImGui::TreePop();
            }
        }
    }
    ImGui::End();
}

}  // namespace ui
