#pragma once
// Field and column names matched against simple patterns, ignoring case: '#' stands for one
// digit and '*' for one or more letters. "WD##CD" matches WD13CD and wd22cd; "*##CD" any
// ONS-style code column. Enough for the names public boundary files use, without <regex>.
#include <string>
#include <string_view>

namespace geo {

std::string upper(std::string_view text);
bool name_matches(std::string_view name, std::string_view pattern);

}  // namespace geo
