#include "geo/core/read_text.h"

#include "geo/core/errors.h"

#include <fstream>
#include <sstream>

namespace geo {

std::string read_text(const std::string& path, const std::string& what_it_is, const std::string& what_to_do) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path, "", "cannot open " + what_it_is, what_to_do);
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) throw InputError(path, "", "reading " + what_it_is + " failed", what_to_do);
    return text.str();
}

}  // namespace geo
