#pragma once
// The five numbers a box in a box plot stands for. Whiskers reach the 5th and 95th percentiles (not
// 1.5 IQR: with a hundred thousand plans, "outliers" beyond 1.5 IQR are thousands of points, and a
// percentile says plainly how many plans lie beyond). Quantiles are linear between order statistics
// (R's type 7, as ggplot2's boxes and redist's plot_distr_qtys use).
#include <cstddef>
#include <vector>

namespace render {

struct BoxSummary {
    double p05 = 0, q1 = 0, median = 0, q3 = 0, p95 = 0;
    std::size_t counted = 0;  // finite values; 0: nothing to draw (the numbers are NaN)
    std::size_t dropped = 0;  // NaN and infinite values left out
};

// Works on a copy partitioned in place (nth_element), never a full sort: 2,000,000 values per rank
// cost a few passes each.
BoxSummary summarise_box(const std::vector<double>& values);

}  // namespace render
