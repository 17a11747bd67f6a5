#include "geo/core/name_pattern.h"

#include <cctype>

namespace geo {

std::string upper(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

bool name_matches(std::string_view name, std::string_view pattern) {
    if (pattern.empty()) return name.empty();
    if (name.empty()) return false;
    const unsigned char c = static_cast<unsigned char>(name.front());
    switch (pattern.front()) {
        case '#':
            return std::isdigit(c) && name_matches(name.substr(1), pattern.substr(1));
        case '*': {
            if (!std::isalpha(c)) return false;
            // One letter, then either more of the run or the rest of the pattern.
            return name_matches(name.substr(1), pattern) || name_matches(name.substr(1), pattern.substr(1));
        }
        default:
            return std::toupper(c) == std::toupper(static_cast<unsigned char>(pattern.front())) &&
                   name_matches(name.substr(1), pattern.substr(1));
    }
}

}  // namespace geo
