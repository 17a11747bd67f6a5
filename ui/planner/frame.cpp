#include "ui/planner/frame.h"

#include "geo/core/errors.h"
#include "render/gl/gl.h"
#include "ui/app/screenshot.h"
#include "ui/planner/overlays.h"

#include <imgui.h>
#include <nlohmann/json.hpp>

#include <cmath>

namespace ui {

namespace {

void answer_close(Planner& planner, PanelStates& panels, std::vector<Command>& out) {
    switch (unsaved_changes_dialog(panels.closing, planner.document.meta.name)) {
        case CloseChoice::save:
            if (planner.document.path.empty()) panels.prompt.kind = PathPrompt::Kind::save_as;
            else out.emplace_back(Save{}), panels.close_now = true;
            break;
        case CloseChoice::discard:
            discard_autosave(planner.document);
            panels.close_now = panels.discarded = true;
            break;
        case CloseChoice::cancel:
        case CloseChoice::none: break;
    }
}

void answer_recovery(Planner& planner, PanelStates& panels, RecoverChoice given) {
    switch (recovery_dialog(panels.recovering, panels.autosave, given)) {
        case RecoverChoice::recover:
            try {
                replace_document(planner, recover(planner.wards, planner.document, panels.autosave));
                planner.status = "Recovered the autosaved plan: save it to keep it";
            } catch (const geo::Error& error) {
                planner.error = error.what();
            }
            break;
        case RecoverChoice::discard: discard_autosave(planner.document); break;
        case RecoverChoice::none: break;
    }
}

// A replay's answer to the recovery question, taken out of the commands while the question is
// open (else it stays, and apply_command says no question is open).
RecoverChoice take_answer(const PanelStates& panels, std::vector<Command>& commands) {
    if (!panels.recovering) return RecoverChoice::none;
    for (auto c = commands.begin(); c != commands.end(); ++c) {
        if (const AnswerRecovery* answer = std::get_if<AnswerRecovery>(&*c)) {
            const RecoverChoice choice = answer->recover ? RecoverChoice::recover : RecoverChoice::discard;
            commands.erase(c);
            return choice;
        }
    }
    return RecoverChoice::none;
}

// The plan store's dialogs, its work under way, and its question when a save was overtaken.
// Returns whether one was drawn.
bool store_questions(Planner& planner, PanelStates& panels, std::vector<Command>& out) {
    return store_open_dialog(panels.store, planner.store, out) || store_save_dialog(panels.store, planner, out) ||
           store_working_dialog(planner.store) || store_overtaken_dialog(planner.store, out);
}

// The modal questions, one at a time (a second top-level modal would close the first in ImGui),
// in this order. Called after every other window and tooltip of the frame: Dear ImGui 1.86 asserts
// (blocking_modal != NULL, its issue #4920) when a window appears after a modal's first Begin in
// the same frame, as the map's ward tooltip did under the recovery question at start.
void ask_questions(Planner& planner, PanelStates& panels, RecoverChoice given, std::vector<Command>& out) {
    if (!planner.error.empty()) {
        panels.store.kind = StoreDialogState::Kind::none;  // a store that failed is not asked again on its own
        error_dialog(planner.error);
    } else if (panels.recovering) answer_recovery(planner, panels, given);
    else if (panels.closing) answer_close(planner, panels, out);
    else if (store_questions(planner, panels, out)) return;
    else if (panels.prompt.kind != PathPrompt::Kind::none) path_prompt(panels.prompt, out);
    else if (panels.export_map.open) export_map_dialog(panels.export_map, out);
}

void fly(Planner& planner) {
    if (!planner.flying_to) return;
    planner.flying_to->width = planner.view.width;
    planner.flying_to->height = planner.view.height;
    planner.view.approach(*planner.flying_to, 0.25);
    const double off = std::abs(planner.view.metres_per_pixel / planner.flying_to->metres_per_pixel - 1);
    if (off < 0.01) planner.view = *planner.flying_to, planner.flying_to.reset();
}

}  // namespace

void build_frame(Planner& planner, PanelStates& panels, std::vector<Command> commands) {
    if (planner.candidates.poll()) {
        const CandidateRun& run = planner.candidates;
        planner.status = run.cancelled() ? "Candidate search cancelled"
                         : !run.error().empty() ? "Candidate search failed: " + first_line(run.error())
                         : "Candidates: " + search_summary(*run.result());
    }
    planner.view.inset_left = planner.show.panels ? panel_width + 16 : 0;
    planner.view.inset_top = planner.show.panels ? 24 : 0;
    planner.view.inset_bottom = planner.show.panels ? bottom_height : 0;
    planner.view.inset_right = planner.show.panels ? panel_width + 16 : 0;  // figure_panels.h: the right column
    if (planner.show.panels) {
        menu_bar(planner, panels.prompt, panels.store, commands);
        units_panel(planner, planner.active_unit, planner.tool, planner.whole_boroughs, panels.units, commands);
        stats_panel(planner, panels.candidates, commands);
        findings_panel(planner, commands);
        officers_panel(planner);
        rollout_panel(planner, panels.rollout, commands);
        compare_panel(planner, commands);
    }
    bool ask_save_as = false;
    shortcuts(planner, commands, ask_save_as);
    if (ask_save_as) panels.prompt.kind = PathPrompt::Kind::save_as;
    if (panels.prompt.kind == PathPrompt::Kind::export_map) panels.export_map.open = true, panels.prompt.kind = PathPrompt::Kind::none;
    if (panels.mouse) map_input(planner, panels.map, planner.view, commands);
    finish_store(planner);  // the plan store's work done since the last frame, if any
    const RecoverChoice given = take_answer(panels, commands);
    for (const Command& command : commands) apply_command(planner, command);
    sync_overlays(planner);
    if (planner.quit) {
        planner.quit = false;
        panels.closing = planner.document.modified();
        panels.close_now = !panels.closing;
    }
    fly(planner);
    compare_outlines(planner);
    if (planner.show.labels) map_labels(planner);
    map_overlay(planner, panels.map);
    // Last: nothing may begin a window after a question opens (see ask_questions).
    std::vector<Command> answers;
    ask_questions(planner, panels, given, answers);
    panels.question = question_on_screen();
    for (const Command& command : answers) apply_command(planner, command);
    sync_overlays(planner);  // after a recovery or a save: the next frame draws what they left
}

void draw_frame(Planner& planner, const PanelStates& panels, ImGuiBinding& imgui, FrameDamage& damage, int back_buffer_age) {
    const ImDrawData& frame = imgui.end_frame();
    damage.begin(planner.view.width, planner.view.height, back_buffer_age);
    // What changed first (the map's and the panels' kept images drawn again where they changed),
    // then the window composed again only there: the map (with the background around it, the pale
    // blue-grey of the Thames estuary and beyond), then its labels, the panels and the tooltips.
    if (const std::optional<render::gl::PixelRect> changed = planner.map.prepare(planner.view, panels.map.hovered)) damage.add(*changed);
    imgui.panels().prepare(frame, damage);
    planner.map.compose(imgui.panels().uncovered(damage));
    imgui.panels().compose(frame, damage);
}

void FrameCheck::check(Planner& planner, ImGuiBinding& imgui, const FrameDamage& damage) {
    const int width = planner.view.width, height = planner.view.height;
    ++frames;
    if (!damage.any()) ++untouched;
    else if (!damage.all()) ++partial;
    const Pixels kept = read_framebuffer(width, height);
    FrameDamage whole;
    whole.begin(width, height, 0);
    planner.map.compose(imgui.panels().uncovered(whole));
    imgui.panels().compose(*ImGui::GetDrawData(), whole);
    const Pixels drawn = read_framebuffer(width, height);
    long differing = 0;
    for (std::size_t i = 0; i + 2 < kept.rgb.size(); i += 3)
        differing += kept.rgb[i] != drawn.rgb[i] || kept.rgb[i + 1] != drawn.rgb[i + 1] || kept.rgb[i + 2] != drawn.rgb[i + 2];
    if (differing == 0) return;
    if (differing_frames++ == 0) first_differing_frame = frames;
    most_differing_pixels = std::max(most_differing_pixels, differing);
}

std::string FrameCheck::report() const {
    return nlohmann::json{{"frames_checked", frames},
                          {"frames_composed_in_part", partial},
                          {"frames_untouched", untouched},
                          {"frames_differing", differing_frames},
                          {"first_differing_frame", first_differing_frame},
                          {"most_differing_pixels", most_differing_pixels}}
        .dump();
}

}  // namespace ui
