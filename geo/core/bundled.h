#pragma once
// Where the data wardmap ships with lives (shapes/, datasets/): the defaults every front end
// falls back on (the London 2014 wards, the 12-BCU plan, the MPS rules, the SLP tranches).
// The one place that decides it.
#include <string>

namespace geo {

// The first of these that is a folder:
//   1. beside the program as installed: <folder of the executable>/../share/wardmap
//      (`cmake --install`, the .deb's /usr/bin/wardmap -> /usr/share/wardmap);
//   2. $WARDMAP_DATA;
//   3. the source tree, only for a program run from inside the build tree it was built in.
// When none is, the installed place, so that the "no such file" says where it should have been.
std::string bundled_root();
// bundled_root()/relative.
std::string bundled(const std::string& relative);

}  // namespace geo
