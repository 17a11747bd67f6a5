#pragma once
// Long work reports how far it has got through a callback, and cancellation travels back the same
// way: the callback throws geo::Cancelled, the stack unwinds, owners remove partial output.
#include <functional>
#include <string_view>

namespace geo {

using Progress = std::function<void(std::string_view stage, double fraction)>;

inline void report(const Progress& progress, std::string_view stage, double fraction) {
    if (progress) progress(stage, fraction);
}

}  // namespace geo
