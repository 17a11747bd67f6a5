#include "geo/export/plan_layers.h"

#include "geo/core/version.h"

#include <algorithm>
#include <chrono>
#include <fmt/chrono.h>
#include <fmt/format.h>

namespace geo {
namespace {

std::string joined(const std::vector<std::string>& items) {
    std::string text;
    for (const auto& item : items) text += (text.empty() ? "" : ",") + item;
    return text;
}

bool same_name(const std::string& a, const std::string& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](unsigned char x, unsigned char y) { return std::tolower(x) == std::tolower(y); });
}

// The columns a GeoPackage keeps for itself (geometry and key): a source field of that name would
// stop the export with SQLite's "duplicate column name".
bool reserved(const std::string& name) { return same_name(name, "geom") || same_name(name, "fid"); }

bool taken(const std::vector<FieldDef>& fields, const std::string& name) {
    return reserved(name) || std::any_of(fields.begin(), fields.end(), [&](const FieldDef& field) { return same_name(field.name, name); });
}

// The extra columns after the layer's own, renamed like source fields if a name is taken.
void add_extra(OutputLayer& layer, const std::vector<std::string>& codes, const ExtraColumns& extra) {
    if (extra.fields.empty()) return;
    for (FieldDef field : extra.fields) {
        while (taken(layer.fields, field.name)) field.name = "x_" + field.name;
        layer.fields.push_back(field);
    }
    for (std::size_t f = 0; f < layer.features.size(); ++f) {
        auto& values = layer.features[f].values;
        const auto row = extra.by_code.find(codes[f]);
        if (row != extra.by_code.end()) values.insert(values.end(), row->second.begin(), row->second.end());
        else values.resize(values.size() + extra.fields.size());
    }
}

}  // namespace

void ExtraColumns::append(const ExtraColumns& more) {
    const std::size_t before = fields.size();
    fields.insert(fields.end(), more.fields.begin(), more.fields.end());
    for (auto& [code, values] : by_code) values.resize(fields.size());
    for (const auto& [code, values] : more.by_code) {
        auto& row = by_code[code];
        row.resize(before);
        row.insert(row.end(), values.begin(), values.end());
    }
}

OutputLayer units_layer(const WardSet& set, const Grouping& grouping, bool with_attributes, const ExtraColumns& extra) {
    OutputLayer layer{"units", "Units with their parent and command unit", {}, {}};
    layer.fields = {{"code", FieldKind::text}, {"name", FieldKind::text}, {"parent", FieldKind::text},
                    {"parent_nm", FieldKind::text}, {"cu_code", FieldKind::text}, {"cu_name", FieldKind::text},
                    {"phase", FieldKind::text}};
    if (with_attributes)
        for (FieldDef field : set.fields) {
            // Output formats compare column names without case: the source's "Name" would clash with ours.
            // Extra columns (officers, phase) keep their names too: the source's copy is renamed.
            // So are "geom" and "fid", the GeoPackage's own.
            while (taken(layer.fields, field.name) || taken(extra.fields, field.name)) field.name = "src_" + field.name;
            layer.fields.push_back(field);
        }
    for (std::size_t u = 0; u < set.units.size(); ++u) {
        const Ward& unit = set.units[u];
        OutputFeature feature;
        feature.shape = unit.shape.get();
        const int group = grouping.group_of_unit[u];
        const GroupInfo* info = group >= 0 ? &grouping.groups[group] : nullptr;
        auto& values = feature.values;
        values.reserve(7 + unit.values.size());
        for (const std::string* text : {&unit.code, &unit.name, &unit.parent_code, &unit.parent_name}) values.emplace_back(*text);
        values.push_back(info ? FieldValue(info->code) : FieldValue());
        values.push_back(info ? FieldValue(info->name) : FieldValue());
        values.push_back(info && !info->phase.empty() ? FieldValue(info->phase) : FieldValue());
        if (with_attributes) feature.values.insert(feature.values.end(), unit.values.begin(), unit.values.end());
        layer.features.push_back(std::move(feature));
    }
    std::vector<std::string> codes;
    for (const Ward& unit : set.units) codes.push_back(unit.code);
    add_extra(layer, codes, extra);
    return layer;
}

OutputLayer lookup_table(const WardSet& set, const Grouping& grouping, const ExtraColumns& extra) {
    OutputLayer layer = units_layer(set, grouping, false, extra);
    layer.name = "lookup";
    for (auto& feature : layer.features) feature.shape = nullptr;
    return layer;
}

OutputLayer dissolved_layer(const WardSet& set, const DissolveResult& result, const std::string& name,
                            const std::string& description, const ExtraColumns& extra) {
    OutputLayer layer{name, description, {}, {}};
    layer.fields = {{"code", FieldKind::text},      {"name", FieldKind::text},    {"colour", FieldKind::text},
                    {"phase", FieldKind::text},     {"units", FieldKind::integer}, {"parents", FieldKind::integer},
                    {"parent_cds", FieldKind::text}, {"area_km2", FieldKind::real}, {"perim_km", FieldKind::real},
                    {"parts", FieldKind::integer},  {"holes", FieldKind::integer}, {"compact", FieldKind::real}};
    std::vector<std::size_t> numeric;
    // Measures, and identifiers only where --agg asked for them (aggregate() leaves them out).
    const auto aggregated = [&](std::size_t f) {
        return std::any_of(result.units.begin(), result.units.end(), [&](const DissolvedUnit& unit) { return unit.values[f].has_value(); });
    };
    for (std::size_t f = 0; f < set.fields.size(); ++f)
        if (set.fields[f].measure() || (set.fields[f].numeric() && aggregated(f))) {
            numeric.push_back(f);
            std::string name = set.fields[f].name;
            while (taken(layer.fields, name) || taken(extra.fields, name)) name = "src_" + name;
            layer.fields.push_back({name, FieldKind::real});
        }
    for (const DissolvedUnit& unit : result.units) {
        OutputFeature feature;
        feature.shape = unit.shape.get();
        auto optional_text = [](const std::string& text) { return text.empty() ? FieldValue() : FieldValue(text); };
        auto& values = feature.values;
        values.reserve(12 + numeric.size());
        for (const std::string* text : {&unit.info.code, &unit.info.name, &unit.info.colour, &unit.info.phase})
            values.push_back(optional_text(*text));
        for (std::size_t count : {unit.members.size(), unit.parents.size()}) values.emplace_back(static_cast<std::int64_t>(count));
        values.emplace_back(joined(unit.parents));
        values.emplace_back(unit.area / 1e6);
        values.emplace_back(unit.perimeter / 1e3);
        for (int count : {unit.parts, unit.holes}) values.emplace_back(static_cast<std::int64_t>(count));
        values.emplace_back(unit.polsby_popper);
        for (std::size_t f : numeric) {
            if (unit.values[f]) feature.values.emplace_back(*unit.values[f]);
            else feature.values.emplace_back();
        }
        layer.features.push_back(std::move(feature));
    }
    std::vector<std::string> codes;
    for (const DissolvedUnit& unit : result.units) codes.push_back(unit.info.code);
    add_extra(layer, codes, extra);
    return layer;
}

std::string provenance(const WardSet& set, const Plan* plan) {
    std::vector<std::string> sources;
    for (const auto& source : set.sources) sources.push_back(source.path);
    std::string list = sources.size() <= 3 ? joined(sources) : fmt::format("{} and {} more files", sources[0], sources.size() - 1);
    return fmt::format("Made by wardmap {} on {:%Y-%m-%dT%H:%M:%SZ} from {}{}. {}", tool_version,
                       fmt::gmtime(std::chrono::system_clock::to_time_t(std::chrono::system_clock::now())), list,
                       plan ? fmt::format(" with plan {} ({})", plan->name, plan->path) : std::string(), attribution);
}

}  // namespace geo
