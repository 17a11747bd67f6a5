#include "ui/map/colour_modes.h"

#include "render/style/palette.h"
#include "render/style/theme.h"

#include <algorithm>
#include <cmath>

namespace ui {

namespace {

render::gl::Rgba to_rgba(const render::Rgb& c) {
    auto byte = [](double v) { return static_cast<unsigned char>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
    return render::gl::rgba(byte(c.r), byte(c.g), byte(c.b));
}

// The briefing legends' en dash is not in the window's font (ImGui's default covers Latin-1 only).
std::string window_text(const std::string& label) {
    static const std::string en_dash = "\u2013";
    std::string text;
    for (std::size_t from = 0;;) {
        const std::size_t at = label.find(en_dash, from);
        text.append(label, from, at == std::string::npos ? std::string::npos : at - from);
        if (at == std::string::npos) return text;
        text += '-';
        from = at + en_dash.size();
    }
}

}  // namespace

std::optional<ColourMode> colour_mode_named(const std::string& name) {
    if (name == "units" || name == "bcu") return ColourMode::units;
    if (name == "officers") return ColourMode::officers_ward;
    if (name == "officers-unit") return ColourMode::officers_unit;
    if (name == "phase") return ColourMode::phase;
    return std::nullopt;
}

const char* colour_mode_label(ColourMode mode) {
    switch (mode) {
        case ColourMode::units: return "Command units";
        case ColourMode::officers_ward: return "Officers per ward";
        case ColourMode::officers_unit: return "Officers per command unit";
        case ColourMode::phase: return "Phase";
    }
    return "";
}

Colouring officers_colouring(const geo::Allocation& allocation, const geo::Grouping& grouping, bool per_command_unit) {
    std::vector<std::optional<double>> values(allocation.ward_of_unit.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
        const int group = i < grouping.group_of_unit.size() ? grouping.group_of_unit[i] : -1;
        if (!allocation.ward_of_unit[i] || group < 0) continue;
        values[i] = per_command_unit ? allocation.units[static_cast<std::size_t>(group)].officers() : allocation.ward_of_unit[i]->dwo;
    }
    const render::Theme theme =
        render::numeric_theme(per_command_unit ? "Officers of the ward's command unit" : "Dedicated Ward Officers per ward", values);
    Colouring colouring;
    colouring.title = theme.title;
    colouring.ward.assign(values.size(), to_rgba(render::no_data_grey));
    for (std::size_t i = 0; i < values.size(); ++i)
        if (theme.class_of_unit[i] >= 0) colouring.ward[i] = to_rgba(theme.entries[static_cast<std::size_t>(theme.class_of_unit[i])].colour);
    for (const render::LegendEntry& entry : theme.entries) colouring.legend.push_back({to_rgba(entry.colour), window_text(entry.label), render::ward_count_text(entry.count)});
    if (theme.unclassed > 0) colouring.legend.push_back({to_rgba(render::no_data_grey), "In no command unit", render::ward_count_text(theme.unclassed)});
    return colouring;
}

Colouring phase_colouring(const geo::Rollout& rollout) {
    const std::vector<render::Rgb> palette = render::sequential_palette(rollout.phases.size());
    Colouring colouring;
    colouring.title = "Rollout phase";
    colouring.ward.assign(rollout.phase_of_unit.size(), to_rgba(render::no_data_grey));
    std::vector<std::size_t> counts(rollout.phases.size(), 0);
    std::size_t unscheduled = 0;
    for (std::size_t i = 0; i < rollout.phase_of_unit.size(); ++i) {
        const int phase = rollout.phase_of_unit[i];
        if (phase < 0) {
            ++unscheduled;
            continue;
        }
        colouring.ward[i] = to_rgba(palette[static_cast<std::size_t>(phase)]);
        ++counts[static_cast<std::size_t>(phase)];
    }
    for (std::size_t p = 0; p < rollout.phases.size(); ++p)
        colouring.legend.push_back({to_rgba(palette[p]), rollout.phases[p].start.iso() + "  " + rollout.phases[p].name, render::ward_count_text(counts[p])});
    // Unscheduled includes the City of London and any ward outside the plan.
    if (unscheduled > 0) colouring.legend.push_back({to_rgba(render::no_data_grey), "Not scheduled or not in the plan", render::ward_count_text(unscheduled)});
    return colouring;
}

void grey_not_live(std::vector<render::gl::Rgba>& colours, const geo::Rollout& rollout, const std::vector<bool>& live) {
    for (std::size_t i = 0; i < colours.size() && i < live.size() && i < rollout.phase_of_unit.size(); ++i)
        if (rollout.phase_of_unit[i] >= 0 && !live[i]) colours[i] = not_live_grey;
}

}  // namespace ui
