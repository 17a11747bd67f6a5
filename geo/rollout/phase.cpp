#include "geo/rollout/phase.h"

#include <charconv>
#include <fmt/format.h>

namespace geo {
namespace {

std::optional<int> field(const std::string& text, std::size_t from, std::size_t length) {
    int value = 0;
    const char* first = text.data() + from;
    const auto [end, error] = std::from_chars(first, first + length, value);
    if (error != std::errc() || end != first + length) return std::nullopt;
    return value;
}

}  // namespace

std::string Date::iso() const { return fmt::format("{:04}-{:02}-{:02}", year, month, day); }

std::optional<Date> parse_date(const std::string& text) {
    if (text.size() != 4 && text.size() != 7 && text.size() != 10) return std::nullopt;
    Date date;
    const auto year = field(text, 0, 4);
    if (!year) return std::nullopt;
    date.year = *year;
    if (text.size() >= 7) {
        const auto month = field(text, 5, 2);
        if (text[4] != '-' || !month || *month < 1 || *month > 12) return std::nullopt;
        date.month = *month;
    }
    if (text.size() == 10) {
        static constexpr int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        const auto day = field(text, 8, 2);
        if (text[7] != '-' || !day || *day < 1 || *day > days[date.month - 1]) return std::nullopt;
        date.day = *day;
    }
    return date;
}

int Rollout::phase_named(const std::string& name) const {
    for (std::size_t p = 0; p < phases.size(); ++p)
        if (phases[p].name == name) return static_cast<int>(p);
    return -1;
}

}  // namespace geo
