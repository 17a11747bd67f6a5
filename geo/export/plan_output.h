#pragma once
// A plan written out for other systems: which layers go into which format, chosen one way for
// `wardmap dissolve/export/allocate/rollout -o` and the planner's File > Export.
#include "geo/core/progress.h"
#include "geo/export/format.h"
#include "geo/export/plan_layers.h"
#include "geo/export/qgis_style.h"
#include "geo/plan/apply.h"

#include <string>

namespace geo {

struct PlanOutput {
    std::string path, format, target_srs, layer;  // format empty: from the path; layer empty: every layer the format holds
    bool overwrite = false;
    std::string layer_name;                       // -nln: the name of the one layer written
    std::vector<std::string> layer_creation, dataset_creation;  // -lco, -dsco NAME=VALUE
    StyleColours colours;  // of the QGIS styles a GeoPackage carries (render::style_colours)
};

// What write_plan (or a table) wrote, as values: the CLI prints summary(), --json the values.
struct WrittenOutput {
    struct Layer {
        std::string name;
        std::size_t features = 0;
    };
    struct RenamedField {  // a name the format could not hold (a Shapefile's 10 characters)
        std::string layer, from, to;
    };
    std::string path, format, crs;  // crs: "EPSG:4326", the working CRS's label, or "no geometry"
    int epsg = 0;                   // of the CRS written; 0: none or no code
    std::vector<Layer> layers;
    std::vector<RenamedField> renamed;
    // "wrote x.gpkg (GPKG: units 630, parents 33, command_units 12) in EPSG:27700 (...)"
    std::string summary() const;
    // "Shapefile field names are at most 10 characters: Non_Inland_Area is Non_Inland in units, ..."; empty when none
    std::string renamed_note() const;
};

// Throws InputError for a folder given as a file, or an unknown format.
const FormatInfo& output_format(const PlanOutput& output);
// Whether the output has a parents layer (so the parents must be dissolved).
bool writes_parents(const PlanOutput& output);

// Writes the plan's layers atomically and says what was written. `extras`: columns added to the
// units and command_units layers (officers, rollout phase). Throws geo::Error.
WrittenOutput write_plan(const WardSet& wards, const AppliedPlan& applied, const PlanOutput& output, const Progress& progress = {},
                       const LayerExtras& extras = {});

}  // namespace geo
