#include "render/charts/ensemble_figure.h"

#include "geo/candidates/scores.h"

#include "geo/core/errors.h"
#include "geo/core/version.h"
#include "render/briefing/page_writer.h"
#include "render/charts/box_summary.h"
#include "render/charts/chart_style.h"
#include "render/charts/histogram_panel.h"
#include "render/charts/ranked_panel.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <memory>

namespace render {
namespace {

struct FontOptionsDeleter {
    void operator()(cairo_font_options_t* options) const noexcept { cairo_font_options_destroy(options); }
};
using FontOptions = std::unique_ptr<cairo_font_options_t, FontOptionsDeleter>;

bool has_values(const std::vector<HistogramLayout>& histograms, const std::vector<BoxSummary>& boxes) {
    return std::any_of(histograms.begin(), histograms.end(), [](const HistogramLayout& h) { return h.counted > 0; }) ||
           std::any_of(boxes.begin(), boxes.end(), [](const BoxSummary& b) { return b.counted > 0; });
}

// Checked before the output is created: PageWriter's own message speaks of briefing maps.
void check_extension(const std::filesystem::path& path) {
    std::string extension = path.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(), [](unsigned char c) { return std::tolower(c); });
    if (extension != ".svg" && extension != ".png" && extension != ".pdf")
        throw geo::InputError(path.string(), "", "an ensemble figure is written as .svg, .png or .pdf",
                              "name the output e.g. ensemble.pdf, ensemble.svg or ensemble.png");
}

void draw_title(ChartText& text, cairo_t* cairo, const EnsembleFigure& figure, const Box& box) {
    const Font title_font{18, true, false}, subtitle_font{10, false, false};
    text.write(title_font, text.fit(title_font, figure.title, box.width()), box.x0, box.y0 + 18, {0.05, 0.05, 0.05});
    text.write(subtitle_font, text.fit(subtitle_font, figure.subtitle, box.width()), box.x0, box.y0 + 34, {0.3, 0.3, 0.3});
    cairo_move_to(cairo, box.x0, box.y1 - 6);
    cairo_line_to(cairo, box.x1, box.y1 - 6);
    cairo_set_source_rgb(cairo, 0.6, 0.6, 0.6);
    cairo_set_line_width(cairo, 0.5);
    cairo_stroke(cairo);
}

// How to read the figure, the data's attribution (the licences require it on anything drawn), the tool.
void draw_footer(ChartText& text, const EnsembleFigure& figure, const Box& box) {
    const Font font{7, false, false};
    const Rgb grey{0.3, 0.3, 0.3};
    const std::string method =
        "Percentile: the share of the plans with a value whose score is equal to or worse than the marked plan's (" +
        figure.reference_name + "; ties count as no better, and the best plan stands at 100%). Histograms count plans "
        "in 10 to 60 Freedman\u2013Diaconis bins, or one bar per value for scores that take few values.";
    const std::string attribution = figure.attribution.empty() ? geo::attribution : figure.attribution;
    const std::vector<std::string> lines = text.wrap(font, method, box.width(), 2);
    double y = box.y1 - 21 - 9 * static_cast<double>(lines.size() - 1);
    for (const std::string& line : lines) {
        text.write(font, line, box.x0, y, grey);
        y += 9;
    }
    text.write(font, text.fit(font, attribution, box.width()), box.x0, box.y1 - 12, grey);
    text.write(font, std::string("wardmap ") + geo::tool_version, box.x0, box.y1 - 3, grey);
}

}  // namespace

double percentile_of(const std::vector<double>& values, double reference, bool lower_is_better) {
    return geo::percentile_among(values, reference, lower_is_better);
}

std::string percentile_text(double percentile) {
    if (std::isnan(percentile)) return "n/a";
    if (percentile > 0 && percentile < 0.05) return "<0.1%";
    if (percentile < 100 && percentile >= 99.95) return ">99.9%";
    char text[16];
    std::snprintf(text, sizeof text, "%.1f%%", percentile);
    return text;
}

EnsembleDrawing draw_ensemble(const EnsembleFigure& figure, const std::filesystem::path& path,
                              const EnsembleOptions& options) {
    check_extension(path);
    EnsembleDrawing drawing;
    for (const ScoreDistribution& score : figure.scores) {
        drawing.histograms.push_back(histogram_layout(score.values, score.reference));
        drawing.percentiles.push_back(score.reference ? percentile_of(score.values, *score.reference, score.lower_is_better)
                                                      : std::numeric_limits<double>::quiet_NaN());
    }
    std::vector<BoxSummary> boxes;
    if (figure.ranked)
        for (const std::vector<double>& rank : figure.ranked->by_rank) boxes.push_back(summarise_box(rank));
    if (!has_values(drawing.histograms, boxes))
        throw geo::InputError(path.string(), "", "the ensemble holds no plan with a value: there is nothing to place the "
                              "reference plan among", "loosen the constraints so that some plans are valid, or check the scores");

    const FigureGrid grid = figure_grid(figure.scores.size(), figure.ranked.has_value(), options.page);
    drawing.page = grid.page;
    PageWriter writer(path, grid.page, options.overwrite);
    cairo_t* cairo = writer.page();
    // Text measured the same at any resolution: hinted metrics round to whole pixels, and at 50 dpi a
    // 7 pt line grows enough to touch the next. The layout (and its test) then hold for every format.
    const FontOptions unhinted(cairo_font_options_create());
    cairo_font_options_set_hint_metrics(unhinted.get(), CAIRO_HINT_METRICS_OFF);
    cairo_set_font_options(cairo, unhinted.get());
    cairo_set_source_rgb(cairo, 1, 1, 1);
    cairo_paint(cairo);
    ChartText text(cairo);
    draw_title(text, cairo, figure, grid.title);
    for (std::size_t s = 0; s < figure.scores.size(); ++s) {
        const PanelParts parts = panel_parts(grid.score_panels[s]);
        draw_histogram_panel(cairo, text, parts, figure.scores[s], drawing.histograms[s], drawing.percentiles[s],
                             figure.reference_name);
        drawing.score_plots.push_back(parts.plot);
    }
    if (figure.ranked) {
        const PanelParts parts = panel_parts(*grid.ranked_panel);
        draw_ranked_panel(cairo, text, parts, *figure.ranked, boxes, figure.reference_name);
        drawing.ranked_plot = parts.plot;
    }
    draw_footer(text, figure, grid.footer);
    writer.finish();
    drawing.texts = text.written();
    return drawing;
}

}  // namespace render
