#include "geo/source/ward.h"

#include <cctype>
#include <cmath>
#include <string_view>
#include <fmt/format.h>

namespace geo {

std::optional<double> as_number(const FieldValue& value) {
    if (const auto* i = std::get_if<std::int64_t>(&value)) return static_cast<double>(*i);
    if (const auto* d = std::get_if<double>(&value)) return *d;
    return std::nullopt;
}

std::string as_text(const FieldValue& value) {
    if (const auto* s = std::get_if<std::string>(&value)) return *s;
    if (const auto* i = std::get_if<std::int64_t>(&value)) return std::to_string(*i);
    if (const auto* d = std::get_if<double>(&value)) return fmt::format("{}", *d);
    return {};
}

bool FieldDef::identifier() const {
    std::string upper_name;
    for (const char c : name) upper_name += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const auto ends_with = [&](std::string_view end) { return upper_name.ends_with(end); };
    return upper_name == "ID" || upper_name == "FID" || ends_with("_ID") || ends_with(" ID") || ends_with("OBJECTID");
}

std::string Ward::where() const { return name.empty() ? code : code + " " + name; }

int WardSet::field_index(const std::string& name) const {
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (fields[i].name == name) return static_cast<int>(i);
    return -1;
}

}  // namespace geo
