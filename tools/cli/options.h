#pragma once
// Options shared by subcommands, declared once (GDAL's AddOutputFormatArg idea): each subcommand
// file only wires them to library calls.
#include "geo/dissolve/dissolve.h"
#include "geo/core/bundled.h"
#include "geo/export/plan_output.h"
#include "geo/plan/apply.h"
#include "geo/source/load.h"

#include <CLI/CLI.hpp>

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace cli {

struct CommonOptions {
    bool quiet = false;
    bool json = false;
    std::vector<std::string> config;  // --config KEY=VALUE for GDAL
    // Where the human report goes: stdout, or nowhere with -q. JSON always goes to stdout.
    std::ostream& report() const;
};

struct SourceOptions {
    std::vector<std::string> sources;
    std::string code_field, name_field, parent_field, parent_name_field;
    std::string source_srs, source_layer, stem_field;
    std::string where, sql;  // -where, -sql on each source
    double snap = 0.01;
};

struct PlanOptions {
    std::string plan, by, code_changes;
    geo::PlanColumns columns;
    std::vector<std::string> aggregates;  // FIELD=sum|mean|min|max
    double sliver_area = 1.0;
};

using OutputOptions = geo::PlanOutput;

// A finite number of 0 or more: the check of --snap, --sliver-area and --max-deviation.
extern const CLI::Validator amount_not_below_zero;

void add_common_flags(CLI::App& command, CommonOptions& common);
void add_source_options(CLI::App& command, SourceOptions& options);
void add_plan_options(CLI::App& command, PlanOptions& options, bool allow_by);
void add_output_options(CLI::App& command, OutputOptions& options, bool format_required);

// Sources as given, or the bundled London 2014 wards when none are.
geo::WardSet load_sources(const SourceOptions& options, const geo::Progress& progress);
// The plan as given (--plan or --by), or the bundled 12-BCU plan.
geo::AppliedPlan apply_plan_options(const geo::WardSet& set, const PlanOptions& options, bool with_parents,
                                    const geo::Progress& progress);
// The plan at `path` on these wards: a plan file (refused on another ward set) or a CSV table.
geo::Plan read_plan_for(const geo::WardSet& set, const std::string& path, const geo::PlanColumns& columns);

// The output as given, with the colours of the QGIS styles a GeoPackage carries.
geo::PlanOutput styled_output(const OutputOptions& output, const geo::WardSet& set, const geo::AppliedPlan& applied);

using geo::bundled;

}  // namespace cli
