#include "geo/core/read_text.h"

#include "geo/core/errors.h"

#include <fmt/format.h>
#include <fstream>

namespace geo {

std::string read_text(const std::string& path, const std::string& what_it_is, const std::string& what_to_do) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path, "", "cannot open " + what_it_is, what_to_do);
    // Read in chunks up to one byte past the limit: the size a file reports says nothing for
    // /dev/zero or a pipe, which would otherwise be read until the memory runs out.
    std::string text;
    constexpr std::size_t chunk = 1u << 20;
    while (in && text.size() <= text_file_limit) {
        const std::size_t at = text.size();
        text.resize(at + chunk);
        in.read(text.data() + at, static_cast<std::streamsize>(chunk));
        text.resize(at + static_cast<std::size_t>(in.gcount()));
    }
    if (in.bad()) throw InputError(path, "", "reading " + what_it_is + " failed", what_to_do);
    if (text.size() > text_file_limit)
        throw InputError(path, "",
                         fmt::format("over {} MiB: too big for {} (wardmap reads at most {} MiB of a plan, table or rules file)",
                                     text_file_limit >> 20, what_it_is, text_file_limit >> 20),
                         "Check that this is the right file: plans, tables and rules are text files of a few MB at most.");
    return text;
}

}  // namespace geo
