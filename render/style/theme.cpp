#include "render/style/theme.h"

#include "geo/core/errors.h"
#include "render/style/palette.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace render {
namespace {

std::string number_text(double value) {
    char text[32];
    std::snprintf(text, sizeof text, std::abs(value) >= 100 || value == std::floor(value) ? "%.0f" : "%.1f", value);
    return text;
}

Theme text_field_theme(const std::string& field, int index, const geo::WardSet& set) {
    Theme theme;
    theme.title = field;
    theme.unclassed_label = "No value";
    std::map<std::string, int> class_of_value;
    for (const auto& unit : set.units) {
        const std::string value = geo::as_text(unit.values[index]);
        if (value.empty()) {
            theme.class_of_unit.push_back(-1);
            continue;
        }
        auto [it, added] = class_of_value.emplace(value, static_cast<int>(theme.entries.size()));
        if (added) theme.entries.push_back({value, "", {}, 0});
        theme.class_of_unit.push_back(it->second);
    }
    const auto colours = categorical_palette(theme.entries.size());
    for (std::size_t i = 0; i < colours.size(); ++i) theme.entries[i].colour = colours[i];
    count_classes(theme);
    return theme;
}

}  // namespace

std::string ward_count_text(std::size_t count) { return std::to_string(count) + (count == 1 ? " ward" : " wards"); }

void count_classes(Theme& theme) {
    for (int c : theme.class_of_unit) {
        if (c < 0) ++theme.unclassed;
        else ++theme.entries[c].count;
    }
    for (auto& entry : theme.entries) entry.detail = ward_count_text(entry.count);
}

std::vector<std::string> dated_phases(const geo::Grouping& grouping) {
    std::vector<std::string> phases;
    for (const auto& group : grouping.groups)
        if (!group.phase.empty()) phases.push_back(group.phase);
    std::sort(phases.begin(), phases.end());
    phases.erase(std::unique(phases.begin(), phases.end()), phases.end());
    return phases;
}

std::string phase_label(const std::string& phase) {
    static const char* const months[] = {"January", "February", "March",     "April",   "May",      "June",
                                         "July",    "August",   "September", "October", "November", "December"};
    if (phase.size() != 7 || phase[4] != '-') return phase;
    const int month = std::atoi(phase.substr(5).c_str());
    if (month < 1 || month > 12) return phase;
    return std::string(months[month - 1]) + " " + phase.substr(0, 4);
}

Theme command_unit_theme(const geo::WardSet& set, const geo::Grouping& grouping) {
    Theme theme;
    theme.title = "Command units";
    theme.unclassed_label = "Not in the plan";
    // The plan's colour wins: a unit recoloured in the planner prints in that colour. Plans read
    // from files have checked their colours, so from_hex only meets #RRGGBB here.
    const auto colours = categorical_palette(grouping.groups.size());
    for (std::size_t g = 0; g < grouping.groups.size(); ++g) {
        const std::string& chosen = grouping.groups[g].colour;
        theme.entries.push_back({grouping.groups[g].name, "", chosen.empty() ? colours[g] : from_hex(chosen), 0});
    }
    theme.class_of_unit.assign(grouping.group_of_unit.begin(), grouping.group_of_unit.end());
    theme.class_of_unit.resize(set.units.size(), -1);
    count_classes(theme);
    return theme;
}

Theme phase_theme(const geo::WardSet& set, const geo::Grouping& grouping) {
    Theme theme;
    theme.title = "Go-live phase";
    theme.unclassed_label = "Not in the plan";
    const std::vector<std::string> phases = dated_phases(grouping);
    const bool undated = std::any_of(grouping.groups.begin(), grouping.groups.end(),
                                     [](const geo::GroupInfo& group) { return group.phase.empty(); });
    const auto colours = sequential_palette(phases.size());
    for (std::size_t p = 0; p < phases.size(); ++p) theme.entries.push_back({phase_label(phases[p]), "", colours[p], 0});
    if (undated) theme.entries.push_back({"Date not public", "", {0.97, 0.97, 0.97}, 0});
    for (std::size_t u = 0; u < set.units.size(); ++u) {
        const int g = u < grouping.group_of_unit.size() ? grouping.group_of_unit[u] : -1;
        if (g < 0) {
            theme.class_of_unit.push_back(-1);
            continue;
        }
        const std::string& phase = grouping.groups[g].phase;
        const auto at = std::lower_bound(phases.begin(), phases.end(), phase);
        theme.class_of_unit.push_back(phase.empty() ? static_cast<int>(phases.size())
                                                    : static_cast<int>(at - phases.begin()));
    }
    count_classes(theme);
    return theme;
}

Theme numeric_theme(const std::string& title, const std::vector<std::optional<double>>& value_of_unit,
                    std::size_t classes) {
    Theme theme;
    theme.title = title;
    theme.unclassed_label = "No value";
    std::vector<double> values;
    for (const auto& v : value_of_unit)
        if (v && std::isfinite(*v)) values.push_back(*v);
    std::sort(values.begin(), values.end());
    // Quantile breaks, merged where they coincide (a field with few distinct values).
    std::vector<double> breaks;
    for (std::size_t c = 1; c < classes && !values.empty(); ++c) {
        const double at = values[std::min(values.size() - 1, c * values.size() / classes)];
        if (at > values.front() && (breaks.empty() || at > breaks.back())) breaks.push_back(at);
    }
    if (!values.empty()) {
        const auto colours = sequential_palette(breaks.size() + 1);
        for (std::size_t c = 0; c <= breaks.size(); ++c) {
            const double low = c == 0 ? values.front() : breaks[c - 1];
            const double high = c == breaks.size() ? values.back() : breaks[c];
            const std::string label = c == breaks.size() ? number_text(low) + " – " + number_text(high)
                                                         : number_text(low) + " – < " + number_text(high);
            theme.entries.push_back({label, "", colours[c], 0});
        }
    }
    for (const auto& v : value_of_unit) {
        if (!v || !std::isfinite(*v) || values.empty()) {
            theme.class_of_unit.push_back(-1);
            continue;
        }
        theme.class_of_unit.push_back(static_cast<int>(std::upper_bound(breaks.begin(), breaks.end(), *v) - breaks.begin()));
    }
    count_classes(theme);
    return theme;
}

Theme make_theme(const std::string& name, const geo::WardSet& set, const geo::Grouping& grouping) {
    if (name == "bcu") return command_unit_theme(set, grouping);
    if (name == "phase") return phase_theme(set, grouping);
    const int index = set.field_index(name);
    if (index < 0) {
        std::string fields;
        for (const auto& f : set.fields) fields += (fields.empty() ? "" : ", ") + f.name;
        if (name == "officers")
            throw geo::InputError("--theme officers", "", "no officer allocation was given to draw",
                                  "`wardmap render --theme officers` allocates them from the officer rules (--rules, --crime, ...)");
        throw geo::InputError("--theme " + name, "", "no such theme or field",
                              "use bcu, phase, or one of the fields: " + fields);
    }
    if (!set.fields[index].numeric()) return text_field_theme(name, index, set);
    std::vector<std::optional<double>> values;
    for (const auto& unit : set.units) values.push_back(geo::as_number(unit.values[index]));
    return numeric_theme(name, values);
}

}  // namespace render
