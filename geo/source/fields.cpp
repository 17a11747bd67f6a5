#include "geo/source/fields.h"

#include "geo/core/errors.h"

#include <algorithm>
#include <cctype>
#include <regex>

namespace geo {
namespace {

std::string upper(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::toupper(c); });
    return text;
}

std::string field_list(const std::vector<std::string>& available) {
    std::string list;
    for (const auto& name : available) list += (list.empty() ? "" : ", ") + name;
    return list.empty() ? "(none)" : list;
}

// The first field whose upper-cased name matches one of the patterns, patterns in priority order.
std::optional<std::string> first_match(const std::vector<std::string>& available,
                                       std::initializer_list<const char*> patterns) {
    for (const char* pattern : patterns) {
        const std::regex re(pattern);
        for (const auto& name : available)
            if (std::regex_match(upper(name), re)) return name;
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
        auto code = first_match(available, {R"(WD\d\dCD)", R"(LSOA\d\dCD)", R"(MSOA\d\dCD)", R"(OA\d\dCD)",
                                            "GSS_CODE", "WARD_CODE", "WARD_CD", R"((?!LAD|CTY|RGN|PFA|CSP|CTRY)[A-Z]+\d\dCD)",
                                            "CODE"});
        if (!code)
            throw InputError(file, "fields", "cannot tell which field holds the unit code",
                             "Name it with --code-field. Fields here: " + field_list(available));
        mapping.code = *code;
    }
    const std::string code_upper = upper(mapping.code);
    std::smatch parts;
    const std::string prefix = std::regex_match(code_upper, parts, std::regex(R"(([A-Z]+\d\d)CD)")) ? parts[1].str() : "";

    if (choice.name) {
        mapping.name = chosen(available, *choice.name, "unit name", "--name-field", file);
    } else if (auto name = prefix.empty() ? std::nullopt : first_match(available, {(prefix + "NM").c_str()})) {
        mapping.name = *name;
    } else if (auto plain = first_match(available, {"NAME", "WARD_NAME", "WARDNAME", "WD_NAME"})) {
        mapping.name = *plain;
    }

    if (choice.parent) {
        mapping.parent = chosen(available, *choice.parent, "parent code", "--parent-field", file);
    } else if (auto parent = first_match(available, {"LB_GSS_CODE", "LAGSSCODE", R"(LAD\d\dCD)", R"(LA\d\dCD)",
                                                     "BOROUGH_CODE", "BOROUGH_GSS", "DISTRICT_CODE", "LAD_CODE"})) {
        mapping.parent = *parent;
    }

    if (choice.parent_name) {
        mapping.parent_name = chosen(available, *choice.parent_name, "parent name", "--parent-name-field", file);
    } else if (auto parent_name = first_match(available, {"BOROUGH", "DISTRICT", R"(LAD\d\dNM)", R"(LA\d\dNM)",
                                                          "BOROUGH_NAME", "LAD_NAME"})) {
        mapping.parent_name = *parent_name;
    }
    if (mapping.parent_name == mapping.name) mapping.parent_name.clear();
    return mapping;
}

}  // namespace geo
