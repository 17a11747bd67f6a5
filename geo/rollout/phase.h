#pragma once
// A rollout: named phases with start dates, and the phase each ward goes live in.
#include <compare>
#include <optional>
#include <string>
#include <vector>

namespace geo {

struct Date {
    int year = 0, month = 1, day = 1;
    auto operator<=>(const Date&) const = default;
    std::string iso() const;  // 2017-01-01
};

// "2017-01-01", "2017-01" (the 1st) or "2017" (1 January); nullopt if it is none of those.
std::optional<Date> parse_date(const std::string& text);

struct Phase {
    std::string name;
    Date start;
};

struct Rollout {
    std::vector<Phase> phases;           // in start order
    std::vector<int> phase_of_unit;      // per unit: index into phases, or -1 (not in the plan, or not scheduled)
    bool whole_command_units = false;    // command units are meant to go live whole (SLP)
    std::vector<std::string> notes;      // how counts were met: the remainder and where it went, hand edits

    int phase_named(const std::string& name) const;  // index, or -1
};

}  // namespace geo
