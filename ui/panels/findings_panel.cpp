#include "ui/panels/panels.h"

#include <imgui.h>

#include <string>
#include <utility>

namespace ui {

namespace {

// A place and enough around it to see the ward and its neighbours.
geo::Extent around(const geo::Location& at) {
    constexpr double metres = 1500;
    geo::Extent extent;
    extent.include(at.x - metres, at.y - metres);
    extent.include(at.x + metres, at.y + metres);
    return extent;
}

// Where a finding is: its location, else the wards, boroughs or unit it names.
geo::Extent extent_of_finding(const Planner& planner, const geo::Finding& finding) {
    if (finding.location) return around(*finding.location);
    geo::Extent extent;
    for (const std::string& code : finding.codes) extent.include(extent_of(planner, code));
    if (extent.empty && !finding.unit_code.empty()) extent = extent_of(planner, finding.unit_code);
    return extent;
}

// The panel is narrow and a finding names its units and pieces: the whole line, wrapped, on hover.
void full_text_on_hover(const std::string& text) {
    if (!ImGui::IsItemHovered()) return;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 40);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

const ImVec4 error_colour(0.75f, 0.1f, 0.1f, 1), warning_colour(0.7f, 0.45f, 0, 1), info_colour(0.3f, 0.3f, 0.3f, 1);

// Rows of places, each flying the map there when clicked, its whole text on hover. Only the rows
// in sight are built (a national plan can have thousands), and a row's place is worked out only
// when it is clicked: finding a ward by code goes through every ward.
template <typename RowOf, typename WhereOf>
void place_rows(std::size_t count, RowOf&& row_of, WhereOf&& where_of, std::vector<Command>& out) {
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(count));
    while (clipper.Step()) {
        for (std::size_t i = static_cast<std::size_t>(clipper.DisplayStart); i < static_cast<std::size_t>(clipper.DisplayEnd); ++i) {
            const auto [label, colour] = row_of(i);
            ImGui::PushID(static_cast<int>(i));
            ImGui::PushStyleColor(ImGuiCol_Text, colour);
            const bool clicked = ImGui::Selectable(label.c_str());
            full_text_on_hover(label);
            ImGui::PopStyleColor();
            ImGui::PopID();
            if (!clicked) continue;
            if (const geo::Extent extent = where_of(i); !extent.empty) out.emplace_back(FlyTo{extent});
        }
    }
}

// What loading the boundary files found (repairs, duplicate codes, gaps): said once, above the
// plan's findings, or a planner editing a plan on doubled or broken wards would never hear of it.
void loading_problems(const Planner& planner, std::vector<Command>& out) {
    const auto& problems = planner.wards.hygiene.problems;
    if (problems.empty()) return;
    const std::string title = "Loading the boundaries: " + std::to_string(problems.size()) + " problem(s)###loading";
    if (!ImGui::TreeNode(title.c_str())) return;  // the node's ID scope keeps these rows apart from the findings'
    place_rows(
        problems.size(),
        [&](std::size_t i) {
            const geo::Problem& p = problems[i];
            return std::pair{std::string(geo::to_string(p.kind)) + ": " + p.unit_code + " " + p.unit_name + ": " + p.detail, warning_colour};
        },
        [&](std::size_t i) { return problems[i].location ? around(*problems[i].location) : extent_of(planner, problems[i].unit_code); },
        out);
    ImGui::TreePop();
    ImGui::Separator();
}

}  // namespace

void findings_panel(const Planner& planner, std::vector<Command>& out) {
    // Under the units panel, in the left column.
    ImGui::SetNextWindowPos(ImVec2(8, units_panel_height + 36), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(panel_width, static_cast<float>(planner.view.height) - units_panel_height - 44),
                             ImGuiCond_FirstUseEver);
    const auto& findings = planner.document.session->findings();
    const std::string title = "Findings (" + std::to_string(findings.size()) + ")###Findings";
    if (ImGui::Begin(title.c_str())) {
        loading_problems(planner, out);
        if (findings.empty()) ImGui::TextDisabled("No findings: every ward assigned, every unit whole and in one piece.");
        place_rows(
            findings.size(),
            [&](std::size_t i) {
                const geo::Finding& finding = findings[i];
                const ImVec4 colour = finding.severity == geo::Severity::error     ? error_colour
                                      : finding.severity == geo::Severity::warning ? warning_colour
                                                                                   : info_colour;
                return std::pair{std::string(geo::to_string(finding.kind)) + ": " + finding.message, colour};
            },
            [&](std::size_t i) { return extent_of_finding(planner, findings[i]); }, out);
    }
    ImGui::End();
}

}  // namespace ui
