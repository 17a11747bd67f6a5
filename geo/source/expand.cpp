#include "geo/core/errors.h"
#include "geo/gdal/connection.h"
#include "geo/source/load.h"

#include <algorithm>
#include <filesystem>
#include <set>

namespace geo {
namespace fs = std::filesystem;

namespace {

// Files GDAL opens as vector sources; sidecars (.dbf, .shx, .prj, .dat, .map, .id) are left to it.
const std::set<std::string> vector_extensions = {".shp", ".gpkg", ".geojson", ".json", ".tab", ".mif", ".fgb",
                                                 ".kml", ".gml", ".sqlite", ".zip", ".geojsonl", ".gdb"};

std::string lower_extension(const fs::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext;
}

std::string as_gdal_path(const fs::path& path) {
    return lower_extension(path) == ".zip" ? "/vsizip/" + path.string() : path.string();
}

}  // namespace

std::vector<std::string> expand_sources(const std::vector<std::string>& paths) {
    std::vector<std::string> files;
    for (const std::string& given : paths) {
        const fs::path path(given);
        std::error_code error;
        const auto status = fs::status(path, error);
        // GDAL's virtual files and connection strings (PG:dbname=... tables=wards) go to GDAL as
        // given; a file of that name on disk is still a file.
        if (given.rfind("/vsi", 0) == 0 || (!fs::exists(status) && gdal::is_connection_string(given))) {
            files.push_back(given);
        } else if (!fs::exists(status)) {
            throw InputError(given, "", "no such file or folder",
                             "Check the path. Boundary files for London are bundled in shapes/; a database is given as GDAL spells it, e.g. \"PG:dbname=gis tables=wards\".");
        } else if (fs::is_directory(status) && lower_extension(path) != ".gdb") {
            std::vector<std::string> inside;
            for (const auto& entry : fs::directory_iterator(path))
                if (entry.is_regular_file() && vector_extensions.count(lower_extension(entry.path())))
                    inside.push_back(as_gdal_path(entry.path()));
            if (inside.empty())
                throw InputError(given, "", "the folder holds no boundary files",
                                 "wardmap reads .shp .gpkg .geojson .json .tab .fgb .kml .gml .zip files.");
            std::sort(inside.begin(), inside.end());
            files.insert(files.end(), inside.begin(), inside.end());
        } else {
            files.push_back(as_gdal_path(path));
        }
    }
    return files;
}

}  // namespace geo
