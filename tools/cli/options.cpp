#include "cli/options.h"

#include "geo/core/errors.h"
#include "geo/planner/plan_file.h"
#include "render/style/style_colours.h"

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <iostream>

namespace cli {

// CLI11 reads "NaN", "inf" and "-5" as numbers; as a distance or an area they mean nothing, and
// NaN compares false with everything, so that `--snap NaN` silently snapped every vertex pair.
const CLI::Validator amount_not_below_zero(
    [](std::string& text) -> std::string {
        char* end = nullptr;
        const double value = std::strtod(text.c_str(), &end);
        if (end == text.c_str() || *end != '\0' || !std::isfinite(value) || value < 0)
            return "must be a number of 0 or more, not " + text;
        return {};
    },
    "NUMBER>=0");

void add_common_flags(CLI::App& command, CommonOptions& common) {
    command.add_flag("-q,--quiet", common.quiet, "Quiet: no report on stdout and no progress bar (errors and warnings still on stderr; --json still prints)");
    command.add_flag("--json", common.json, "Print a machine-readable JSON summary on stdout (and an error object when it fails)");
    command.add_option_function<std::vector<std::string>>(
               "--config", [&common](const std::vector<std::string>& settings) {
                   common.config.insert(common.config.end(), settings.begin(), settings.end());
               },
               "Set a GDAL configuration option, as GDAL's utilities do (--config KEY VALUE, or KEY=VALUE)")
        ->type_name("KEY VALUE");
}

std::ostream& CommonOptions::report() const {
    static std::ostream nowhere(nullptr);  // a stream with no buffer writes nothing
    return quiet ? nowhere : std::cout;
}

void add_source_options(CLI::App& command, SourceOptions& o) {
    command.add_option("source", o.sources, "Boundary files, folders of files or zips (default: bundled London 2014 wards)");
    auto* group = command.add_option_group("Source");
    group->add_option("--code-field", o.code_field, "Field holding the unit code (guessed: GSS_Code, WD13CD, LSOA11CD, ...)");
    group->add_option("--name-field", o.name_field, "Field holding the unit name");
    group->add_option("--parent-field", o.parent_field, "Field holding the parent (borough, district) code");
    group->add_option("--parent-name-field", o.parent_name_field, "Field holding the parent name");
    group->add_option("--s_srs", o.source_srs, "CRS of the sources when missing or wrong, e.g. EPSG:27700 (also -s_srs)");
    group->add_option("--source-layer", o.source_layer, "Layer to read when a source has several");
    group->add_option("--stem-field", o.stem_field, "Record each file's name stem (e.g. a district code) in this field");
    group->add_option("--where", o.where, "Read only the features of each source this attribute filter keeps (OGR SQL WHERE; also -where)");
    group->add_option("--sql", o.sql, "Read each source through this SQL statement (OGR SQL, or SQLite for GeoPackage; also -sql)");
    group->add_option("--snap", o.snap, "Vertices closer than this many metres become one (0: off)")
        ->check(amount_not_below_zero)
        ->capture_default_str();
}

void add_plan_options(CLI::App& command, PlanOptions& o, bool allow_by) {
    auto* group = command.add_option_group("Plan");
    auto* plan = group->add_option("--plan", o.plan, "Plan: a table (CSV: code,unit_code,unit_name[,colour][,phase]) or a plan file saved by the planner (.wardplan, .toml); default: bundled 12-BCU plan");
    if (allow_by) group->add_option("--by", o.by, "Group units by this field instead of a plan")->excludes(plan);
    group->add_option("--plan-key", o.columns.key, "Plan column with the unit or parent code");
    group->add_option("--plan-unit", o.columns.unit_code, "Plan column with the command unit code");
    group->add_option("--plan-unit-name", o.columns.unit_name, "Plan column with the command unit name");
    group->add_option("--code-changes", o.code_changes, "CSV old_code,new_code applied to parent codes before the plan lookup");
    group->add_option("--agg", o.aggregates, "How a numeric field aggregates: FIELD=sum|mean|min|max (default sum)");
    group->add_option("--sliver-area", o.sliver_area, "Holes under this many m² in a dissolved unit are gaps, closed")
        ->check(amount_not_below_zero)
        ->capture_default_str();
}

void add_output_options(CLI::App& command, OutputOptions& o, bool format_required) {
    command.add_option("-o,--output", o.path, "Output file (with -f \"ESRI Shapefile\", a folder: one .shp per layer)")->required();
    auto* format = command.add_option("-f,--format", o.format,
                                      "GPKG, \"ESRI Shapefile\", GeoJSON, FlatGeobuf, KML or CSV (default: from -o)");
    if (format_required) format->required();
    command.add_option("--t_srs", o.target_srs, "CRS of the output, also -t_srs (default: the working CRS, EPSG:27700 in GB; GeoJSON and KML: EPSG:4326)");
    command.add_option("--layer", o.layer, "Write only this layer: units, parents or command_units (the groups of --by too); single-layer formats default to command_units")
        ->check(CLI::IsMember({"units", "parents", "command_units"}));
    command.add_flag("--overwrite", o.overwrite, "Replace the output if it exists (also -overwrite)");
    auto* gdal = command.add_option_group("GDAL creation options");
    gdal->add_option("--nln", o.layer_name, "Name of the layer written, when one is (also -nln; with GPKG give --layer)");
    gdal->add_option("--lco", o.layer_creation, "Layer creation option NAME=VALUE of the output's GDAL driver (also -lco; repeatable)");
    gdal->add_option("--dsco", o.dataset_creation, "Dataset creation option NAME=VALUE of the output's GDAL driver (also -dsco; repeatable)");
}

geo::PlanOutput styled_output(const OutputOptions& output, const geo::WardSet& set, const geo::AppliedPlan& applied) {
    geo::PlanOutput styled = output;
    styled.colours = render::style_colours(set, applied.grouping);
    return styled;
}

geo::WardSet load_sources(const SourceOptions& o, const geo::Progress& progress) {
    geo::LoadOptions load;
    load.sources = o.sources.empty() ? std::vector<std::string>{bundled("shapes/london-wards-2014.gpkg")} : o.sources;
    auto given = [](const std::string& text) { return text.empty() ? std::nullopt : std::optional(text); };
    load.fields = {given(o.code_field), given(o.name_field), given(o.parent_field), given(o.parent_name_field)};
    load.source_srs = given(o.source_srs);
    load.layer = given(o.source_layer);
    load.stem_field = o.stem_field;
    load.snap_tolerance = o.snap;
    load.query = {o.where, o.sql};
    return geo::load_units(load, progress);
}

geo::AppliedPlan apply_plan_options(const geo::WardSet& set, const PlanOptions& o, bool with_parents,
                                    const geo::Progress& progress) {
    geo::DissolveOptions dissolve;
    dissolve.sliver_area = o.sliver_area;
    for (const std::string& spec : o.aggregates) {
        const auto equals = spec.find('=');
        if (equals == std::string::npos)
            throw geo::InputError("", "--agg " + spec, "expected FIELD=sum|mean|min|max", "e.g. --agg Hectares=sum");
        const std::string field = spec.substr(0, equals);
        if (set.field_index(field) < 0)
            throw geo::InputError("", "--agg " + spec, "no field " + field, "Fields: see `wardmap info`.");
        dissolve.aggregates[field] = geo::aggregate_from(spec.substr(equals + 1));
    }
    if (!o.by.empty()) return geo::apply_grouping(set, geo::group_by_field(set, o.by), dissolve, with_parents, progress);
    const geo::CodeChanges changes = o.code_changes.empty() ? geo::CodeChanges{} : geo::read_code_changes(o.code_changes);
    const std::string path = o.plan.empty() ? bundled("datasets/plans/mps-12-bcu-2018.csv") : o.plan;
    return geo::apply_plan(set, read_plan_for(set, path, o.columns), changes, dissolve, with_parents, progress);
}

geo::Plan read_plan_for(const geo::WardSet& set, const std::string& path, const geo::PlanColumns& columns) {
    if (geo::is_plan_file(path)) {  // a plan saved by the planner: checked against the ward set first
        const geo::PlanFile file = geo::read_plan_file(path);
        // A signed-off plan changed since is not worked from: its figures would pass for the signed ones.
        if (const std::string changed = geo::check_integrity(file).message(); !changed.empty())
            throw geo::InputError(path, "[[versions]]", changed,
                                  "Ask whoever signed it off; `wardmap plan log " + path + "` shows its versions.");
        geo::assignment_from(set, file);
        return geo::plan_from_file(file);
    }
    return geo::read_plan(path, columns);
}

}  // namespace cli
