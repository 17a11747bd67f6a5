#include "render/charts/box_summary.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace render {
namespace {

// Quantile p of `values`, whose elements before `from` are all <= those after it (earlier, smaller
// quantiles were taken first): only [from, end) needs partitioning. Returns the lower index used.
double quantile(std::vector<double>& values, double p, std::size_t& from) {
    const double at = p * static_cast<double>(values.size() - 1);
    const std::size_t below = static_cast<std::size_t>(std::floor(at));
    std::nth_element(values.begin() + static_cast<std::ptrdiff_t>(from), values.begin() + static_cast<std::ptrdiff_t>(below),
                     values.end());
    const double low = values[below];
    double high = low;
    if (below + 1 < values.size()) high = *std::min_element(values.begin() + static_cast<std::ptrdiff_t>(below) + 1, values.end());
    from = below;
    return low + (at - static_cast<double>(below)) * (high - low);
}

}  // namespace

BoxSummary summarise_box(const std::vector<double>& values) {
    BoxSummary box;
    std::vector<double> finite;
    finite.reserve(values.size());
    for (double v : values) std::isfinite(v) ? finite.push_back(v) : void(++box.dropped);
    box.counted = finite.size();
    if (finite.empty()) {
        const double none = std::numeric_limits<double>::quiet_NaN();
        box.p05 = box.q1 = box.median = box.q3 = box.p95 = none;
        return box;
    }
    std::size_t from = 0;
    box.p05 = quantile(finite, 0.05, from);
    box.q1 = quantile(finite, 0.25, from);
    box.median = quantile(finite, 0.5, from);
    box.q3 = quantile(finite, 0.75, from);
    box.p95 = quantile(finite, 0.95, from);
    return box;
}

}  // namespace render
