#include "render/style/diff_theme.h"

namespace render {
namespace {

// Towards white: the wards that stay recede, so that the moved ones are what the eye finds.
Rgb paler(const Rgb& colour, double white) {
    return {colour.r + (1 - colour.r) * white, colour.g + (1 - colour.g) * white, colour.b + (1 - colour.b) * white};
}

constexpr double staying_white = 0.45, moved_white = 0.85;

}  // namespace

std::string move_label(const geo::WardSet& set, const geo::Move& move) {
    const auto side = [](const std::string& code, const std::string& name) { return code.empty() ? std::string("none") : name; };
    const std::string route = side(move.from_code, move.from_name) + " \u2192 " + side(move.to_code, move.to_name);
    if (move.whole_borough) return move.borough_name + ": " + route;
    if (move.wards.size() == 1) return set.units[move.wards.front()].name + ": " + route;
    return move.borough_name + " (part): " + route;
}

Theme diff_theme(const geo::WardSet& set, const geo::Grouping& after, const geo::PlanDiff& diff) {
    const Theme units = command_unit_theme(set, after);
    Theme theme;
    theme.title = diff.moves.empty() ? "No ward changes command unit" : "Moves, then command units";
    theme.unclassed_label = "Not in the plan";
    theme.class_of_unit = units.class_of_unit;
    std::vector<bool> moved(set.units.size(), false);
    for (const geo::Move& move : diff.moves) {
        Rgb colour{0.55, 0.55, 0.55};  // moved out of every command unit
        for (std::size_t g = 0; g < after.groups.size(); ++g)
            if (after.groups[g].code == move.to_code) colour = units.entries[g].colour;
        const int entry = static_cast<int>(theme.entries.size());
        theme.entries.push_back({move_label(set, move), "", paler(colour, moved_white), 0});
        theme.entry_hatch.push_back(colour);
        for (std::size_t w : move.wards) theme.class_of_unit[w] = entry, moved[w] = true;
    }
    const int first_unit = static_cast<int>(theme.entries.size());
    for (const LegendEntry& unit : units.entries) theme.entries.push_back({unit.label, "", paler(unit.colour, staying_white), 0});
    for (std::size_t w = 0; w < theme.class_of_unit.size(); ++w)
        if (const int c = units.class_of_unit[w]; c >= 0 && !moved[w]) theme.class_of_unit[w] = first_unit + c;
    count_classes(theme);
    return theme;
}

}  // namespace render
