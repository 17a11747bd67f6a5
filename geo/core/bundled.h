#pragma once
// Where the data wardmap ships with lives (shapes/, datasets/): the defaults every front end
// falls back on (the London 2014 wards, the 12-BCU plan, the MPS rules, the SLP tranches).
#include <string>

namespace geo {

// $WARDMAP_DATA/relative when set, else the source tree's.
std::string bundled(const std::string& relative);

}  // namespace geo
