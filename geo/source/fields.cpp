#include "geo/source/fields.h"

#include "geo/core/errors.h"
#include "geo/core/name_pattern.h"

#include <algorithm>
#include <cctype>

namespace geo {
namespace {

std::string field_list(const std::vector<std::string>& available) {
    std::string list;
    for (const auto& name : available) list += (list.empty() ? "" : ", ") + name;
    return list.empty() ? "(none)" : list;
}

// The first field whose name matches one of the patterns, patterns in priority order.
std::optional<std::string> first_match(const std::vector<std::string>& available,
                                       std::initializer_list<std::string_view> patterns) {
    for (std::string_view pattern : patterns)
        for (const auto& name : available)
            if (name_matches(name, pattern)) return name;
    return std::nullopt;
}

// Any ONS-style code field (XXnnCD) but those of areas above a unit (district, county, region...).
std::optional<std::string> any_unit_code(const std::vector<std::string>& available) {
    for (const auto& name : available) {
        if (!name_matches(name, "*##CD")) continue;
        const std::string prefix = upper(name.substr(0, name.size() - 4));
        if (prefix != "LAD" && prefix != "LA" && prefix != "CTY" && prefix != "RGN" && prefix != "PFA" &&
            prefix != "CSP" && prefix != "CTRY")
            return name;
    }
    return std::nullopt;
}

std::string chosen(const std::vector<std::string>& available, const std::string& wanted, const char* role,
                   const char* option, const std::string& file) {
    for (const auto& name : available)
        if (name == wanted) return name;
    for (const auto& name : available)  // forgive case: GSS_Code vs GSS_CODE
        if (upper(name) == upper(wanted)) return name;
    throw InputError(file, std::string(option) + " " + wanted, std::string("no such field for the ") + role,
                     "Fields here: " + field_list(available));
}

}  // namespace

FieldMapping map_fields(const std::vector<std::string>& available, const FieldChoice& choice,
                        const std::string& file) {
    FieldMapping mapping;
    if (choice.code) {
        mapping.code = chosen(available, *choice.code, "unit code", "--code-field", file);
    } else {
        // Small units first (wards, LSOAs), then GSS codes, then any ONS-style XXnnCD not a parent.
        auto code = first_match(available, {"WD##CD", "LSOA##CD", "MSOA##CD", "OA##CD", "GSS_CODE", "WARD_CODE", "WARD_CD"});
        if (!code) code = any_unit_code(available);
        if (!code) code = first_match(available, {"CODE"});
        if (!code)
            throw InputError(file, "fields", "cannot tell which field holds the unit code",
                             "Name it with --code-field. Fields here: " + field_list(available));
        mapping.code = *code;
    }
    const std::string code_upper = upper(mapping.code);
    const std::string prefix = name_matches(code_upper, "*##CD") ? code_upper.substr(0, code_upper.size() - 2) : "";

    if (choice.name) {
        mapping.name = chosen(available, *choice.name, "unit name", "--name-field", file);
    } else if (auto name = prefix.empty() ? std::nullopt : first_match(available, {prefix + "NM"})) {
        mapping.name = *name;
    } else if (auto plain = first_match(available, {"NAME", "WARD_NAME", "WARDNAME", "WD_NAME"})) {
        mapping.name = *plain;
    }

    if (choice.parent) {
        mapping.parent = chosen(available, *choice.parent, "parent code", "--parent-field", file);
    } else if (auto parent = first_match(available, {"LB_GSS_CODE", "LAGSSCODE", "LAD##CD", "LA##CD",
                                                     "BOROUGH_CODE", "BOROUGH_GSS", "DISTRICT_CODE", "LAD_CODE"})) {
        mapping.parent = *parent;
    }

    if (choice.parent_name) {
        mapping.parent_name = chosen(available, *choice.parent_name, "parent name", "--parent-name-field", file);
    } else if (auto parent_name = first_match(available, {"BOROUGH", "DISTRICT", "LAD##NM", "LA##NM",
                                                          "BOROUGH_NAME", "LAD_NAME"})) {
        mapping.parent_name = *parent_name;
    }
    if (mapping.parent_name == mapping.name) mapping.parent_name.clear();
    return mapping;
}

}  // namespace geo
