// Compare with…: the moves between the plan compared with and this one, grouped as `wardmap diff`
// groups them (a whole borough on one line), with what goes with each and the command units whose
// officers or crime change; the moved wards outlined on the map in their new unit's colour. Reads
// the Comparison the planner keeps current (ui/planner/comparison.h): nothing is worked out here.
#include "ui/app/items_on_screen.h"
#include "ui/panels/figure_panels.h"

#include <imgui.h>

#include <cmath>
#include <fmt/format.h>

namespace ui {

namespace {

// "1 234 → 1 240 (+6)"
std::string change_text(double before, double after, bool in_before, bool in_after) {
    const auto number = [](bool in, double value) { return in ? fmt::format("{:.0f}", value) : std::string("-"); };
    std::string text = number(in_before, before) + " → " + number(in_after, after);
    if (in_before && in_after && std::abs(after - before) >= 0.5) text += fmt::format(" ({:+.0f})", after - before);
    return text;
}

void moves_list(const Planner& planner, const geo::PlanDiff& diff, std::vector<Command>& out) {
    for (std::size_t m = 0; m < diff.moves.size(); ++m) {
        const geo::Move& move = diff.moves[m];
        const std::string line = geo::describe(planner.wards, move), figures = geo::move_figures(move, diff.officers);
        // Wrapped, not cut: a move names its borough, its wards and both units. A click flies the map to its wards.
        ImGui::TextWrapped("%s", line.c_str());
        if (ImGui::IsItemClicked()) {
            geo::Extent extent;
            for (std::size_t w : move.wards) extent.include(planner.map.index().envelope(w));
            out.emplace_back(FlyTo{extent});
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Click to show these wards");
        note_item(fmt::format("Compare move {}", m), line + " | " + figures);
        ImGui::Indent();
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
        ImGui::TextWrapped("%s", figures.c_str());
        ImGui::PopStyleColor();
        ImGui::Unindent();
    }
}

void units_table(const geo::PlanDiff& diff) {
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("compared units", 4, flags)) return;
    for (const char* title : {"Unit", "Wards", "Officers", "Crime ±"}) ImGui::TableSetupColumn(title);
    ImGui::TableHeadersRow();
    for (const geo::UnitChange& unit : diff.units) {
        if (!unit.changed()) continue;
        const geo::UnitFigures& a = unit.before;
        const geo::UnitFigures& b = unit.after;
        const std::string wards = change_text(static_cast<double>(a.wards), static_cast<double>(b.wards), a.in_plan, b.in_plan);
        const std::string officers = diff.officers ? change_text(a.officers, b.officers, a.in_plan, b.in_plan) : "-";
        // Crime as its change alone: the panel is narrow, and the change is what a move carries.
        const std::string crime = a.crime.known && a.in_plan && b.in_plan ? fmt::format("{:+.0f}", b.crime.sum - a.crime.sum) : "-";
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::TextUnformatted(unit.code.c_str());
        note_item("Compare unit " + unit.code, "wards " + wards + " | officers " + officers + " | crime " + crime);
        ImGui::TableSetColumnIndex(1);
        ImGui::TextUnformatted(wards.c_str());
        ImGui::TableSetColumnIndex(2);
        ImGui::TextUnformatted(officers.c_str());
        ImGui::TableSetColumnIndex(3);
        ImGui::TextUnformatted(crime.c_str());
    }
    ImGui::EndTable();
}

}  // namespace

void compare_panel(const Planner& planner, std::vector<Command>& out) {
    if (!planner.comparison || !planner.comparison->worked_out) return;
    const Comparison& comparison = *planner.comparison;
    const geo::PlanDiff& diff = comparison.diff;
    // Over the map colours at the top of the right column, where it opened; it can be moved.
    ImGui::SetNextWindowPos(ImVec2(static_cast<float>(planner.view.width) - panel_width - 8, 28), ImGuiCond_Appearing);
    ImGui::SetNextWindowSize(ImVec2(panel_width, rollout_panel_height), ImGuiCond_Appearing);
    if (ImGui::Begin("Compare")) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextDisabled("Compared with %s (%s): what this plan changes (worked out in %.2f ms)", comparison.label.c_str(),
                            comparison.name.c_str(), comparison.diff_ms);
        ImGui::PopTextWrapPos();
        const std::string summary = fmt::format("{} ward(s) change command unit, in {} move(s)", diff.wards_moved, diff.moves.size());
        ImGui::TextUnformatted(summary.c_str());
        note_item("Compare summary", summary);
        if (ImGui::Button("Clear comparison")) out.emplace_back(ClearComparison{});
        note_item("Clear comparison");
        ImGui::Separator();
        moves_list(planner, diff, out);
        if (!diff.moves.empty()) {
            ImGui::Spacing();
            units_table(diff);
        }
        if (!diff.officers) note_text("Officers are not compared: the plans' officers could not be worked out (see the Officers panel).");
    }
    ImGui::End();
}

void compare_outlines(const Planner& planner) {
    if (!planner.comparison || !planner.comparison->worked_out) return;
    ImDrawList& draw = *ImGui::GetBackgroundDrawList();
    const geo::Assignment& assignment = planner.document.session->assignment();
    std::vector<ImVec2> points;
    for (const MovedOutline& outline : planner.comparison->outlines) {
        const int unit = assignment.find(outline.to_code);
        const render::gl::Rgba colour = planner.map.unit_colour(*planner.document.session, unit >= 0 ? unit : geo::unassigned);
        for (const std::vector<WorldPoint>& ring : outline.rings) {
            points.clear();
            for (const WorldPoint& p : ring) {
                const ScreenPoint s = planner.view.to_screen(p);
                points.emplace_back(static_cast<float>(s.x), static_cast<float>(s.y));
            }
            // The new unit's colour inside white inside dark: it reads on its own fill and on its neighbours'.
            draw.AddPolyline(points.data(), static_cast<int>(points.size()), IM_COL32(20, 20, 20, 230), ImDrawFlags_Closed, 6.0f);
            draw.AddPolyline(points.data(), static_cast<int>(points.size()), IM_COL32_WHITE, ImDrawFlags_Closed, 4.0f);
            draw.AddPolyline(points.data(), static_cast<int>(points.size()), colour | IM_COL32_A_MASK, ImDrawFlags_Closed, 2.0f);
        }
    }
}

}  // namespace ui
