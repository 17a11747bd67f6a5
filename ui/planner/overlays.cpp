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

render::gl::Rgba faded(render::gl::Rgba colour) {
    const auto channel = [&](int shift) { return static_cast<unsigned char>((((colour >> shift) & 0xff) + 2 * 235) / 3); };
    return render::gl::rgba(channel(0), channel(8), channel(16));
}

// A candidate over the plan: wards it would move in the colour of their new unit, the rest faded,
// so what "Use this plan" would change stands out; the outlines stay the plan's.
void preview(const Planner& planner, const geo::Candidate& candidate, std::vector<render::gl::Rgba>& colours) {
    const geo::Assignment& plan = planner.document.session->assignment();
    const geo::ReplacePlan adopted = adopt_edit(candidate, "");
    const std::vector<std::string> codes = candidate_ward_codes(candidate);
    for (std::size_t w = 0; w < colours.size() && w < codes.size(); ++w) {
        const int now = plan.unit_of[w];
        const std::string current = now >= 0 ? plan.units[static_cast<std::size_t>(now)].code : "";
        if (codes[w].empty() || codes[w] == current) colours[w] = faded(colours[w]);
        else colours[w] = parse_colour(adopted.units[static_cast<std::size_t>(adopted.unit_of[w])].colour, static_cast<std::size_t>(adopted.unit_of[w]));
    }
}

}  // namespace

void sync_overlays(Planner& planner) {
    const geo::PlanSession& session = *planner.document.session;
    // Fills follow every edit, and officers and phase fills the figures when they arrive.
    const geo::LatestFigures figures = shown_figures(planner);
    if (planner.comparison) update_comparison(*planner.comparison, planner.wards, session, figures);
    if (planner.coloured_revision != session.revision() || planner.coloured_figures != figures.revision ||
        planner.coloured_preview != planner.candidates.preview_serial)
        planner.colours_dirty = true;
    if (!planner.colours_dirty) return;
    planner.colours_dirty = false;
    planner.coloured_revision = session.revision();
    planner.coloured_figures = figures.revision;
    planner.coloured_preview = planner.candidates.preview_serial;
    planner.colouring = colouring_of(planner, figures.figures);
    std::vector<render::gl::Rgba> colours = planner.colouring.ward.empty() ? planner.map.unit_ward_colours(session) : planner.colouring.ward;
    if (planner.timeline && figures.figures && figures.figures->rollout)
        grey_not_live(colours, *figures.figures->rollout, geo::live_on(*figures.figures, *planner.timeline).ward);
    if (planner.candidates.preview)
        if (const geo::Candidate* candidate = planner.candidates.candidate(*planner.candidates.preview)) preview(planner, *candidate, colours);
    planner.map.set_ward_colours(std::move(colours));
}

}  // namespace ui
