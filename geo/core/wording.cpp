#include "geo/core/wording.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace geo {

std::string listed(const std::vector<std::string>& codes, std::size_t most) {
    std::string text;
    for (std::size_t i = 0; i < codes.size() && i < most; ++i) text += (i ? ", " : "") + codes[i];
    if (codes.size() > most) text += fmt::format(" and {} more", codes.size() - most);
    return text;
}

bool is_colour(const std::string& text) {
    return text.size() == 7 && text[0] == '#' &&
           std::all_of(text.begin() + 1, text.end(), [](unsigned char c) { return std::isxdigit(c); });
}

std::string with_commas(std::uint64_t n) {
    const std::string digits = std::to_string(n);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

}  // namespace geo
