#pragma once
// Loading boundary sources into units: files, folders of files, zips, in any CRS, into one
// WardSet in the working CRS, with every problem found on the way in its hygiene report.
#include "geo/core/progress.h"
#include "geo/source/fields.h"
#include "geo/source/source_query.h"
#include "geo/source/ward.h"

#include <optional>
#include <string>
#include <vector>

namespace geo {

struct LoadOptions {
    std::vector<std::string> sources;
    FieldChoice fields;
    std::optional<std::string> source_srs;  // -s_srs: overrides what the files declare
    std::optional<std::string> layer;        // layer name, when a source has several
    std::string stem_field;                  // record each file's name stem in this field
    double snap_tolerance = 0.01;            // metres; vertices closer than this become one
    SourceQuery query;                       // -where, -sql: applied to each source
};

WardSet load_units(const LoadOptions& options, const Progress& progress = {});

// The vector files a list of paths stands for: folders are listed (sorted), zips opened through
// GDAL's /vsizip/. Throws InputError for a path that does not exist or a folder with no files.
std::vector<std::string> expand_sources(const std::vector<std::string>& paths);

}  // namespace geo
