// render/charts, the pure half of ensemble figures: round axis ticks, histogram bins and axis mapping,
// box-plot quantiles, the reference's percentile (ties!) and the panel grid. No file, no Cairo.
#include "render/charts/axis_ticks.h"
#include "render/charts/chart_style.h"
#include "render/charts/box_summary.h"
#include "render/charts/ensemble_figure.h"
#include "render/charts/figure_layout.h"
#include "render/charts/histogram_layout.h"

#include <gtest/gtest.h>
#include <gmock/gmock.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

using ::testing::DoubleNear;
using ::testing::ElementsAre;
using ::testing::Pointwise;

namespace {

constexpr double no_value = std::numeric_limits<double>::quiet_NaN();
constexpr double inf = std::numeric_limits<double>::infinity();

// Counts by brute force: for each value, the bin whose [left, right) holds it (the last bin closed).
std::vector<std::size_t> recount(const render::HistogramLayout& layout, const std::vector<double>& values) {
    std::vector<std::size_t> counts(layout.counts.size(), 0);
    for (double v : values) {
        if (!std::isfinite(v)) continue;
        for (std::size_t b = 0; b < counts.size(); ++b)
            if (v >= layout.edges[b] && (v < layout.edges[b + 1] || (b + 1 == counts.size() && v <= layout.edges[b + 1]))) {
                ++counts[b];
                break;
            }
    }
    return counts;
}

std::vector<double> normal_values(std::size_t n, double mean, double sd, unsigned seed) {
    std::mt19937_64 random(seed);
    std::normal_distribution<double> normal(mean, sd);
    std::vector<double> values(n);
    for (double& v : values) v = normal(random);
    return values;
}

}  // namespace

TEST(NiceTicks, RoundStepsInsideTheRange) {
    const render::AxisTicks unit = render::nice_ticks(0, 1, 6);
    EXPECT_THAT(unit.values, Pointwise(DoubleNear(1e-12), {0.0, 0.2, 0.4, 0.6, 0.8, 1.0}));
    EXPECT_EQ(unit.decimals, 1);
    const render::AxisTicks ratio = render::nice_ticks(1.17, 2.53, 6);  // max/min demand per officer
    EXPECT_DOUBLE_EQ(ratio.step, 0.5);
    EXPECT_THAT(ratio.values, Pointwise(DoubleNear(1e-12), {1.5, 2.0, 2.5}));
    const render::AxisTicks counts = render::nice_ticks(0, 23456, 5);
    EXPECT_DOUBLE_EQ(counts.step, 5000);  // 0 .. 20,000: five ticks, as many as allowed
    EXPECT_EQ(counts.decimals, 0);
    // Never more ticks than allowed, even when that leaves one.
    EXPECT_THAT(render::nice_ticks(0.31, 0.39, 2).values, ElementsAre(DoubleNear(0.35, 1e-12)));
    EXPECT_EQ(render::nice_ticks(0.31, 0.39, 5).values.size(), 4u);  // 0.32 .. 0.38
    EXPECT_THAT(render::nice_ticks(3, 3, 5).values, ElementsAre(3));
    // Counts of plans step by whole plans however few there are.
    EXPECT_THAT(render::count_ticks(2.1, 8).values, ElementsAre(0, 1, 2));
    EXPECT_THAT(render::count_ticks(8400, 5).values, ElementsAre(0, 2000, 4000, 6000, 8000));
}

TEST(FormatNumber, ThousandsDecimalsAndNoNegativeZero) {
    EXPECT_EQ(render::format_number(1234567.891, 2), "1,234,567.89");
    EXPECT_EQ(render::format_number(-1234, 0), "\u22121,234");
    EXPECT_EQ(render::format_number(-0.0001, 2), "0.00");
    EXPECT_EQ(render::format_number(0.5, 0), "0");  // printf's rounding to even, as everywhere else
    EXPECT_EQ(render::format_count(950), "950");
    EXPECT_EQ(render::format_count(12000), "12k");
    EXPECT_EQ(render::format_count(1200000), "1.2M");
    EXPECT_EQ(render::format_count(2000000), "2M");
}

TEST(HistogramLayout, FreedmanDiaconisOnAContinuousScore) {
    const std::vector<double> values = normal_values(1000, 1.6, 0.2, 7);
    const render::HistogramLayout layout = render::histogram_layout(values, 1.42);
    EXPECT_EQ(layout.binning, render::Binning::freedman_diaconis);
    std::vector<double> sorted = values;
    std::sort(sorted.begin(), sorted.end());
    const auto q = [&](double p) {  // type 7
        const double at = p * 999;
        const std::size_t i = static_cast<std::size_t>(at);
        return sorted[i] + (at - i) * (sorted[i + 1] - sorted[i]);
    };
    const double width = 2 * (q(0.75) - q(0.25)) / 10;  // 1000^(1/3) = 10
    const auto bins = static_cast<std::size_t>(std::ceil((sorted.back() - sorted.front()) / width));
    ASSERT_GE(bins, 10u);
    ASSERT_LE(bins, 60u);
    EXPECT_EQ(layout.counts.size(), bins);
    EXPECT_DOUBLE_EQ(layout.edges.front(), sorted.front());
    EXPECT_DOUBLE_EQ(layout.edges.back(), sorted.back());
    EXPECT_EQ(layout.counts, recount(layout, values));
    EXPECT_EQ(layout.counted, 1000u);
    EXPECT_EQ(layout.largest, *std::max_element(layout.counts.begin(), layout.counts.end()));
}

TEST(HistogramLayout, BinsClampedToSixtyForManyPlansAndTenForFew) {
    const render::HistogramLayout many = render::histogram_layout(normal_values(200000, 5.2, 0.8, 1), std::nullopt);
    EXPECT_EQ(many.counts.size(), render::max_bins);
    const render::HistogramLayout few = render::histogram_layout({0.213, 0.351, 0.362, 0.5}, std::nullopt);  // no lattice
    EXPECT_EQ(few.counts.size(), render::min_bins);
    EXPECT_THAT(few.counts, ElementsAre(1, 0, 0, 0, 1, 1, 0, 0, 0, 1));
}

TEST(HistogramLayout, FewDistinctCountsGetOneBarEach) {
    const render::HistogramLayout layout = render::histogram_layout({1, 1, 2, 3, 3, 3, 5}, std::nullopt);
    EXPECT_EQ(layout.binning, render::Binning::lattice);
    EXPECT_THAT(layout.edges, ElementsAre(0.5, 1.5, 2.5, 3.5, 4.5, 5.5));
    EXPECT_THAT(layout.counts, ElementsAre(2, 1, 3, 0, 1));
}

TEST(HistogramLayout, WideIntegerScoresHaveNoComb) {
    // Ward boundaries cut: integers 100..999, each twice. Bars a whole number of integers wide hold
    // equal counts; bars 15.0 wide on a 900-wide range would alternate 15 and 16 integers.
    std::vector<double> values;
    for (int twice = 0; twice < 2; ++twice)
        for (int v = 100; v <= 999; ++v) values.push_back(v);
    const render::HistogramLayout layout = render::histogram_layout(values, std::nullopt);
    EXPECT_EQ(layout.binning, render::Binning::lattice);
    ASSERT_GE(layout.counts.size(), 10u);
    ASSERT_LE(layout.counts.size(), 60u);
    const double width = layout.edges[1] - layout.edges[0];
    EXPECT_DOUBLE_EQ(width, std::round(width));
    EXPECT_DOUBLE_EQ(layout.edges.front(), 99.5);
    for (std::size_t b = 0; b + 1 < layout.counts.size(); ++b) EXPECT_EQ(layout.counts[b], 2 * width) << "bin " << b;
    EXPECT_EQ(layout.counts, recount(layout, values));
}

TEST(HistogramLayout, SharesOfWardsAreALatticeToo) {
    std::vector<double> retention;  // % of 629 wards kept
    for (int kept = 300; kept <= 629; ++kept) retention.push_back(100.0 * kept / 629);
    const render::HistogramLayout layout = render::histogram_layout(retention, 100.0);
    EXPECT_EQ(layout.binning, render::Binning::lattice);
    EXPECT_NEAR(layout.edges.front(), 100.0 * 299.5 / 629, 1e-9);
    EXPECT_EQ(layout.counts, recount(layout, retention));
}

TEST(HistogramLayout, AllEqualValuesMakeOneBarAroundThem) {
    const render::HistogramLayout alone = render::histogram_layout({2.5, 2.5, 2.5}, std::nullopt);
    EXPECT_EQ(alone.binning, render::Binning::single_value);
    ASSERT_EQ(alone.counts.size(), 1u);
    EXPECT_EQ(alone.counts[0], 3u);
    EXPECT_DOUBLE_EQ((alone.edges[0] + alone.edges[1]) / 2, 2.5);
    // The bar takes a fifth of the axis (before the axis' 4% margins): a value, not a block.
    EXPECT_NEAR((alone.edges[1] - alone.edges[0]) / (alone.hi - alone.lo), 1 / (5 * 1.08), 1e-9);

    // The same score computed in two orders differs in the last bit: still one value.
    const render::HistogramLayout rounding = render::histogram_layout({0.1 + 0.2, 0.3, 0.3}, std::nullopt);
    EXPECT_EQ(rounding.binning, render::Binning::single_value);
    EXPECT_EQ(rounding.counts, std::vector<std::size_t>{3});

    const render::HistogramLayout one_plan = render::histogram_layout({0.37}, 0.37);
    EXPECT_EQ(one_plan.counted, 1u);
    EXPECT_NEAR(one_plan.fraction(0.37), 0.5, 1e-12);
}

TEST(HistogramLayout, NonFiniteValuesAreLeftOutAndCounted) {
    const render::HistogramLayout layout = render::histogram_layout({1, no_value, 2, inf, -inf, 3}, std::nullopt);
    EXPECT_EQ(layout.dropped, 3u);
    EXPECT_EQ(layout.counted, 3u);
    EXPECT_THAT(layout.counts, ElementsAre(1, 1, 1));

    const render::HistogramLayout none = render::histogram_layout({no_value, inf}, 4.0);
    EXPECT_EQ(none.binning, render::Binning::empty);
    EXPECT_TRUE(none.counts.empty());
    EXPECT_EQ(none.dropped, 2u);
    EXPECT_NEAR(none.fraction(4.0), 0.5, 1e-12);
}

TEST(HistogramLayout, TheAxisReachesAReferenceBeyondEveryPlan) {
    const render::HistogramLayout layout = render::histogram_layout(normal_values(500, 1.5, 0.1, 3), 3.0);
    EXPECT_GT(layout.fraction(3.0), 0.9);
    EXPECT_LT(layout.fraction(3.0), 1.0);
    EXPECT_GT(layout.fraction(layout.edges.front()), 0.0);
    const render::Box plot{100, 0, 300, 50};
    EXPECT_DOUBLE_EQ(layout.x_in(plot, layout.lo), 100);
    EXPECT_DOUBLE_EQ(layout.x_in(plot, layout.hi), 300);
}

TEST(HistogramLayout, TwoMillionPlansAreCountedNotKept) {
    const std::vector<double> values = normal_values(2000000, 0.34, 0.05, 11);
    const render::HistogramLayout layout = render::histogram_layout(values, 0.37);
    EXPECT_EQ(layout.counted, 2000000u);
    std::size_t sum = 0;
    for (std::size_t c : layout.counts) sum += c;
    EXPECT_EQ(sum, 2000000u);
    EXPECT_EQ(layout.counts.size(), render::max_bins);
}

TEST(PercentileOf, TiesCountAsNoBetter) {
    const std::vector<double> values{1, 2, 2, 3, 4};
    EXPECT_DOUBLE_EQ(render::percentile_of(values, 2, true), 80);    // 2, 2, 3, 4 are no lower
    EXPECT_DOUBLE_EQ(render::percentile_of(values, 2, false), 60);   // 1, 2, 2 are no higher
    EXPECT_DOUBLE_EQ(render::percentile_of(values, 0.5, true), 100); // better than every plan
    EXPECT_DOUBLE_EQ(render::percentile_of(values, 5, true), 0);
    EXPECT_DOUBLE_EQ(render::percentile_of(values, 4, true), 20);    // tied with the worst only
    EXPECT_DOUBLE_EQ(render::percentile_of({1, no_value, 3, inf}, 2, true), 50);  // 1 and 3 have values
    EXPECT_TRUE(std::isnan(render::percentile_of({}, 2, true)));
    EXPECT_TRUE(std::isnan(render::percentile_of({1, 2}, no_value, true)));
    EXPECT_DOUBLE_EQ(render::percentile_of({7}, 7, true), 100);      // one plan: the reference itself
}

TEST(PercentileOf, TextNeverRoundsARealShareToZeroOrAll) {
    EXPECT_EQ(render::percentile_text(82.44), "82.4%");
    EXPECT_EQ(render::percentile_text(100), "100.0%");
    EXPECT_EQ(render::percentile_text(0), "0.0%");
    EXPECT_EQ(render::percentile_text(100.0 / 2000000), "<0.1%");
    EXPECT_EQ(render::percentile_text(100 - 100.0 / 2000000), ">99.9%");
}

TEST(BoxSummary, Type7QuantilesWithWhiskersAtFiveAndNinetyFive) {
    std::vector<double> values;
    for (int v = 101; v >= 1; --v) values.push_back(v);  // 1..101, reversed
    values.push_back(no_value);
    const render::BoxSummary box = render::summarise_box(values);
    EXPECT_DOUBLE_EQ(box.p05, 6);
    EXPECT_DOUBLE_EQ(box.q1, 26);
    EXPECT_DOUBLE_EQ(box.median, 51);
    EXPECT_DOUBLE_EQ(box.q3, 76);
    EXPECT_DOUBLE_EQ(box.p95, 96);
    EXPECT_EQ(box.counted, 101u);
    EXPECT_EQ(box.dropped, 1u);

    const render::BoxSummary pair = render::summarise_box({1, 2});
    EXPECT_DOUBLE_EQ(pair.p05, 1.05);
    EXPECT_DOUBLE_EQ(pair.median, 1.5);
    EXPECT_DOUBLE_EQ(pair.p95, 1.95);
    EXPECT_TRUE(std::isnan(render::summarise_box({no_value}).median));
}

TEST(BoxSummary, MatchesASortOnTiedValues) {
    std::mt19937 random(5);
    std::uniform_int_distribution<int> crime(18, 34);
    std::vector<double> values(9999);
    for (double& v : values) v = crime(random);
    std::vector<double> sorted = values;
    std::sort(sorted.begin(), sorted.end());
    const auto q = [&](double p) {
        const double at = p * (sorted.size() - 1);
        const std::size_t i = static_cast<std::size_t>(at);
        return sorted[i] + (at - i) * (sorted[std::min(i + 1, sorted.size() - 1)] - sorted[i]);
    };
    const render::BoxSummary box = render::summarise_box(values);
    EXPECT_DOUBLE_EQ(box.p05, q(0.05));
    EXPECT_DOUBLE_EQ(box.q1, q(0.25));
    EXPECT_DOUBLE_EQ(box.median, q(0.5));
    EXPECT_DOUBLE_EQ(box.q3, q(0.75));
    EXPECT_DOUBLE_EQ(box.p95, q(0.95));
}

TEST(FigureGrid, SmallMultiplesWithTheBoxPlotsInTheLastRow) {
    const render::FigureGrid grid = render::figure_grid(6, true, {render::Paper::a4, true, 300});
    EXPECT_EQ(grid.page.paper, render::Paper::a4);
    ASSERT_EQ(grid.score_panels.size(), 6u);
    ASSERT_TRUE(grid.ranked_panel);
    // Three columns: the 7th cell starts the third row and stretches over the two cells left.
    EXPECT_DOUBLE_EQ(grid.score_panels[3].x0, grid.score_panels[0].x0);
    EXPECT_DOUBLE_EQ(grid.ranked_panel->x0, grid.score_panels[0].x0);
    EXPECT_DOUBLE_EQ(grid.ranked_panel->x1, grid.score_panels[5].x1);
    std::vector<render::Box> all = grid.score_panels;
    all.push_back(*grid.ranked_panel);
    for (std::size_t i = 0; i < all.size(); ++i) {
        EXPECT_TRUE(grid.body.contains(all[i])) << i;
        for (std::size_t j = i + 1; j < all.size(); ++j) EXPECT_FALSE(all[i].overlaps(all[j])) << i << ", " << j;
        const render::PanelParts parts = render::panel_parts(all[i]);
        EXPECT_GT(parts.plot.height(), 60) << i;
        EXPECT_TRUE(all[i].contains(parts.plot));
    }
    EXPECT_EQ(render::figure_grid(10, true, {render::Paper::a4, true, 300}).page.paper, render::Paper::a3);
    EXPECT_EQ(render::figure_grid(4, true, {}).ranked_panel->x1, render::figure_grid(4, true, {}).score_panels[2].x1);
}

TEST(ChartStyle, TheReferenceStaysApartFromTheEnsembleInGrey) {
    // A greyscale print keeps only lightness (CIE L*): the reference's line and diamonds must stay far
    // darker than the bars and boxes they are drawn over, and the grid lighter than the bars.
    const double reference = render::grey_lightness(render::reference_red);
    EXPECT_GT(render::grey_lightness(render::bar_fill) - reference, 30);
    EXPECT_GT(render::grey_lightness(render::box_fill) - reference, 30);
    EXPECT_GT(render::grey_lightness(render::grid_grey), render::grey_lightness(render::bar_fill) + 10);
}
