#include "geo/rollout/rollout_columns.h"

#include <algorithm>

namespace geo {
namespace {

std::string joined(const std::vector<std::string>& items) {
    std::string text;
    for (const auto& item : items) text += (text.empty() ? "" : " ") + item;
    return text;
}

}  // namespace

LayerExtras rollout_columns(const WardSet& set, const Grouping& grouping, const Rollout& rollout) {
    LayerExtras extras;
    extras.units.fields = {{"live_phase", FieldKind::text}, {"live_date", FieldKind::text}};
    std::vector<int> first(grouping.groups.size(), -1), last(grouping.groups.size(), -1);
    std::vector<bool> unscheduled(grouping.groups.size(), false);
    for (std::size_t u = 0; u < set.units.size(); ++u) {
        const int p = rollout.phase_of_unit[u];
        const int g = grouping.group_of_unit[u];
        if (g >= 0 && p < 0) unscheduled[g] = true;
        if (p < 0) continue;
        extras.units.by_code[set.units[u].code] = {rollout.phases[p].name, rollout.phases[p].start.iso()};
        if (g < 0) continue;
        first[g] = first[g] < 0 ? p : std::min(first[g], p);
        last[g] = std::max(last[g], p);
    }
    extras.command_units.fields = {{"live_from", FieldKind::text}, {"live_phase", FieldKind::text}, {"live_date", FieldKind::text}};
    for (std::size_t g = 0; g < grouping.groups.size(); ++g) {
        if (first[g] < 0) continue;
        auto& row = extras.command_units.by_code[grouping.groups[g].code];
        row.emplace_back(rollout.phases[first[g]].start.iso());
        // A unit with a ward never scheduled is never live whole.
        if (unscheduled[g]) row.resize(3);
        else row.insert(row.end(), {FieldValue(rollout.phases[last[g]].name), FieldValue(rollout.phases[last[g]].start.iso())});
    }
    return extras;
}

OutputLayer phase_table(const std::vector<PhaseResult>& results) {
    OutputLayer layer{"phases", "Rollout phases: what is live at the end of each", {}, {}};
    layer.fields = {{"phase", FieldKind::text},          {"start", FieldKind::text},         {"wards_new", FieldKind::integer},
                    {"wards_live", FieldKind::integer},   {"wards_plan", FieldKind::integer}, {"units_live", FieldKind::text},
                    {"units_part", FieldKind::text},      {"officers", FieldKind::integer},   {"pcsos", FieldKind::integer},
                    {"establish", FieldKind::integer},    {"findings", FieldKind::integer}};
    auto optional = [](const std::optional<int>& value) { return value ? FieldValue(std::int64_t{*value}) : FieldValue(); };
    for (const PhaseResult& result : results) {
        OutputFeature row;
        row.values = {result.phase.name, result.phase.start.iso(), static_cast<std::int64_t>(result.wards_new),
                      static_cast<std::int64_t>(result.wards_live), static_cast<std::int64_t>(result.wards_in_plan),
                      joined(result.units_live), joined(result.units_partial), optional(result.officers), optional(result.pcsos),
                      optional(result.establishment), static_cast<std::int64_t>(result.findings.size())};
        layer.features.push_back(std::move(row));
    }
    return layer;
}

}  // namespace geo
