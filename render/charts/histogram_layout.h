#pragma once
// The bins of one score's histogram and the mapping of its x axis, as plain numbers: the drawing
// code and the tests both place things with it, so a test can say where a line must be drawn.
//
// Binning. Values are counted into bins, never kept per plan, so two million plans cost two million
// additions. Non-finite values (NaN, +-inf: a score that could not be computed) are left out and
// counted. Then, in this order:
//  - no value left: no bins;
//  - one distinct value (to within 1e-9 of it): one bar centred on it;
//  - values on a lattice (all multiples of the smallest gap between distinct values, as counts or
//    shares of 629 wards are): one bar per lattice point when there are at most max_bins of them,
//    else bars a whole number of lattice steps wide with edges halfway between points, so no bar
//    catches one more point than its neighbour (the comb a histogram of integers otherwise shows);
//  - otherwise Freedman-Diaconis: width 2 IQR / n^(1/3) (Sturges' ceil(log2 n) + 1 bins when the
//    IQR is 0), then the number of bins clamped to [min_bins, max_bins].
#include "render/labels/place.h"

#include <cstddef>
#include <optional>
#include <vector>

namespace render {

enum class Binning { empty, single_value, lattice, freedman_diaconis };

struct HistogramLayout {
    Binning binning = Binning::empty;
    std::vector<double> edges;         // bins + 1 ascending edges (empty when binning == empty)
    std::vector<std::size_t> counts;   // plans in [edges[i], edges[i+1]); the last bin is closed
    std::size_t counted = 0;           // finite values, the sum of counts
    std::size_t dropped = 0;           // NaN and infinite values left out
    std::size_t largest = 0;           // the tallest bin
    double lo = 0, hi = 1;             // the x axis: every bin and the reference, with a margin

    // Where `value` falls along the axis: 0 at lo, 1 at hi.
    double fraction(double value) const { return (value - lo) / (hi - lo); }
    // The x of `value` in a plot box (points, y down).
    double x_in(const Box& plot, double value) const { return plot.x0 + fraction(value) * plot.width(); }
};

inline constexpr std::size_t min_bins = 10, max_bins = 60;

HistogramLayout histogram_layout(const std::vector<double>& values, std::optional<double> reference);

}  // namespace render
