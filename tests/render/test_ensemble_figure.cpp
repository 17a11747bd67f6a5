// render/charts: ensemble figures written to SVG, PDF and PNG and read back: the reference's line
// where the axis mapping puts it (SVG path, PNG pixels), its value and percentile in the text (PDF),
// no text over other text, and files that appear whole or not at all.
#include "geo/core/errors.h"
#include "render/briefing/cairo_owner.h"
#include "render/charts/axis_ticks.h"
#include "render/charts/chart_style.h"
#include "render/charts/ensemble_figure.h"
#include "render/charts/figure_layout.h"
#include "support.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>

#include <csignal>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using wardmap_test::TempDir;

namespace {

// Scores the size and shape the borough enumeration gives: max/min demand per officer 1.2-2.5,
// Polsby-Popper 0.2-0.5, reach 3-8 km, core retention in shares of 629 wards, ward boundaries cut,
// and crime per officer of 12 command units sorted within each plan.
render::EnsembleFigure realistic_figure(std::size_t plans, unsigned seed) {
    std::mt19937_64 random(seed);
    std::normal_distribution<double> normal(0, 1);
    std::gamma_distribution<double> skew(2.5, 1);
    render::EnsembleFigure figure;
    figure.title = "Where the MPS plan stands among all valid groupings";
    figure.subtitle = "all " + render::format_number(static_cast<double>(plans), 0) +
                      " valid groupings of 32 boroughs into 12 BCUs of 2 to 4 boroughs (sample data)";
    figure.reference_name = "MPS plan 2018";
    figure.attribution = "Sample data drawn at random; boundaries contain National Statistics and Ordnance Survey data "
                         "\u00a9 Crown copyright and database right.";
    render::ScoreDistribution ratio{"Demand per officer, max/min", "", true, {}, 1.42};
    render::ScoreDistribution variation{"Demand per officer, coefficient of variation", "%", true, {}, 11.8};
    render::ScoreDistribution compact{"Polsby\u2013Popper, mean of the BCUs", "", false, {}, 0.37};
    render::ScoreDistribution reach{"Reach, population-weighted mean", "km", true, {}, 4.62};
    render::ScoreDistribution retention{"Core retention, share of wards", "%", false, {}, 100.0};
    render::ScoreDistribution cut{"Ward boundaries cut between BCUs", "", true, {}, 212};
    render::RankedBoxes ranked{"Recorded crime per officer", "crimes per officer", std::vector<std::vector<double>>(12), {}};
    std::vector<double> crime(12);
    for (std::size_t p = 0; p < plans; ++p) {
        ratio.values.push_back(1.15 + 0.22 * skew(random));
        variation.values.push_back(std::max(3.0, 16 + 5 * normal(random)));
        compact.values.push_back(std::clamp(0.33 + 0.05 * normal(random), 0.2, 0.5));
        reach.values.push_back(std::clamp(5.3 + 0.8 * normal(random), 3.0, 8.0));
        retention.values.push_back(100.0 * std::clamp(std::round(629 * (0.25 + 0.12 * skew(random) / 2.5)), 0.0, 629.0) / 629);
        cut.values.push_back(std::round(235 + 18 * normal(random)));
        for (double& c : crime) c = 24 * std::exp(0.16 * normal(random));
        std::sort(crime.begin(), crime.end());
        for (std::size_t r = 0; r < 12; ++r) ranked.by_rank[r].push_back(crime[r]);
    }
    ranked.reference = {18.9, 20.1, 21.4, 22.0, 22.8, 23.5, 24.1, 24.9, 25.8, 27.0, 29.5, 33.8};
    figure.scores = {ratio, variation, compact, reach, retention, cut};
    figure.ranked = ranked;
    return figure;
}

// Values 1..100 with the reference at 30.5: 70 plans score no better when lower is better.
render::EnsembleFigure hand_figure() {
    render::EnsembleFigure figure;
    figure.title = "Hand case";
    render::ScoreDistribution lower{"Lower is better", "km", true, {}, 30.5};
    render::ScoreDistribution higher{"Higher is better", "%", false, {}, 90.0};
    for (int v = 1; v <= 100; ++v) lower.values.push_back(v + 0.25 * (v % 3));
    for (int v = 1; v <= 100; ++v) higher.values.push_back(v);
    figure.scores = {lower, higher};
    return figure;
}

// Where the reference line of score `s` must be: the grid, the panel's plot and the histogram's axis.
double expected_reference_x(const render::EnsembleFigure& figure, std::size_t s, const render::PageSpec& page) {
    const render::FigureGrid grid = render::figure_grid(figure.scores.size(), figure.ranked.has_value(), page);
    const render::PanelParts parts = render::panel_parts(grid.score_panels.at(s));
    const auto& score = figure.scores.at(s);
    return render::histogram_layout(score.values, score.reference).x_in(parts.plot, *score.reference);
}

render::Rgb pixel(cairo_surface_t* png, int x, int y) {
    const unsigned char* row = cairo_image_surface_get_data(png) + static_cast<std::ptrdiff_t>(y) * cairo_image_surface_get_stride(png);
    const std::uint32_t value = reinterpret_cast<const std::uint32_t*>(row)[x];  // 0x00RRGGBB, native order
    return {((value >> 16) & 0xff) / 255.0, ((value >> 8) & 0xff) / 255.0, (value & 0xff) / 255.0};
}

bool is_reference_red(const render::Rgb& c) {
    constexpr double tolerance = 2.5 / 255;
    const render::Rgb& red = render::reference_red;
    return std::abs(c.r - red.r) <= tolerance && std::abs(c.g - red.g) <= tolerance && std::abs(c.b - red.b) <= tolerance;
}

std::string pdf_text(const std::filesystem::path& pdf) {
    std::string text;
    FILE* pipe = popen(("pdftotext '" + pdf.string() + "' -").c_str(), "r");
    if (!pipe) return text;
    char buffer[4096];
    while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) text.append(buffer, n);
    pclose(pipe);
    return text;
}

bool has_text(const render::EnsembleDrawing& drawing, const std::string& wanted) {
    return std::any_of(drawing.texts.begin(), drawing.texts.end(), [&](const render::DrawnText& t) { return t.text == wanted; });
}

}  // namespace

TEST(EnsembleFigure, SvgDrawsTheReferenceLineWhereTheAxisPutsIt) {
    TempDir dir;
    const render::EnsembleFigure figure = hand_figure();
    render::draw_ensemble(figure, dir.path() / "ensemble.svg");
    const std::string svg = wardmap_test::read_text(dir.path() / "ensemble.svg");
    ASSERT_NE(svg.find("<svg"), std::string::npos);
    // Cairo writes each stroke as <path style="...stroke:rgb(R%,G%,B%)..." d="M x0 y0 L x1 y1 "/>.
    std::vector<double> red_x;
    for (std::size_t at = svg.find("stroke:rgb("); at != std::string::npos; at = svg.find("stroke:rgb(", at + 1)) {
        const char* p = svg.c_str() + at + 11;
        char* end = nullptr;
        render::Rgb colour;
        for (double* channel : {&colour.r, &colour.g, &colour.b}) {
            *channel = std::strtod(p, &end) / 100;
            p = end + 2;  // past "%," or "%)"
        }
        const std::size_t element_end = svg.find('>', at), d = svg.find(" d=\"M ", at);
        if (!is_reference_red(colour) || d > element_end) continue;
        const double x0 = std::strtod(svg.c_str() + d + 6, &end), y0 = std::strtod(end, &end);
        EXPECT_EQ(std::string(end, 3), " L ") << "a single segment";
        const double x1 = std::strtod(end + 3, &end), y1 = std::strtod(end, &end);
        EXPECT_DOUBLE_EQ(x0, x1) << "the reference line is vertical";
        EXPECT_GT(std::abs(y1 - y0), 50) << "from the axis up through the plot";
        red_x.push_back(x0);
    }
    ASSERT_EQ(red_x.size(), 2u) << "one reference line per score";
    const render::PageSpec page{render::Paper::a4, true, 300};
    EXPECT_NEAR(red_x[0], expected_reference_x(figure, 0, page), 0.01);
    EXPECT_NEAR(red_x[1], expected_reference_x(figure, 1, page), 0.01);
}

TEST(EnsembleFigure, PdfSaysTheValueAndPercentile) {
    TempDir dir;
    const render::EnsembleDrawing drawing = render::draw_ensemble(hand_figure(), dir.path() / "ensemble.pdf");
    EXPECT_DOUBLE_EQ(drawing.percentiles.at(0), 70);  // 31..100 are no lower than 30.5
    EXPECT_DOUBLE_EQ(drawing.percentiles.at(1), 90);  // 1..90 are no higher than 90
    const std::string text = pdf_text(dir.path() / "ensemble.pdf");
    EXPECT_NE(text.find("Reference plan: 30.5 km"), std::string::npos) << text;
    EXPECT_NE(text.find("70.0% of plans no better"), std::string::npos) << text;
    EXPECT_NE(text.find("Reference plan: 90%"), std::string::npos) << text;
    EXPECT_NE(text.find("90.0% of plans no better"), std::string::npos) << text;
    EXPECT_NE(text.find("equal to or worse than"), std::string::npos) << "the percentile's definition is on the figure";
    EXPECT_NE(text.find("Crown copyright"), std::string::npos) << "the attribution is on the figure";
}

TEST(EnsembleFigure, PngHasTheReferenceColourAtTheMappedColumnOnly) {
    TempDir dir;
    const render::EnsembleFigure figure = realistic_figure(5000, 3);
    render::EnsembleOptions options;
    options.page.dpi = 100;
    const render::EnsembleDrawing drawing = render::draw_ensemble(figure, dir.path() / "ensemble.png", options);
    const render::Surface png(cairo_image_surface_create_from_png((dir.path() / "ensemble.png").c_str()));
    ASSERT_EQ(cairo_surface_status(png.get()), CAIRO_STATUS_SUCCESS);
    const double px_per_pt = 100.0 / 72;
    EXPECT_EQ(cairo_image_surface_get_width(png.get()), 1169);  // 297 mm at 100 dpi
    for (std::size_t s = 0; s < figure.scores.size(); ++s) {
        const double x = expected_reference_x(figure, s, options.page) * px_per_pt;
        const render::Box& plot = drawing.score_plots.at(s);
        const int y = static_cast<int>((plot.y0 + 0.75 * plot.height()) * px_per_pt);  // low in the plot, among the bars
        int red = 0;
        for (int dx = -1; dx <= 1; ++dx) red += is_reference_red(pixel(png.get(), static_cast<int>(x) + dx, y));
        EXPECT_GE(red, 1) << figure.scores[s].name << ": no reference colour at x = " << x << " px";
        for (int dx : {-8, 8})
            EXPECT_FALSE(is_reference_red(pixel(png.get(), static_cast<int>(x) + dx, y))) << figure.scores[s].name << " at " << dx;
        // Above the plot the line crosses white paper: the centre of its ink (green falls from 1 on white
        // to the reference's green where covered) is where the axis mapping says, to a third of a pixel.
        const int above = static_cast<int>((plot.y0 - 4) * px_per_pt);
        double ink = 0, moment = 0;
        for (int px = static_cast<int>(x) - 4; px <= static_cast<int>(x) + 4; ++px) {
            const double cover = (1 - pixel(png.get(), px, above).g) / (1 - render::reference_red.g);
            ink += cover;
            moment += cover * (px + 0.5);
        }
        ASSERT_GT(ink, 1.5) << figure.scores[s].name << ": no line above the plot";
        EXPECT_NEAR(moment / ink, x, 0.33) << figure.scores[s].name;
    }
}

TEST(EnsembleFigure, NoTextOverlapsOtherTextAndAllStaysOnThePage) {
    TempDir dir;
    render::EnsembleFigure figure = realistic_figure(20000, 5);
    // Wide tick labels ("122,000,000") in a narrow panel: fewer ticks, not labels run together.
    render::ScoreDistribution population{"Calls for service, all BCUs", "calls", true, {}, 123456789};
    for (std::size_t p = 0; p < 20000; ++p) population.values.push_back(120000000 + 9000000.0 * (p % 1000) / 1000);
    figure.scores.push_back(population);
    const render::EnsembleDrawing drawing = render::draw_ensemble(figure, dir.path() / "ensemble.svg");
    const render::Box page{0, 0, drawing.page.width_pt(), drawing.page.height_pt()};
    ASSERT_GT(drawing.texts.size(), 80u);
    for (std::size_t i = 0; i < drawing.texts.size(); ++i) {
        EXPECT_TRUE(page.contains(drawing.texts[i].box)) << drawing.texts[i].text;
        for (std::size_t j = i + 1; j < drawing.texts.size(); ++j)
            EXPECT_FALSE(drawing.texts[i].box.overlaps(drawing.texts[j].box))
                << "\"" << drawing.texts[i].text << "\" and \"" << drawing.texts[j].text << "\"";
    }
    EXPECT_TRUE(has_text(drawing, "MPS plan 2018: 1.42")) << "value beside the line, one decimal more than the ticks";
    EXPECT_TRUE(has_text(drawing, "100.0% of plans no better")) << "core retention of the reference against itself";
}

TEST(EnsembleFigure, OnePlanAndTwoMillionPlansBothDraw) {
    TempDir dir;
    render::EnsembleFigure one = hand_figure();
    one.reference_name = "The plan the borough commanders agreed in March";
    for (auto& score : one.scores) score.values = {*score.reference};
    const auto single = render::draw_ensemble(one, dir.path() / "one.svg");
    EXPECT_DOUBLE_EQ(single.percentiles[0], 100);
    EXPECT_EQ(single.histograms[0].binning, render::Binning::single_value);
    // A long name beside a line in the middle fits on neither side: the percentile is still whole.
    EXPECT_TRUE(has_text(single, "100.0% of plans no better"));

    render::EnsembleFigure many;
    many.title = "Two million plans";
    render::ScoreDistribution score{"Polsby\u2013Popper, mean", "", false, std::vector<double>(2000000), 0.37};
    std::mt19937_64 random(2);
    std::normal_distribution<double> normal(0.34, 0.05);
    for (double& v : score.values) v = normal(random);
    many.scores = {score};
    render::EnsembleOptions options;
    options.page.dpi = 50;
    const auto drawn = render::draw_ensemble(many, dir.path() / "many.png", options);
    EXPECT_EQ(drawn.histograms[0].counted, 2000000u);
    EXPECT_NEAR(drawn.percentiles[0], 100 * 0.5 * std::erfc(-(0.37 - 0.34) / (0.05 * std::sqrt(2))), 0.2);  // Phi(0.6)
}

TEST(EnsembleFigure, AnEmptyEnsembleIsRefusedAndNothingWritten) {
    TempDir dir;
    render::EnsembleFigure figure = hand_figure();
    for (auto& score : figure.scores) score.values = {};
    figure.scores[1].values = {NAN, INFINITY};
    EXPECT_THROW(render::draw_ensemble(figure, dir.path() / "empty.pdf"), geo::InputError);
    EXPECT_TRUE(std::filesystem::is_empty(dir.path()));

    // One score without a value among others is drawn, and says so.
    figure.scores[0].values = {1, 2, 3};
    const auto drawing = render::draw_ensemble(figure, dir.path() / "partial.svg");
    EXPECT_TRUE(has_text(drawing, "No plan has a value for this score"));
}

TEST(EnsembleFigure, OtherExtensionsAreRefused) {
    TempDir dir;
    EXPECT_THROW(render::draw_ensemble(hand_figure(), dir.path() / "ensemble.jpg"), geo::InputError);
    EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

TEST(EnsembleFigure, AnExistingFigureIsKeptUnlessOverwriting) {
    TempDir dir;
    wardmap_test::write_text(dir.path() / "ensemble.svg", "keep me");
    EXPECT_THROW(render::draw_ensemble(hand_figure(), dir.path() / "ensemble.svg"), geo::OutputError);
    EXPECT_EQ(wardmap_test::read_text(dir.path() / "ensemble.svg"), "keep me");
    render::EnsembleOptions options;
    options.overwrite = true;
    render::draw_ensemble(hand_figure(), dir.path() / "ensemble.svg", options);
    EXPECT_NE(wardmap_test::read_text(dir.path() / "ensemble.svg").find("<svg"), std::string::npos);
}

// Odd ensembles on one page: a single plan, few discrete values, a score with no value, all plans
// equal, a reference beyond every plan, three ranks; with a reference name too long for any panel.
TEST(EnsembleFigure, OddEnsemblesKeepTextApartAndValuesWhole) {
    render::EnsembleFigure figure;
    figure.title = "Odd ensembles";
    figure.reference_name = "The plan the borough commanders agreed in March after the consultation";
    figure.scores.push_back({"One plan", "km", true, {4.2}, 4.2});
    figure.scores.push_back({"Boroughs split", "", true, {0, 0, 0, 1, 1, 2, 3, 0, 1, 0, 0, 0, 0, 1}, 1});
    figure.scores.push_back({"No values", "%", true, {NAN, NAN}, 3});
    figure.scores.push_back({"All equal", "", false, std::vector<double>(50, 0.3), 0.45});
    figure.scores.push_back({"Reference beyond every plan", "", true, {1.4, 1.5, 1.5, 1.7, 2.1}, 3.5});
    figure.ranked = render::RankedBoxes{"Crime per officer", "", {{1, 2, 3}, {2, 3, 4}, {5, 6, 9}}, {1.5, 3.5}};
    TempDir dir;
    render::EnsembleOptions options;
    options.page.dpi = 50;
    const render::EnsembleDrawing drawing = render::draw_ensemble(figure, dir.path() / "odd.png", options);
    for (std::size_t i = 0; i < drawing.texts.size(); ++i)
        for (std::size_t j = i + 1; j < drawing.texts.size(); ++j)
            EXPECT_FALSE(drawing.texts[i].box.overlaps(drawing.texts[j].box))
                << "\"" << drawing.texts[i].text << "\" and \"" << drawing.texts[j].text << "\"";
    const auto ends_with = [&](const std::string& tail) {
        return std::count_if(drawing.texts.begin(), drawing.texts.end(), [&](const render::DrawnText& t) {
            return t.text.size() > tail.size() && t.text.compare(t.text.size() - tail.size(), tail.size(), tail) == 0;
        });
    };
    EXPECT_EQ(ends_with("\u2026: 4.2 km"), 1) << "the long name is cut, never the value";
    EXPECT_EQ(ends_with("\u2026: 3.5"), 1);
    EXPECT_TRUE(has_text(drawing, "0.0% of plans no better"));
    EXPECT_TRUE(has_text(drawing, "no plan to compare with"));
    EXPECT_TRUE(has_text(drawing, "No plan has a value for this score"));
    EXPECT_TRUE(has_text(drawing, "lower is better \u00b7 every plan scores 4.2 km"));
    EXPECT_TRUE(has_text(drawing, "lower is better \u00b7 2 plans without a value left out"));
    EXPECT_EQ(drawing.histograms[1].counts, (std::vector<std::size_t>{8, 4, 1, 1}));
}

// An unwritable folder: nothing appears, not even a partial file, and the error names the file. Root
// writes anywhere, so as root the drawing runs in a child that has given up root for "nobody".
TEST(EnsembleFigure, AnUnwritableFolderLeavesNothingBehind) {
    TempDir dir;
    const std::filesystem::path locked = dir.path() / "locked";
    std::filesystem::create_directory(locked);
    std::filesystem::permissions(locked, std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec |
                                             std::filesystem::perms::group_read | std::filesystem::perms::group_exec |
                                             std::filesystem::perms::others_read | std::filesystem::perms::others_exec);
    const std::filesystem::path target = locked / "ensemble.png";
    const auto attempt = [&] {
        try {
            render::draw_ensemble(hand_figure(), target);
        } catch (const geo::OutputError& e) {
            return std::string(e.what()).find(target.string()) != std::string::npos ? 0 : 2;
        } catch (...) {
            return 3;
        }
        return 1;
    };
    int outcome = 0;
    if (::geteuid() == 0) {
        const pid_t child = ::fork();
        ASSERT_GE(child, 0);
        if (child == 0) _exit(::setgid(65534) == 0 && ::setuid(65534) == 0 ? attempt() : 4);
        int status = 0;
        ::waitpid(child, &status, 0);
        outcome = WIFEXITED(status) ? WEXITSTATUS(status) : 5;
    } else {
        outcome = attempt();
    }
    EXPECT_EQ(outcome, 0) << "1: written anyway, 2: the error does not name the file, 3: another error, 4: no setuid";
    EXPECT_TRUE(std::filesystem::is_empty(locked)) << "something was left in the folder";
}

// A write that fails halfway (the file size limit reached: "disk full" for this process) leaves no
// partial file, and the error names the file. In a child, so the limit binds no other test.
TEST(EnsembleFigure, AWriteThatFailsHalfwayLeavesNothingBehind) {
    TempDir dir;
    const std::filesystem::path target = dir.path() / "ensemble.png";
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        std::signal(SIGXFSZ, SIG_IGN);  // write() then fails with EFBIG instead of killing us
        const rlimit limit{20000, 20000};
        if (::setrlimit(RLIMIT_FSIZE, &limit) != 0) _exit(4);
        try {
            render::draw_ensemble(realistic_figure(2000, 1), target);
        } catch (const geo::OutputError& e) {
            _exit(std::string(e.what()).find(target.string()) != std::string::npos ? 0 : 2);
        } catch (...) {
            _exit(3);
        }
        _exit(1);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    EXPECT_EQ(WIFEXITED(status) ? WEXITSTATUS(status) : 5, 0)
        << "1: written in spite of the limit, 2: the error does not name the file, 3: another error";
    EXPECT_TRUE(std::filesystem::is_empty(dir.path())) << "a partial file was left behind";
}

// Writes the sample figure of the documentation when WARDMAP_ENSEMBLE_SAMPLE names the output:
//   WARDMAP_ENSEMBLE_SAMPLE=tools/docs/ensemble-sample.png build/tests/render/wardmap_render_tests
//       --gtest_filter='*SampleFigure*' --gtest_also_run_disabled_tests
TEST(EnsembleFigure, DISABLED_SampleFigure) {
    const char* output = std::getenv("WARDMAP_ENSEMBLE_SAMPLE");
    ASSERT_NE(output, nullptr) << "set WARDMAP_ENSEMBLE_SAMPLE to the output path";
    render::EnsembleOptions options;
    options.overwrite = true;
    options.page.dpi = 150;
    render::draw_ensemble(realistic_figure(100000, 2018), output, options);
}
