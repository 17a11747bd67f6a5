#pragma once
// A whole small text file (a plan, a table, rules, a replay) into memory, or an InputError.
#include <string>

namespace geo {

// Throws InputError naming `path` and `what_it_is` ("the plan file"), with `what_to_do`.
std::string read_text(const std::string& path, const std::string& what_it_is, const std::string& what_to_do);

}  // namespace geo
