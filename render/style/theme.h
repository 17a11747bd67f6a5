#pragma once
// What a map's fills mean: each ward gets a class, each class a colour and a legend entry with the
// number of wards in it. One machinery for command units, rollout phases and any numeric field
// (officers per ward plugs in as a numeric theme as soon as geo/ provides the numbers).
#include "geo/dissolve/grouping.h"
#include "geo/source/ward.h"
#include "render/style/colour.h"

#include <optional>
#include <string>
#include <vector>

namespace render {

struct LegendEntry {
    std::string label;        // "Central North", "January 2017", "12 – 18"
    std::string detail;       // "41 wards"
    Rgb colour;
    std::size_t count = 0;
};

struct Theme {
    std::string title;                    // legend heading
    std::vector<LegendEntry> entries;
    std::vector<int> class_of_unit;       // index into entries, or -1: not in the plan / no value
    std::size_t unclassed = 0;            // units at -1
    std::string unclassed_label;          // legend text for them ("Not in the plan")
    // Parallel to entries (or shorter): an entry drawn hatched in this colour over its own (the
    // moves of a diff map, render/style/diff_theme.h).
    std::vector<std::optional<Rgb>> entry_hatch;
    std::optional<Rgb> hatch_of(std::size_t entry) const { return entry < entry_hatch.size() ? entry_hatch[entry] : std::nullopt; }
};

// One class per command unit, in the plan's order, in the plan's colour for the unit when it has
// one (GroupInfo::colour, #RRGGBB), categorical_palette's otherwise.
Theme command_unit_theme(const geo::WardSet& set, const geo::Grouping& grouping);

// One class per go-live phase (GroupInfo::phase, "YYYY-MM" sorts in time), light to dark, plus a
// class for command units whose date is not public.
Theme phase_theme(const geo::WardSet& set, const geo::Grouping& grouping);

// A choropleth of one number per unit (nullopt: no value) in up to `classes` quantile classes.
Theme numeric_theme(const std::string& title, const std::vector<std::optional<double>>& value_of_unit,
                    std::size_t classes = 5);

// `name`: bcu, phase, officers, or the name of a field of the units (numeric: choropleth; text:
// one class per value). Throws InputError when the field does not exist or officers are unknown.
Theme make_theme(const std::string& name, const geo::WardSet& set, const geo::Grouping& grouping);

// "2018-06" -> "June 2018"; anything else unchanged.
std::string phase_label(const std::string& phase);

// The distinct go-live phases of the groups, in time order ("YYYY-MM" sorts so); undated groups aside.
std::vector<std::string> dated_phases(const geo::Grouping& grouping);

// "1 ward", "41 wards".
std::string ward_count_text(std::size_t count);

// Counts, from class_of_unit, the units of each entry (counts start at zero) and the unclassed,
// and gives each entry its detail ("41 wards"): the legend shows both.
void count_classes(Theme& theme);

}  // namespace render
