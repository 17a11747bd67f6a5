#include "ui/planner/frame.h"

#include "geo/core/errors.h"
#include "render/gl/gl.h"
#include "ui/planner/overlays.h"

#include <imgui.h>

#include <cmath>

namespace ui {

namespace {

void close_and_recover(Planner& planner, PanelStates& panels, std::vector<Command>& out) {
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
    switch (recovery_dialog(panels.recovering, panels.autosave)) {
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
    planner.view.inset_left = planner.show.panels ? panel_width + 16 : 0;
    planner.view.inset_top = planner.show.panels ? 24 : 0;
    planner.view.inset_bottom = planner.show.panels ? bottom_height : 0;
    planner.view.inset_right = planner.show.panels ? panel_width + 16 : 0;  // figure_panels.h: the right column
    if (planner.show.panels) {
        menu_bar(planner, panels.prompt, commands);
        units_panel(planner, planner.active_unit, planner.tool, planner.whole_boroughs, panels.units, commands);
        stats_panel(planner);
        findings_panel(planner, commands);
        officers_panel(planner);
        rollout_panel(planner, panels.rollout, commands);
    }
    bool ask_save_as = false;
    shortcuts(planner, commands, ask_save_as);
    if (ask_save_as) panels.prompt.kind = PathPrompt::Kind::save_as;
    if (panels.prompt.kind == PathPrompt::Kind::export_map) panels.export_map.open = true, panels.prompt.kind = PathPrompt::Kind::none;
    path_prompt(panels.prompt, commands);
    export_map_dialog(panels.export_map, commands);
    close_and_recover(planner, panels, commands);
    if (panels.mouse) map_input(planner, panels.map, planner.view, commands);
    for (const Command& command : commands) apply_command(planner, command);
    sync_overlays(planner);
    error_dialog(planner.error);
    if (planner.quit) {
        planner.quit = false;
        panels.closing = planner.document.modified();
        panels.close_now = !panels.closing;
    }
    fly(planner);
    if (planner.show.labels) map_labels(planner);
    map_overlay(planner, panels.map);
}

void draw_frame(Planner& planner, const PanelStates& panels) {
    glClearColor(0.93f, 0.95f, 0.97f, 1.f);  // pale blue-grey: the Thames estuary and beyond
    glClear(GL_COLOR_BUFFER_BIT);
    planner.map.draw(planner.view, panels.map.hovered);
}

}  // namespace ui
