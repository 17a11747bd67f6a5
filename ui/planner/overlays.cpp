#include "ui/planner/overlays.h"

namespace ui {

namespace {

Colouring colouring_of(const Planner& planner) {
    const Figures& figures = planner.figures;
    switch (planner.colour_mode) {
        case ColourMode::officers_ward:
        case ColourMode::officers_unit:
            if (figures.allocation) return officers_colouring(*figures.allocation, figures.grouping, planner.colour_mode == ColourMode::officers_unit);
            break;
        case ColourMode::phase:
            if (figures.rollout) return phase_colouring(*figures.rollout);
            break;
        case ColourMode::units: break;
    }
    // Command units, or a mode whose figures are missing (the panel says why).
    Colouring units;
    units.title = colour_mode_label(ColourMode::units);
    return units;
}

}  // namespace

void sync_overlays(Planner& planner) {
    const geo::PlanSession& session = *planner.document.session;
    if (refresh_figures(planner.figures, planner.figure_inputs, planner.wards, session, planner.adjacency)) planner.colours_dirty = true;
    if (!planner.colours_dirty) return;
    planner.colours_dirty = false;
    planner.colouring = colouring_of(planner);
    std::vector<render::gl::Rgba> colours = planner.colouring.ward.empty() ? planner.map.unit_ward_colours(session) : planner.colouring.ward;
    if (planner.timeline && planner.figures.rollout)
        grey_not_live(colours, *planner.figures.rollout, live_on(planner.figures, *planner.timeline).ward);
    planner.map.set_ward_colours(std::move(colours));
}

}  // namespace ui
