#include "geo/export/write.h"

#include "geo/core/errors.h"
#include "geo/export/atomic_output.h"
#include "geo/export/read_back.h"
#include "geo/export/write_database.h"
#include "geo/export/write_layer.h"
#include "geo/gdal/config_option.h"
#include "geo/gdal/error_capture.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <fmt/format.h>

#include <optional>

namespace geo {

void write_layers(const std::vector<OutputLayer>& layers, const Crs& working, const WriteOptions& options,
                  const Progress& progress) {
    gdal::ensure_registered();
    const FormatInfo& format = *options.format;
    Crs target = format.lonlat_only ? crs_from_epsg(4326) : options.target_crs.value_or(working);
    OGRCoordinateTransformation* transform = cached_transformer(working, target).get();

    if (format.database) return write_database(layers, target, transform, options, progress);

    // A Shapefile into a folder: one .shp per layer, each replaced as a whole.
    std::optional<AtomicOutput> output;
    if (shapefiles_into_folder(format, options.path)) {
        std::vector<std::string> files;
        for (const OutputLayer& layer : layers) files.push_back(layer.name + ".shp");
        output.emplace(options.path, std::move(files), options.overwrite);
    } else {
        output.emplace(options.path, options.overwrite);
    }
    // No rollback journal and no syncs for a GeoPackage nobody sees until commit() renames it:
    // atomicity comes from the rename, and a failed write is thrown away whole.
    const gdal::ScopedConfigOption journal("OGR_SQLITE_JOURNAL", "OFF");
    const gdal::ScopedConfigOption synchronous("OGR_SQLITE_SYNCHRONOUS", "OFF");
    // The only creation options are wardmap's own, fixed in write_layer. Checking them has the
    // GeoPackage driver list its tiling schemes by reading every tms_*.json GDAL ships (~4 ms).
    const gdal::ScopedConfigOption no_option_check("GDAL_VALIDATE_CREATION_OPTIONS", "NO");
    gdal::CplErrorCapture gdal;
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(format.name);
    if (!driver) throw OutputError(std::string("GDAL has no ") + format.name + " driver");
    GDALDatasetUniquePtr dataset(driver->Create(output->path().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!dataset) throw OutputError(options.path + ": cannot create (" + gdal.last_failure() + ")");
    if (format.format == Format::gpkg && !options.provenance.empty())
        dataset->SetMetadataItem("wardmap_provenance", options.provenance.c_str());
    std::vector<std::vector<std::string>> written;
    try {
        for (const OutputLayer& layer : layers)
            written.push_back(write_layer(*dataset, layer, format, &target.srs, transform, options.provenance, progress, gdal));
    } catch (const OutputError& error) {  // name the output, and keep SQLite's cascade of follow-ups short
        std::string what = error.what();
        if (what.size() > 400) what = what.substr(0, 400) + "...";
        throw OutputError(options.path + ": " + what + "\n  Check the disk has room and is writable; nothing was left behind.");
    }
    // GPKG and others finish writing at close; GDAL 3.6's close returns nothing, so check the
    // capture, then read it all back (GeoJSON and KML do not even report a failed write).
    dataset.reset();
    if (!gdal.failures().empty())
        throw OutputError(options.path + ": writing failed (" + gdal.last_failure() + ")\n  Check the disk has room and is writable.");
    check_read_back(output->path().string(), options.path, format, layers, written);
    output->commit();
}

}  // namespace geo
