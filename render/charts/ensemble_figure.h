#pragma once
// Where one plan stands among many: for each score, a histogram of the ensemble's plans with the
// reference plan marked and its percentile; and per-rank box plots of a per-command-unit quantity
// with the reference's points (redist's plot_distr_qtys). A pure drawing function of plain numbers:
// geo/ computes the scores and the ensembles, the CLI (`wardmap ensemble`) hands them over.
//
// Percentile (printed on the figure in these words): the share of the plans that have a value whose
// score is equal to or worse than the reference plan's, "no better". Ties count as no better, so a
// reference that is one of the plans counts itself, and the best possible plan stands at 100%.
//
// An empty ensemble (no score has a single finite value and there are no box plots) is refused with
// geo::InputError before any file is created: a figure of nothing would look like a result. A score
// that alone has no value draws its panel with that said in words.
#include "render/briefing/page.h"
#include "render/charts/histogram_layout.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace render {

struct ScoreDistribution {
    std::string name;                  // "Demand per officer, max/min"
    std::string unit;                  // "", "%", "km": printed under the x axis
    bool lower_is_better = true;
    std::vector<double> values;        // one per plan of the ensemble (NaN/inf: no value, left out and counted)
    std::optional<double> reference;   // the reference plan's value, marked
};

struct RankedBoxes {
    std::string name;                          // "Recorded crime per officer"
    std::string unit;                          // "", "%", "km": beside the y axis
    std::vector<std::vector<double>> by_rank;  // by_rank[r]: the (r+1)-th smallest command unit's value in each plan
    std::vector<double> reference;             // the reference plan's sorted values, one per rank (may be empty)
};

struct EnsembleFigure {
    std::string title, subtitle;       // subtitle e.g. "all 1,234,567 valid groupings of 32 boroughs into 12 BCUs"
    std::string reference_name = "Reference plan";  // "MPS plan 2018": beside every mark
    std::vector<ScoreDistribution> scores;
    std::optional<RankedBoxes> ranked;
    std::string attribution;           // printed at the foot (geo::attribution when empty)
};

// The share, in %, of the finite `values` that are equal to or worse than `reference` (>= it when lower is
// better, <= it otherwise), compared exactly. NaN when no value is finite or the reference is not.
double percentile_of(const std::vector<double>& values, double reference, bool lower_is_better);

// "82.4%"; "<0.1%" / ">99.9%" for shares that one decimal would round to 0 or 100 but are not.
std::string percentile_text(double percentile);

struct EnsembleOptions {
    PageSpec page{Paper::a4, true, 300};  // A4 landscape; more than three rows of panels move to A3
    bool overwrite = false;
};

// What was drawn where, in points (y down), for tests and callers that report on the figure.
struct DrawnText {
    std::string text;
    Box box;
};
struct EnsembleDrawing {
    PageSpec page;                              // as used (A3 when the panels needed it)
    std::vector<Box> score_plots;               // the plot area of each score's histogram
    std::vector<HistogramLayout> histograms;    // parallel to score_plots
    std::vector<double> percentiles;            // parallel; NaN without a reference
    std::optional<Box> ranked_plot;
    std::vector<DrawnText> texts;               // every piece of text on the page
};

// Writes .svg, .png or .pdf by the path's extension, atomically (geo::AtomicOutput: whole or not at
// all). Throws geo::InputError for another extension or an empty ensemble, geo::OutputError naming the
// file when it cannot be written (nothing is left behind) or exists and !options.overwrite.
EnsembleDrawing draw_ensemble(const EnsembleFigure& figure, const std::filesystem::path& path,
                              const EnsembleOptions& options = {});

}  // namespace render
