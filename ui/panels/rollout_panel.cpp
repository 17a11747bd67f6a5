#include "ui/panels/figure_panels.h"

#include "ui/app/items_on_screen.h"

#include <imgui.h>

#include <string>

namespace ui {

namespace {

constexpr double seconds_per_phase = 1.0;  // Play: long enough to read the live line

ImVec4 to_vec4(render::gl::Rgba c) {
    return ImVec4(static_cast<float>(c & 0xff) / 255.f, static_cast<float>((c >> 8) & 0xff) / 255.f,
                  static_cast<float>((c >> 16) & 0xff) / 255.f, 1.f);
}

void colour_mode_choice(const Planner& planner, std::vector<Command>& out) {
    ImGui::SetNextItemWidth(220);
    if (!ImGui::BeginCombo("Map colours", colour_mode_label(planner.colour_mode))) return;
    for (ColourMode mode : {ColourMode::units, ColourMode::officers_ward, ColourMode::officers_unit, ColourMode::phase})
        if (ImGui::Selectable(colour_mode_label(mode), mode == planner.colour_mode)) out.emplace_back(ColourBy{mode});
    ImGui::EndCombo();
}

void legend(const Planner& planner) {
    const Colouring& colouring = planner.colouring;
    if (colouring.legend.empty()) return;
    ImGui::TextUnformatted(colouring.title.c_str());
    for (const LegendEntry& entry : colouring.legend) {
        ImGui::ColorButton(("##" + entry.label).c_str(), to_vec4(entry.colour), ImGuiColorEditFlags_NoTooltip, ImVec2(14, 14));
        ImGui::SameLine();
        ImGui::Text("%s  (%s)", entry.label.c_str(), entry.detail.c_str());
    }
    if (planner.timeline) {
        ImGui::ColorButton("##notlive", to_vec4(not_live_grey), ImGuiColorEditFlags_NoTooltip, ImVec2(14, 14));
        ImGui::SameLine();
        ImGui::TextUnformatted("Not live yet on the timeline's date");
    }
}

// The index of the last phase started by `date` (0 before the first).
int phase_index(const geo::Rollout& rollout, geo::Date date) {
    int index = 0;
    for (std::size_t p = 0; p < rollout.phases.size(); ++p)
        if (rollout.phases[p].start <= date) index = static_cast<int>(p);
    return index;
}

void live_line(const geo::PlanFigures& figures, geo::Date date) {
    const geo::LiveOn live = geo::live_on(figures, date);
    ImGui::PushTextWrapPos(0);
    const std::size_t in_plan = figures.phases.empty() ? 0 : figures.phases.front().wards_in_plan;
    ImGui::Text("On %s: %zu of %zu wards live", date.iso().c_str(), live.wards_live, in_plan);
    if (!live.phase) {
        ImGui::TextUnformatted("No command unit live yet");
        ImGui::PopTextWrapPos();
        return;
    }
    ImGui::Text("%zu command units live, %zu in part", live.phase->units_live.size(), live.phase->units_partial.size());
    if (live.phase->officers && live.phase->establishment) {
        const int spare = *live.phase->establishment - *live.phase->officers;
        ImGui::Text("%d officers needed of an establishment of %d (%d %s)", *live.phase->officers, *live.phase->establishment,
                    spare >= 0 ? spare : -spare, spare >= 0 ? "to spare" : "short");
    } else if (live.phase->officers) {
        ImGui::Text("%d officers needed", *live.phase->officers);
    }
    ImGui::PopTextWrapPos();
}

void timeline(const Planner& planner, const geo::PlanFigures& figures, RolloutPanelState& state, std::vector<Command>& out) {
    const geo::Rollout& rollout = *figures.rollout;
    if (rollout.phases.empty()) return;
    bool on = planner.timeline.has_value();
    if (ImGui::Checkbox("Timeline", &on)) {
        out.emplace_back(Timeline{on ? std::optional(rollout.phases.front().start) : std::nullopt});
        state.playing = false;
    }
    note_item("Timeline");
    if (!planner.timeline) return;
    const int last = static_cast<int>(rollout.phases.size()) - 1;
    int index = phase_index(rollout, *planner.timeline);
    ImGui::SameLine();
    const char* play = state.playing ? "Pause" : "Play";
    if (ImGui::Button(play)) {
        state.playing = !state.playing;
        state.last_step = ImGui::GetTime();
        if (state.playing && index == last) out.emplace_back(Timeline{rollout.phases.front().start});
    }
    note_item(play);
    if (state.playing && ImGui::GetTime() - state.last_step >= seconds_per_phase) {
        state.last_step = ImGui::GetTime();
        if (index < last) out.emplace_back(Timeline{rollout.phases[static_cast<std::size_t>(index + 1)].start});
        else state.playing = false;
    }
    const std::string shown = planner.timeline->iso() + "  " + rollout.phases[static_cast<std::size_t>(index)].name;
    ImGui::SetNextItemWidth(-1);
    if (ImGui::SliderInt("##date", &index, 0, last, shown.c_str(), ImGuiSliderFlags_AlwaysClamp))
        out.emplace_back(Timeline{rollout.phases[static_cast<std::size_t>(index)].start});
    note_item("date", shown);
    live_line(figures, *planner.timeline);
}

}  // namespace

void rollout_panel(const Planner& planner, RolloutPanelState& state, std::vector<Command>& out) {
    ImGui::SetNextWindowPos(ImVec2(static_cast<float>(planner.view.width) - panel_width - 8, 28), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(panel_width, rollout_panel_height), ImGuiCond_FirstUseEver);
    if (ImGui::Begin("Map colours and rollout")) {
        colour_mode_choice(planner, out);
        const geo::LatestFigures latest = shown_figures(planner);
        static const geo::PlanFigures none;
        const geo::PlanFigures& figures = latest.figures ? *latest.figures : none;
        const geo::PlanInputs* inputs = planner.document.session->inputs();
        const bool officers = planner.colour_mode == ColourMode::officers_ward || planner.colour_mode == ColourMode::officers_unit;
        if (officers && !figures.allocation) ImGui::TextDisabled("No officers: %s", figures.officers_error.empty() ? "no rules" : "see Officers");
        legend(planner);
        ImGui::Separator();
        if (!inputs || !inputs->rollout) {
            ImGui::TextDisabled("No rollout chosen.");
        } else if (!latest.figures) {
            ImGui::TextDisabled("Working out the rollout...");
        } else if (!figures.rollout && inputs->default_rollout) {
            note_text("No rollout: the bundled SLP tranches are for the MPS 12-BCU plan and do not fit this one (" +
                      first_line(figures.rollout_error) + "). Choose one with --tranches, --step-change, --counts or --plan-phases.");
        } else if (!figures.rollout) {
            error_text("Rollout: " + figures.rollout_error);
        } else {
            ImGui::PushTextWrapPos(0);
            ImGui::TextDisabled("Rollout: %s; %zu phases, recomputed in %.1f ms%s", geo::describe(*inputs->rollout).c_str(),
                                figures.rollout->phases.size(), figures.rollout_ms, latest.current ? "" : "; updating to the last edit...");
            ImGui::PopTextWrapPos();
            timeline(planner, figures, state, out);
            std::size_t findings = 0;
            for (const geo::PhaseResult& result : figures.phases) findings += result.findings.size();
            if (findings > 0 && ImGui::TreeNode("findings", "%zu finding(s) over the phases", findings)) {
                for (const geo::PhaseResult& result : figures.phases)
                    for (const geo::Finding& finding : result.findings)
                        ImGui::BulletText("%s: %s", result.phase.name.c_str(), finding.message.c_str());
                ImGui::TreePop();
            }
        }
    }
    ImGui::End();
}

}  // namespace ui
