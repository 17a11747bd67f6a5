#include "geo/dissolve/grouping.h"

#include "geo/core/errors.h"

#include <map>

namespace geo {
namespace {

Grouping group_by(const WardSet& set, const auto& code_of, const auto& name_of) {
    Grouping grouping;
    std::map<std::string, int> index;  // ordered: groups come out sorted by code
    for (const Ward& unit : set.units) {
        const std::string code = code_of(unit);
        if (!code.empty()) index.try_emplace(code, 0);
    }
    for (auto& [code, i] : index) {
        i = static_cast<int>(grouping.groups.size());
        grouping.groups.push_back({code, "", "", ""});
    }
    for (const Ward& unit : set.units) {
        const std::string code = code_of(unit);
        const int group = code.empty() ? -1 : index.at(code);
        grouping.group_of_unit.push_back(group);
        if (group >= 0 && grouping.groups[group].name.empty()) grouping.groups[group].name = name_of(unit);
    }
    return grouping;
}

}  // namespace

Grouping group_by_parent(const WardSet& set) {
    return group_by(set, [](const Ward& u) { return u.parent_code; }, [](const Ward& u) { return u.parent_name; });
}

Grouping group_by_field(const WardSet& set, const std::string& field) {
    const int index = set.field_index(field);
    if (index < 0) {
        std::string list;
        for (const auto& f : set.fields) list += (list.empty() ? "" : ", ") + f.name;
        throw InputError("", "--by " + field, "no such field", "Fields here: " + list);
    }
    const bool is_parent = field == set.mapping.parent;
    return group_by(set, [&](const Ward& u) { return as_text(u.values[index]); },
                    [&](const Ward& u) { return is_parent ? u.parent_name : std::string(); });
}

}  // namespace geo
