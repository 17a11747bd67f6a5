#include "ui/planner/overlays.h"

namespace ui {

namespace {

Colouring colouring_of(const Planner& planner, const geo::PlanFigures* shown) {
    static const geo::PlanFigures none;
    const geo::PlanFigures& figures = shown ? *shown : none;
    const geo::Grouping grouping = geo::grouping_of(planner.document.session->assignment());
    switch (planner.colour_mode) {
        case ColourMode::officers_ward:
        case ColourMode::officers_unit:
            if (figures.allocation) return officers_colouring(*figures.allocation, grouping, planner.colour_mode == ColourMode::officers_unit);
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
    // Fills follow every edit, and officers and phase fills the figures when they arrive.
    const geo::LatestFigures figures = shown_figures(planner);
    if (planner.comparison) update_comparison(*planner.comparison, planner.wards, session, figures);
    if (planner.coloured_revision != session.revision() || planner.coloured_figures != figures.revision) planner.colours_dirty = true;
    if (!planner.colours_dirty) return;
    planner.colours_dirty = false;
    planner.coloured_revision = session.revision();
    planner.coloured_figures = figures.revision;
    planner.colouring = colouring_of(planner, figures.figures);
    std::vector<render::gl::Rgba> colours = planner.colouring.ward.empty() ? planner.map.unit_ward_colours(session) : planner.colouring.ward;
    if (planner.timeline && figures.figures && figures.figures->rollout)
        grey_not_live(colours, *figures.figures->rollout, geo::live_on(*figures.figures, *planner.timeline).ward);
    planner.map.set_ward_colours(std::move(colours));
}

}  // namespace ui
