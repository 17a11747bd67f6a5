#include "geo/source/open_layer.h"

#include "geo/core/errors.h"
#include "geo/gdal/connection.h"
#include "geo/gdal/error_capture.h"
#include "geo/source/limits.h"

#include <filesystem>
#include <fmt/format.h>

namespace geo {
namespace {

[[noreturn]] void refuse_unreadable(const std::string& path, const gdal::CplErrorCapture& gdal) {
    if (gdal::is_connection_string(path) && path.rfind("/vsi", 0) != 0) {
        throw InputError(gdal::redacted(path), "open", "GDAL cannot open this connection: " + gdal::one_line(gdal.last_failure()),
                         gdal::is_postgres(path)
                             ? "Check dbname, host, port and user (a password goes in ~/.pgpass or PGPASSWORD, not on the "
                               "command line) and that the server is running; `ogrinfo \"" + gdal::redacted(path) +
                                   "\"` shows what GDAL makes of it."
                             : "Check the connection string; `ogrinfo \"" + gdal::redacted(path) + "\"` shows what GDAL makes of it.");
    }
    if (GDALDriverH driver = GDALIdentifyDriver(path.c_str(), nullptr)) {
        const char* name = GDALGetDriverShortName(driver);
        if (!GDALGetMetadataItem(driver, GDAL_DCAP_VECTOR, nullptr))
            throw InputError(path, "", std::string("this is raster data (") + name + "), not vector boundaries",
                             "Give a boundary file: GeoPackage, Shapefile, GeoJSON, MapInfo TAB, FlatGeobuf, KML.");
    }
    throw InputError(path, "open", "GDAL cannot read it as vector data: " + gdal.last_failure(),
                     "Check that the file is complete and of a vector format; `ogrinfo " + path +
                         "` shows what GDAL makes of it.");
}

bool polygonal(OGRwkbGeometryType type) {
    const auto flat = wkbFlatten(type);
    return flat == wkbPolygon || flat == wkbMultiPolygon || flat == wkbCurvePolygon || flat == wkbMultiSurface ||
           flat == wkbUnknown || flat == wkbGeometryCollection;
}

OGRLayer* choose_layer(GDALDataset& dataset, const std::optional<std::string>& name, const std::string& path) {
    std::vector<std::string> names;
    for (OGRLayer* layer : dataset.GetLayers()) names.push_back(layer->GetName());
    if (names.empty()) {
        if (gdal::is_connection_string(path))
            throw InputError(path, "", "the database has no table with geometries (or not the one named in tables=)",
                             "Name a table of boundary polygons, e.g. \"PG:dbname=gis tables=wards\"; `ogrinfo` lists the tables.");
        throw InputError(path, "", "the file has no layers", "Give a file with boundary polygons.");
    }
    if (name) {
        if (OGRLayer* layer = dataset.GetLayerByName(name->c_str())) return layer;
        throw InputError(path, "--layer " + *name, "no such layer", "Layers here: " + fmt::format("{}", fmt::join(names, ", ")));
    }
    for (OGRLayer* layer : dataset.GetLayers())
        if (polygonal(layer->GetGeomType())) return layer;
    OGRLayer* first = dataset.GetLayer(0);
    throw InputError(path, std::string("layer ") + first->GetName(),
                     std::string("holds ") + OGRGeometryTypeToName(first->GetGeomType()) + " geometries, not polygons",
                     "wardmap dissolves areas: give a layer of ward or district polygons.");
}

// -sql: the statement's result, copied into a dataset in memory that owns it, so that the layer
// outlives the source file (closed as soon as it is read, like any other) and no result set is
// left to release.
GDALDatasetUniquePtr run_sql(GDALDataset& source, const std::string& sql, const std::string& path,
                             const gdal::CplErrorCapture& gdal) {
    struct ResultSet {
        GDALDataset& dataset;
        OGRLayer* layer;
        ~ResultSet() {
            if (layer) dataset.ReleaseResultSet(layer);
        }
    } result{source, source.ExecuteSQL(sql.c_str(), nullptr, nullptr)};
    if (!result.layer)
        throw InputError(path, "-sql " + sql, "GDAL cannot run this statement: " + gdal.last_failure(),
                         "Check it with `ogrinfo " + path + " -sql \"" + sql + "\"`.");
    GDALDriver* memory = GetGDALDriverManager()->GetDriverByName("Memory");
    GDALDatasetUniquePtr copy(memory ? memory->Create("", 0, 0, 0, GDT_Unknown, nullptr) : nullptr);
    if (!copy || !copy->CopyLayer(result.layer, result.layer->GetName()))
        throw InputError(path, "-sql " + sql, "its result cannot be read: " + gdal.last_failure(), "");
    return copy;
}

}  // namespace

void check_plausible(const Extent& extent, const Crs& crs, const std::string& path) {
    if (extent.empty) return;
    const bool degrees_sized = extent.min_x >= -180.5 && extent.max_x <= 360.5 && extent.min_y >= -90.5 && extent.max_y <= 90.5;
    if (crs.geographic() && !degrees_sized) {
        const bool looks_bng = extent.min_x >= -10000 && extent.max_x <= 800000 && extent.min_y >= -10000 &&
                               extent.max_y <= 1300000;
        throw InputError(path, "CRS",
                         fmt::format("the file says {} (lon/lat) but its coordinates reach ({:.0f}, {:.0f}), which are not "
                                     "degrees: the declared CRS is wrong",
                                     crs.label, extent.max_x, extent.max_y),
                         looks_bng ? "They look like British National Grid metres: add -s_srs EPSG:27700."
                                   : "Give the real CRS with -s_srs, e.g. -s_srs EPSG:27700.");
    }
    // The other way round: every boundary within a few hundred metres (or feet) of a projection's
    // false origin, out at sea for British National Grid and Web Mercator, is lon/lat read as
    // metres, and every area comes out as a fraction of a square metre.
    if (crs.srs.IsProjected() && degrees_sized) {
        const char* unit = nullptr;
        crs.srs.GetLinearUnits(&unit);
        throw InputError(path, "CRS",
                         fmt::format("the file says {} (projected, in {}) but all its coordinates lie within "
                                     "({:.3f}, {:.3f})-({:.3f}, {:.3f}), which look like lon/lat degrees: the declared CRS is wrong",
                                     crs.label, !unit || !*unit || std::string(unit) == "metre" ? "metres" : unit, extent.min_x, extent.min_y, extent.max_x,
                                     extent.max_y),
                         "Read the coordinates as lon/lat: add -s_srs EPSG:4326.");
    }
}

OpenedLayer open_layer(const std::string& path, const std::optional<std::string>& layer_name,
                       const std::optional<Crs>& source_srs, const SourceQuery& query) {
    gdal::ensure_registered();
    gdal::CplErrorCapture gdal;
    OpenedLayer opened;
    // VERBOSE_ERROR: without it a missing or unknown file fails with no message at all.
    opened.dataset.reset(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR));
    if (!opened.dataset) refuse_unreadable(path, gdal);
    // A connection string is shown (and written into outputs' provenance) without its password.
    const std::string shown = gdal::redacted(path);
    SourceInfo& info = opened.info;
    info.driver = opened.dataset->GetDriver()->GetDescription();
    if (!query.sql.empty()) {
        opened.dataset = run_sql(*opened.dataset, query.sql, shown, gdal);
        opened.layer = opened.dataset->GetLayer(0);
    } else {
        opened.layer = choose_layer(*opened.dataset, layer_name, shown);
    }
    if (!query.where.empty() && opened.layer->SetAttributeFilter(query.where.c_str()) != OGRERR_NONE)
        throw InputError(shown, "-where " + query.where, "GDAL cannot use this filter: " + gdal.last_failure(),
                         "Write an OGR SQL WHERE clause on the layer's fields, e.g. -where \"LB_GSS_Code = 'E09000002'\".");

    info.path = shown;
    info.layer = opened.layer->GetName();
    // A table's name is what a file's stem is to a file (e.g. a district code).
    info.stem = gdal::is_connection_string(path) && path.rfind("/vsi", 0) != 0 ? info.layer
                                                                                 : std::filesystem::path(path).stem().string();
    // No forced count: MapInfo and others would read every feature once more just to count.
    const GIntBig count = opened.layer->GetFeatureCount(FALSE);
    opened.queried = !query.empty();
    if (count == 0 && !opened.queried)
        throw InputError(shown, "layer " + info.layer, "the layer has no features", "Give a file with boundary polygons.");
    info.features = count < 0 ? 0 : static_cast<std::size_t>(count);

    OGREnvelope envelope;
    if (opened.layer->GetExtent(&envelope, TRUE) == OGRERR_NONE) {
        info.extent.include(envelope.MinX, envelope.MinY);
        info.extent.include(envelope.MaxX, envelope.MaxY);
    }
    if (source_srs) {
        opened.crs = *source_srs;
    } else if (const OGRSpatialReference* declared = opened.layer->GetSpatialRef()) {
        opened.crs = crs_from_declared(*declared);
        check_plausible(info.extent, opened.crs, shown);
    } else {
        throw InputError(shown, "CRS", "the file declares no coordinate reference system",
                         "Give it with -s_srs, e.g. -s_srs EPSG:27700 for British National Grid.");
    }
    info.crs_label = opened.crs.label;
    info.crs_how = opened.crs.how;

    const OGRFeatureDefn* definition = opened.layer->GetLayerDefn();
    if (static_cast<std::size_t>(definition->GetFieldCount()) > max_fields) refuse_fields(shown);
    for (int i = 0; i < definition->GetFieldCount(); ++i)
        opened.field_names.emplace_back(definition->GetFieldDefn(i)->GetNameRef());
    return opened;
}

}  // namespace geo
