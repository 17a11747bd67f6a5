#include "geo/officers/allocation_columns.h"

#include <cctype>

namespace geo {
namespace {

std::vector<FieldDef> command_unit_fields(const Allocation& allocation) {
    std::vector<FieldDef> fields{{"dwo", FieldKind::integer},     {"pcso", FieldKind::integer}, {"ch_supt", FieldKind::integer},
                                 {"supt", FieldKind::integer}};
    for (const std::string& pool : allocation.pools) fields.push_back({column_name(pool), FieldKind::integer});
    fields.push_back({"officers", FieldKind::integer});
    return fields;
}

std::vector<FieldValue> command_unit_values(const CommandUnitPosts& unit) {
    std::vector<FieldValue> values;
    for (int posts : {unit.dwo, unit.pcso, unit.chief_superintendents, unit.superintendents}) values.emplace_back(std::int64_t{posts});
    for (int posts : unit.pool_posts) values.emplace_back(std::int64_t{posts});
    values.emplace_back(std::int64_t{unit.officers()});
    return values;
}

}  // namespace

std::string column_name(const std::string& label) {
    std::string name;
    for (unsigned char c : label) {
        if (std::isalnum(c)) name += static_cast<char>(std::tolower(c));
        else if (!name.empty() && name.back() != '_') name += '_';
    }
    while (!name.empty() && name.back() == '_') name.pop_back();
    return name.empty() || std::isdigit(static_cast<unsigned char>(name[0])) ? "pool_" + name : name;
}

LayerExtras allocation_columns(const WardSet& set, const Allocation& allocation) {
    LayerExtras extras;
    extras.units.fields = {{"dwo", FieldKind::integer}, {"pcso", FieldKind::integer}};
    for (std::size_t u = 0; u < set.units.size(); ++u)
        if (const auto& posts = allocation.ward_of_unit[u])
            extras.units.by_code[set.units[u].code] = {std::int64_t{posts->dwo}, std::int64_t{posts->pcso}};
    extras.command_units.fields = command_unit_fields(allocation);
    for (const CommandUnitPosts& unit : allocation.units) extras.command_units.by_code[unit.code] = command_unit_values(unit);
    return extras;
}

OutputLayer allocation_table(const Allocation& allocation) {
    OutputLayer layer{"allocation", "Officers per command unit", {{"code", FieldKind::text}, {"name", FieldKind::text}, {"wards", FieldKind::integer}}, {}};
    const auto fields = command_unit_fields(allocation);
    layer.fields.insert(layer.fields.end(), fields.begin(), fields.end());
    for (const CommandUnitPosts& unit : allocation.units) {
        OutputFeature row;
        row.values = {unit.code, unit.name, static_cast<std::int64_t>(unit.wards)};
        const auto values = command_unit_values(unit);
        row.values.insert(row.values.end(), values.begin(), values.end());
        layer.features.push_back(std::move(row));
    }
    return layer;
}

}  // namespace geo
