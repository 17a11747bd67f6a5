#pragma once
// What the map's ward fills mean besides command units: officers (per ward or per command unit)
// and rollout phases, each with its legend; and the timeline, which greys the wards not yet live on
// a date. Colours come from render/style, the briefing maps' palettes. No ImGui here.
#include "geo/dissolve/grouping.h"
#include "geo/officers/allocation.h"
#include "geo/rollout/phase.h"
#include "render/gl/map_renderer.h"

#include <optional>
#include <string>
#include <vector>

namespace ui {

enum class ColourMode { units, officers_ward, officers_unit, phase };

// "units", "officers", "officers-unit", "phase" (the replay's words); nullopt for anything else.
std::optional<ColourMode> colour_mode_named(const std::string& name);
const char* colour_mode_label(ColourMode mode);

struct LegendEntry {
    render::gl::Rgba colour = 0;
    std::string label, detail;  // "2017-01-01 Pathfinders", "90 wards"
};

struct Colouring {
    std::vector<render::gl::Rgba> ward;  // per ward; empty: the command units' own colours
    std::string title;
    std::vector<LegendEntry> legend;
};

// A choropleth (five quantile classes) of the Dedicated Ward Officers posted in each ward, or of
// the officers of each ward's command unit. Wards in no command unit take the no-data grey.
Colouring officers_colouring(const geo::Allocation& allocation, const geo::Grouping& grouping, bool per_command_unit);
// Wards by the phase they go live in, light (first) to dark (last); unscheduled wards grey.
Colouring phase_colouring(const geo::Rollout& rollout);

// Drawn for a ward that is in the rollout but not live yet on the timeline's date: a mid grey,
// darker than the no-data grey so "later" and "never" read apart.
inline constexpr render::gl::Rgba not_live_grey = 0xff9a9a9a;
// Every ward whose `live` is false and that has a phase is drawn `not_live_grey`.
void grey_not_live(std::vector<render::gl::Rgba>& colours, const geo::Rollout& rollout, const std::vector<bool>& live);

}  // namespace ui
