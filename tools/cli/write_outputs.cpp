#include "cli/write_outputs.h"

#include "geo/core/errors.h"
#include "geo/export/plan_layers.h"
#include "geo/export/write.h"

#include <fmt/format.h>

#include <filesystem>

namespace cli {

namespace {

bool is_folder(const std::string& path) {
    std::error_code ignored;
    return std::filesystem::is_directory(path, ignored);
}

// Every layer in one output: a multi-layer format, or Shapefiles into a folder (one per layer).
bool all_layers(const OutputOptions& options, const geo::FormatInfo& format) {
    return options.layer.empty() && (format.multi_layer || geo::shapefiles_into_folder(format, options.path));
}

}  // namespace

const geo::FormatInfo& output_format(const OutputOptions& options) {
    if (options.format.empty() && is_folder(options.path))
        throw geo::InputError("", "-o " + options.path, "is a folder",
                              "Give a file name (e.g. " + (std::filesystem::path(options.path) / "bcus.gpkg").lexically_normal().string() +
                                  "), or -f \"ESRI Shapefile\" to write one Shapefile per layer into the folder.");
    return options.format.empty() ? geo::format_for_path(options.path) : geo::format_named(options.format);
}

bool writes_parents(const OutputOptions& options) {
    return options.layer.empty() ? all_layers(options, output_format(options)) : options.layer == "parents";
}

std::string write_outputs(const geo::UnitSet& set, const geo::AppliedPlan& applied, const OutputOptions& options,
                          const geo::Progress& progress, const geo::LayerExtras& extras) {
    const geo::FormatInfo& format = output_format(options);
    std::vector<geo::OutputLayer> layers;
    auto add = [&](const std::string& name) {
        if (name == "units") layers.push_back(geo::units_layer(set, applied.grouping, true, extras.units));
        else if (name == "parents") layers.push_back(geo::dissolved_layer(set, applied.parents, "parents", "Parents (boroughs, districts) dissolved from units"));
        else layers.push_back(geo::dissolved_layer(set, applied.groups, "command_units",
                                                   applied.plan ? "Command units dissolved from units" : "Units grouped by a field and dissolved",
                                                   extras.command_units));
    };
    if (format.format == geo::Format::csv && (options.layer.empty() || options.layer == "units")) {
        layers.push_back(geo::lookup_table(set, applied.grouping, extras.units));
    } else if (all_layers(options, format)) {
        add("units");
        if (!applied.parents.units.empty()) add("parents");
        add("command_units");
    } else {
        if (options.layer == "parents" && applied.parents.units.empty())
            throw geo::InputError("", "--layer parents", "the units have no parent field", "Name it with --parent-field.");
        add(options.layer.empty() ? "command_units" : options.layer);
    }
    geo::WriteOptions write;
    write.path = options.path;
    write.format = &format;
    if (!options.target_srs.empty()) write.target_crs = geo::crs_from_user(options.target_srs, "-t_srs");
    write.overwrite = options.overwrite;
    write.provenance = geo::provenance(set, applied.plan ? &*applied.plan : nullptr);
    geo::write_layers(layers, set.working_crs, write, progress);

    std::string written;
    for (const auto& layer : layers) written += fmt::format("{}{} {}", written.empty() ? "" : ", ", layer.name, layer.features.size());
    const std::string crs = !format.geometry ? "no geometry"
                            : format.lonlat_only ? "EPSG:4326"
                            : write.target_crs ? write.target_crs->label : set.working_crs.label;
    return fmt::format("wrote {} ({}: {}) in {}", options.path, format.name, written, crs);
}

}  // namespace cli
