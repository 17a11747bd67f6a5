#include "render/charts/histogram_layout.h"

#include <algorithm>
#include <cmath>

namespace render {
namespace {

// The smallest gap between distinct sorted values when every value is a whole number of such gaps
// from the first (to within rounding); nullopt for values that are not on a lattice.
std::optional<double> lattice_step(const std::vector<double>& distinct) {
    double gap = distinct.back() - distinct.front();
    for (std::size_t i = 1; i < distinct.size(); ++i) gap = std::min(gap, distinct[i] - distinct[i - 1]);
    const double points = (distinct.back() - distinct.front()) / gap;
    if (points > 1e6) return std::nullopt;  // too fine to be a count: a continuous score with a near tie
    for (double v : distinct) {
        const double steps = (v - distinct.front()) / gap;
        if (std::abs(steps - std::round(steps)) > 1e-6 * std::max(1.0, steps)) return std::nullopt;
    }
    return gap;
}

// Quantile of sorted values, linear between order statistics (R's type 7).
double sorted_quantile(const std::vector<double>& sorted, double p) {
    const double at = p * static_cast<double>(sorted.size() - 1);
    const std::size_t below = static_cast<std::size_t>(std::floor(at));
    const std::size_t above = std::min(below + 1, sorted.size() - 1);
    return sorted[below] + (at - static_cast<double>(below)) * (sorted[above] - sorted[below]);
}

double freedman_diaconis_width(const std::vector<double>& sorted) {
    const double n = static_cast<double>(sorted.size());
    const double iqr = sorted_quantile(sorted, 0.75) - sorted_quantile(sorted, 0.25);
    const double range = sorted.back() - sorted.front();
    if (iqr > 0) return 2 * iqr / std::cbrt(n);
    return range / (std::ceil(std::log2(n)) + 1);
}

std::size_t clamp_bins(double bins) {
    return static_cast<std::size_t>(std::clamp(std::ceil(bins - 1e-9), double(min_bins), double(max_bins)));
}

void set_edges(HistogramLayout& layout, double first, double width, std::size_t bins) {
    layout.edges.resize(bins + 1);
    for (std::size_t i = 0; i <= bins; ++i) layout.edges[i] = first + width * static_cast<double>(i);
}

// Edges for sorted finite values with at least two distinct ones.
void choose_bins(HistogramLayout& layout, const std::vector<double>& sorted) {
    std::vector<double> distinct = sorted;
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    const double lo = sorted.front(), hi = sorted.back();
    if (const auto step = lattice_step(distinct)) {
        layout.binning = Binning::lattice;
        const double points = std::round((hi - lo) / *step) + 1;
        double per_bin = 1;  // lattice points per bar
        if (points > max_bins) {
            per_bin = std::max(1.0, std::ceil(freedman_diaconis_width(sorted) / *step - 1e-9));
            per_bin = std::clamp(per_bin, std::ceil(points / max_bins), std::max(1.0, std::floor(points / min_bins)));
        }
        set_edges(layout, lo - *step / 2, per_bin * *step, static_cast<std::size_t>(std::ceil(points / per_bin)));
        return;
    }
    layout.binning = Binning::freedman_diaconis;
    const std::size_t bins = clamp_bins((hi - lo) / freedman_diaconis_width(sorted));
    set_edges(layout, lo, (hi - lo) / static_cast<double>(bins), bins);
    layout.edges.back() = hi;  // exact, so the largest value is inside
}

void count(HistogramLayout& layout, const std::vector<double>& values) {
    const std::size_t bins = layout.edges.size() - 1;
    layout.counts.assign(bins, 0);
    const double first = layout.edges.front(), width = (layout.edges.back() - first) / static_cast<double>(bins);
    for (double v : values) {
        if (!std::isfinite(v)) continue;
        const double at = std::floor((v - first) / width);
        std::size_t bin = at <= 0 ? 0 : std::min(static_cast<std::size_t>(at), bins - 1);
        // Rounding in (v - first) / width can land a value on an edge one bin off: the edges decide.
        if (bin > 0 && v < layout.edges[bin]) --bin;
        else if (bin + 1 < bins && v >= layout.edges[bin + 1]) ++bin;
        ++layout.counts[bin];
    }
    layout.largest = *std::max_element(layout.counts.begin(), layout.counts.end());
}

void set_axis(HistogramLayout& layout, std::optional<double> reference) {
    const bool marked = reference && std::isfinite(*reference);
    double lo = layout.edges.empty() ? (marked ? *reference : 0) : layout.edges.front();
    double hi = layout.edges.empty() ? (marked ? *reference : 1) : layout.edges.back();
    if (layout.binning == Binning::single_value) {  // one bar a fifth of the axis, not a block across it
        const double centre = (lo + hi) / 2, width = hi - lo;
        lo = centre - 2.5 * width, hi = centre + 2.5 * width;
    }
    if (marked) lo = std::min(lo, *reference), hi = std::max(hi, *reference);
    if (hi == lo) lo -= 0.5, hi += 0.5;
    const double margin = 0.04 * (hi - lo);
    layout.lo = lo - margin;
    layout.hi = hi + margin;
}

}  // namespace

HistogramLayout histogram_layout(const std::vector<double>& values, std::optional<double> reference) {
    HistogramLayout layout;
    std::vector<double> sorted;
    sorted.reserve(values.size());
    for (double v : values) std::isfinite(v) ? sorted.push_back(v) : void(++layout.dropped);
    layout.counted = sorted.size();
    if (!sorted.empty()) {
        std::sort(sorted.begin(), sorted.end());
        // Equal to within rounding (0.3 and 0.30000000000000004 are one score computed two ways).
        if (sorted.back() - sorted.front() <= 1e-9 * std::max(std::abs(sorted.front()), std::abs(sorted.back()))) {
            layout.binning = Binning::single_value;
            const double v = sorted[sorted.size() / 2];
            double width = v != 0 ? std::abs(v) * 0.1 : 1;
            if (reference && std::isfinite(*reference) && *reference != v) width = std::abs(*reference - v) / 10;
            set_edges(layout, v - width / 2, width, 1);
        } else {
            choose_bins(layout, sorted);
        }
        count(layout, values);
    }
    set_axis(layout, reference);
    return layout;
}

}  // namespace render
