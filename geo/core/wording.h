#pragma once
// Small pieces of the text users see and type: code lists in messages, plan colours.
#include <cstdint>
#include <string>
#include <vector>

namespace geo {

// "E05000026, E05000027 and 3 more": at most `most` codes named, the rest counted.
std::string listed(const std::vector<std::string>& codes, std::size_t most = 8);

// "5,313,515,783": counts people read at a glance.
std::string with_commas(std::uint64_t n);

// "#1f78b4": the colour form plans, plan files and the planner take.
bool is_colour(const std::string& text);

}  // namespace geo
