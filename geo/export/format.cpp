#include "geo/export/format.h"

#include "geo/core/errors.h"
#include "geo/gdal/connection.h"

#include <algorithm>
#include <filesystem>

namespace geo {

const std::vector<FormatInfo>& formats() {
    static const std::vector<FormatInfo> all = {
        {Format::gpkg, "GPKG", ".gpkg", true, true, false},
        {Format::shapefile, "ESRI Shapefile", ".shp", false, true, false},
        {Format::geojson, "GeoJSON", ".geojson", false, true, true},
        {Format::flatgeobuf, "FlatGeobuf", ".fgb", false, true, false},
        {Format::kml, "KML", ".kml", true, true, true},
        {Format::csv, "CSV", ".csv", false, false, false},
        {Format::postgres, "PostgreSQL", "", true, true, false, true},
    };
    return all;
}

const FormatInfo& format_info(Format format) {
    return *std::find_if(formats().begin(), formats().end(), [&](const FormatInfo& f) { return f.format == format; });
}

static std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

static std::string names() {
    std::string list;
    for (const auto& f : formats()) list += (list.empty() ? "" : ", ") + std::string(f.name);
    return list;
}

const FormatInfo& format_named(const std::string& name) {
    const std::string wanted = lower(name);
    for (const auto& f : formats())
        if (lower(f.name) == wanted || (!f.database && lower(f.extension + 1) == wanted) ||
            (f.format == Format::shapefile && wanted == "shapefile") || (f.format == Format::geojson && wanted == "json") ||
            (f.format == Format::postgres && (wanted == "pg" || wanted == "postgis")))
            return f;
    throw InputError("", "-f " + name, "unknown output format", "Formats: " + names());
}

const FormatInfo& format_for_path(const std::string& path) {
    if (gdal::is_postgres(path)) return format_info(Format::postgres);
    const std::string extension = lower(std::filesystem::path(path).extension().string());
    for (const auto& f : formats())
        if ((!f.database && extension == f.extension) || (f.format == Format::geojson && extension == ".json")) return f;
    throw InputError("", "-o " + path, "cannot tell the format from the extension '" + extension + "'",
                     "Give -f with one of: " + names());
}

bool shapefiles_into_folder(const FormatInfo& format, const std::string& path) {
    std::error_code ignored;
    return format.format == Format::shapefile && std::filesystem::is_directory(path, ignored);
}

}  // namespace geo
