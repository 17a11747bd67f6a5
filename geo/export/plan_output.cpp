#include "geo/export/plan_output.h"

#include "geo/core/errors.h"
#include "geo/export/text_precision.h"
#include "geo/export/write.h"
#include "geo/gdal/connection.h"

#include <fmt/format.h>

#include <filesystem>

namespace geo {
namespace {

bool is_folder(const std::string& path) {
    std::error_code ignored;
    return std::filesystem::is_directory(path, ignored);
}

// Every layer in one output: a multi-layer format, or Shapefiles into a folder (one per layer).
bool all_layers(const PlanOutput& output, const FormatInfo& format) {
    return output.layer.empty() && (format.multi_layer || shapefiles_into_folder(format, output.path));
}

}  // namespace

const FormatInfo& output_format(const PlanOutput& output) {
    if (output.format.empty() && is_folder(output.path))
        throw InputError("", "-o " + output.path, "is a folder",
                         "Give a file name (e.g. " + (std::filesystem::path(output.path) / "bcus.gpkg").lexically_normal().string() +
                             "), or -f \"ESRI Shapefile\" to write one Shapefile per layer into the folder.");
    const FormatInfo& format = output.format.empty() ? format_for_path(output.path) : format_named(output.format);
    // A connection string given to a file format would become a file named "PG:dbname=...".
    const bool connection = gdal::is_connection_string(output.path);
    if (format.database && !gdal::is_postgres(output.path))
        throw InputError("", "-o " + gdal::redacted(output.path), "-f PostgreSQL writes to a database, not a file",
                         "Give a connection string as GDAL spells it, e.g. -o \"PG:dbname=gis host=db.example\".");
    if (!format.database && connection)
        throw InputError("", "-o " + gdal::redacted(output.path),
                         std::string("is a database connection, not a file for -f ") + format.name,
                         gdal::is_postgres(output.path)
                             ? "Give -f PostgreSQL to write the layers as tables there (or leave -f out)."
                             : "wardmap writes databases through -f PostgreSQL only; for a file of this name, write ./" +
                                   output.path + ".");
    return format;
}

bool writes_parents(const PlanOutput& output) {
    return output.layer.empty() ? all_layers(output, output_format(output)) : output.layer == "parents";
}

std::string WrittenOutput::summary() const {
    std::string counts;
    for (const Layer& layer : layers) counts += fmt::format("{}{} {}", counts.empty() ? "" : ", ", layer.name, layer.features);
    return fmt::format("wrote {} ({}: {}) in {}", path, format, counts, crs);
}

std::string WrittenOutput::renamed_note() const {
    if (renamed.empty()) return {};
    std::string fields;
    for (const RenamedField& field : renamed) fields += fmt::format("{}{} is {} in {}", fields.empty() ? "" : ", ", field.from, field.to, field.layer);
    return fmt::format("{} renamed {} field(s) it cannot hold as named: {}", format, renamed.size(), fields);
}

WrittenOutput write_plan(const WardSet& set, const AppliedPlan& applied, const PlanOutput& output, const Progress& progress,
                       const LayerExtras& extras) {
    const FormatInfo& format = output_format(output);
    std::vector<OutputLayer> layers;
    auto add = [&](const std::string& name) {
        if (name == "units") layers.push_back(units_layer(set, applied.grouping, true, extras.units));
        else if (name == "parents") layers.push_back(dissolved_layer(set, applied.parents, "parents", "Parents (boroughs, districts) dissolved from units"));
        else layers.push_back(dissolved_layer(set, applied.groups, "command_units",
                                              applied.plan ? "Command units dissolved from units" : "Units grouped by a field and dissolved",
                                              extras.command_units));
    };
    if (format.format == Format::csv && (output.layer.empty() || output.layer == "units")) {
        layers.push_back(lookup_table(set, applied.grouping, extras.units));
    } else if (all_layers(output, format)) {
        add("units");
        if (!applied.parents.units.empty()) add("parents");
        add("command_units");
    } else {
        if (output.layer == "parents" && applied.parents.units.empty())
            throw InputError("", "--layer parents", "the units have no parent field", "Name it with --parent-field.");
        add(output.layer.empty() ? "command_units" : output.layer);
    }
    std::vector<LayerStyle> styles;
    if (format.format == Format::gpkg) styles = plan_styles(layers, output.colours);  // by the layers' own names
    if (!output.layer_name.empty()) {
        if (layers.size() != 1)
            throw InputError("", "-nln " + output.layer_name, fmt::format("names one layer, and this output has {}", layers.size()),
                             "Write one layer with --layer units|parents|command_units, e.g. --layer command_units -nln " + output.layer_name + ".");
        for (LayerStyle& style : styles) style.layer = output.layer_name;
        layers.front().name = output.layer_name;
    }
    const bool text = format.format == Format::geojson || format.format == Format::kml || format.format == Format::csv;
    if (text) round_for_text(layers);
    WriteOptions write;
    write.path = output.path;
    write.layer_creation = output.layer_creation;
    write.dataset_creation = output.dataset_creation;
    write.styles = std::move(styles);
    write.format = &format;
    if (!output.target_srs.empty()) write.target_crs = crs_from_user(output.target_srs, "-t_srs");
    write.overwrite = output.overwrite;
    write.provenance = provenance(set, applied.plan ? &*applied.plan : nullptr);
    const WrittenFieldNames names = write_layers(layers, set.working_crs, write, progress);

    WrittenOutput written;
    written.path = gdal::redacted(output.path);
    written.format = format.name;
    written.crs = !format.geometry ? "no geometry"
                  : format.lonlat_only ? "EPSG:4326"
                  : write.target_crs ? write.target_crs->label : set.working_crs.label;
    written.epsg = !format.geometry ? 0 : format.lonlat_only ? 4326 : write.target_crs ? write.target_crs->epsg : set.working_crs.epsg;
    for (std::size_t l = 0; l < layers.size(); ++l) {
        written.layers.push_back({layers[l].name, layers[l].features.size()});
        for (std::size_t f = 0; f < layers[l].fields.size() && f < names[l].size(); ++f)
            if (names[l][f] != layers[l].fields[f].name) written.renamed.push_back({layers[l].name, layers[l].fields[f].name, names[l][f]});
    }
    return written;
}

}  // namespace geo
