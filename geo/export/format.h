#pragma once
#include <string>
#include <vector>

namespace geo {

enum class Format { gpkg, shapefile, geojson, flatgeobuf, kml, csv, postgres };

struct FormatInfo {
    Format format;
    const char* name;       // as given to -f, GDAL's driver name
    const char* extension;  // ".gpkg"
    bool multi_layer;
    bool geometry;          // false: a lookup table (CSV)
    bool lonlat_only;       // GeoJSON (RFC 7946) and KML are WGS84 lon/lat by definition
    bool database = false;  // written as tables through a connection (PG:...), in one transaction
};

const std::vector<FormatInfo>& formats();
const FormatInfo& format_info(Format format);
// By -f name (GDAL's driver names and short forms, any case); throws InputError listing them.
const FormatInfo& format_named(const std::string& name);
// By the output's extension (a PG: connection string: PostgreSQL); throws InputError when it is
// not one of ours.
const FormatInfo& format_for_path(const std::string& path);
// A Shapefile whose -o is an existing folder: one .shp per layer inside it, each layer written.
bool shapefiles_into_folder(const FormatInfo& format, const std::string& path);

}  // namespace geo
