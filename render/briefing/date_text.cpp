#include "render/briefing/date_text.h"

#include <fmt/format.h>

#include <chrono>

namespace render {

std::string today_text() {
    const std::chrono::year_month_day day{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
    static const char* const months[] = {"January", "February", "March",     "April",   "May",      "June",
                                         "July",    "August",   "September", "October", "November", "December"};
    return fmt::format("{} {} {}", static_cast<unsigned>(day.day()), months[static_cast<unsigned>(day.month()) - 1],
                       static_cast<int>(day.year()));
}

}  // namespace render
