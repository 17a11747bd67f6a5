#include "geo/compare/diff_layers.h"

#include <cmath>

namespace geo {
namespace {

FieldValue value_of(const std::vector<std::optional<double>>& values, std::size_t ward) {
    if (values.empty() || !values[ward]) return std::monostate{};
    return *values[ward];
}

// Every figure of a command unit as numbers; nullopt when the figure is not known in that plan.
struct Column {
    const char* name;
    FieldKind kind;
    std::optional<double> (*of)(const UnitFigures&);
    bool posts = false;  // known only when both plans were allocated
};

std::optional<double> total_or_none(const Total& total) { return total.known ? std::optional(total.sum) : std::nullopt; }

const Column columns[] = {
    {"wards", FieldKind::integer, [](const UnitFigures& u) { return std::optional<double>(u.wards); }},
    {"officers", FieldKind::integer, [](const UnitFigures& u) { return std::optional<double>(u.officers); }, true},
    {"dwo", FieldKind::integer, [](const UnitFigures& u) { return std::optional<double>(u.dwo); }, true},
    {"pcso", FieldKind::integer, [](const UnitFigures& u) { return std::optional<double>(u.pcso); }, true},
    {"crime", FieldKind::real, [](const UnitFigures& u) { return total_or_none(u.crime); }},
    {"population", FieldKind::real, [](const UnitFigures& u) { return total_or_none(u.population); }},
    {"area_km2", FieldKind::real, [](const UnitFigures& u) { return std::optional<double>(u.area_km2); }},
};

FieldValue as_field(std::optional<double> value, FieldKind kind) {
    if (!value) return std::monostate{};
    if (kind == FieldKind::integer) return static_cast<std::int64_t>(std::llround(*value));
    return *value;
}

}  // namespace

OutputLayer moved_wards_layer(const WardSet& wards, const PlanDiff& diff, const WardFigures& figures) {
    OutputLayer layer{"moved_wards", "Wards that change command unit between the two plans",
                      {{"code", FieldKind::text}, {"name", FieldKind::text}, {"borough", FieldKind::text},
                       {"from_code", FieldKind::text}, {"from_name", FieldKind::text}, {"to_code", FieldKind::text},
                       {"to_name", FieldKind::text}, {"whole_borough", FieldKind::integer}, {"crime", FieldKind::real},
                       {"population", FieldKind::real}, {"area_km2", FieldKind::real}},
                      {}};
    for (const Move& move : diff.moves)
        for (std::size_t w : move.wards) {
            const Ward& ward = wards.units[w];
            OutputFeature feature;
            feature.shape = ward.shape.get();
            feature.values = {ward.code, ward.name, move.borough_name, move.from_code, move.from_name, move.to_code, move.to_name,
                              std::int64_t{move.whole_borough}, value_of(figures.crime, w), value_of(figures.population, w),
                              figures.area_km2.empty() ? FieldValue{} : FieldValue{figures.area_km2[w]}};
            layer.features.push_back(std::move(feature));
        }
    return layer;
}

OutputLayer unit_changes_table(const PlanDiff& diff) {
    OutputLayer layer{"command_unit_changes", "Each command unit in plan A (before) and plan B (after)",
                      {{"code", FieldKind::text}, {"name", FieldKind::text}}, {}};
    for (const Column& column : columns)
        for (const char* when : {"_before", "_after", "_change"}) layer.fields.push_back({std::string(column.name) + when, column.kind});
    for (const UnitChange& unit : diff.units) {
        OutputFeature row;
        row.values = {unit.code, unit.name};
        for (const Column& column : columns) {
            const bool known = diff.officers || !column.posts;
            const auto before = known && unit.before.in_plan ? column.of(unit.before) : std::nullopt;
            const auto after = known && unit.after.in_plan ? column.of(unit.after) : std::nullopt;
            row.values.push_back(as_field(before, column.kind));
            row.values.push_back(as_field(after, column.kind));
            row.values.push_back(as_field(before && after ? std::optional(*after - *before) : std::nullopt, column.kind));
        }
        layer.features.push_back(std::move(row));
    }
    return layer;
}

}  // namespace geo
