#pragma once
// The one door to toml++ for every TOML file wardmap reads (officer rules, plan files).
// Debian's toml++ 3.3.0 reaches undefined behaviour on some tiny malformed inputs ("[" then a
// newline; a letter such as é outside quotes), so the text is checked before the parser sees it.
// Numbers are read through checked helpers, so that 4294967298 is refused rather than read as 2.
#include <toml++/toml.h>

#include <cstdint>
#include <string>

namespace geo {

// The text as a TOML table. Throws InputError naming `path` and the line: bytes that are not
// UTF-8, a character outside quotes and comments that TOML does not allow there, a table header
// with no name, any TOML syntax error. `fix` says what the file should look like.
toml::table parse_toml(const std::string& text, const std::string& path, const std::string& fix);

// "line N" of a node, for messages.
std::string line_of(const toml::node& node);

// A whole number from `min` to `max`, or InputError naming the file, the key and its line.
// `what` says what the number counts ("posts in one ward"), `example` how to write it.
std::int64_t whole_number(const toml::node& node, const std::string& path, const std::string& key, std::int64_t min,
                          std::int64_t max, const std::string& what, const std::string& example);

// A finite number (a whole number is taken too) from `min` to `max`; NaN and infinities are refused.
double real_number(const toml::node& node, const std::string& path, const std::string& key, double min, double max,
                   const std::string& what, const std::string& example);

}  // namespace geo
