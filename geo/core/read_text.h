#pragma once
// A whole small text file (a plan, a table, rules, a replay) into memory, or an InputError.
#include <cstddef>
#include <string>

namespace geo {

// The largest text file wardmap reads: a national plan or lookup table is a few MB. Anything
// bigger is the wrong file (or /dev/zero, a FIFO, a disk image) and must not fill the memory.
inline constexpr std::size_t text_file_limit = 64u << 20;  // 64 MiB

// Throws InputError naming `path` and `what_it_is` ("the plan file"), with `what_to_do`; and
// naming the limit when the file holds more than text_file_limit bytes, which are never read.
std::string read_text(const std::string& path, const std::string& what_it_is, const std::string& what_to_do);

}  // namespace geo
