#include "geo/export/write.h"

#include "geo/core/errors.h"
#include "geo/export/atomic_output.h"
#include "geo/export/layer_styles.h"
#include "geo/export/read_back.h"
#include "geo/export/write_database.h"
#include "geo/export/write_layer.h"
#include "geo/gdal/config_option.h"
#include "geo/gdal/error_capture.h"

#include <cpl_minixml.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <fmt/format.h>

#include <algorithm>
#include <optional>

namespace geo {
namespace {

// GDAL's lists of creation options are XML (<Option name='SPATIAL_INDEX' .../>); a name not in
// the list would only be warned about, and the warning lost: refused instead, with the list.
void check_creation_options(GDALDriver& driver, const std::vector<std::string>& options, const char* list_item,
                            const char* flag) {
    if (options.empty()) return;
    const char* list = driver.GetMetadataItem(list_item);
    std::vector<std::string> known;
    if (CPLXMLTreeCloser tree(CPLParseXMLString(list ? list : "<CreationOptionList/>")); tree)
        for (const CPLXMLNode* node = tree.get()->psChild; node; node = node->psNext)
            if (node->eType == CXT_Element && EQUAL(node->pszValue, "Option"))
                if (const char* name = CPLGetXMLValue(node, "name", nullptr)) known.emplace_back(name);
    for (const std::string& option : options) {
        const auto equals = option.find('=');
        const std::string name = option.substr(0, equals);
        if (equals == std::string::npos || name.empty())
            throw InputError("", std::string(flag) + " " + option, "expected NAME=VALUE",
                             std::string("e.g. ") + flag + (std::string(flag) == "-lco" ? " SPATIAL_INDEX=NO" : " VERSION=1.2"));
        if (std::none_of(known.begin(), known.end(), [&](const std::string& k) { return EQUAL(k.c_str(), name.c_str()); }))
            throw InputError("", std::string(flag) + " " + option,
                             fmt::format("the {} driver has no option {}", driver.GetDescription(), name),
                             known.empty() ? std::string("It takes none.") : fmt::format("It takes: {}.", fmt::join(known, ", ")));
    }
}

}  // namespace

WrittenFieldNames write_layers(const std::vector<OutputLayer>& layers, const Crs& working, const WriteOptions& options,
                               const Progress& progress) {
    gdal::ensure_registered();
    const FormatInfo& format = *options.format;
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(format.name);
    if (!driver) throw OutputError(std::string("GDAL has no ") + format.name + " driver");
    check_creation_options(*driver, options.layer_creation, GDAL_DS_LAYER_CREATIONOPTIONLIST, "-lco");
    check_creation_options(*driver, options.dataset_creation, GDAL_DMD_CREATIONOPTIONLIST, "-dsco");
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
    CPLStringList dataset_options;
    for (const std::string& option : options.dataset_creation) dataset_options.AddString(option.c_str());
    GDALDatasetUniquePtr dataset(driver->Create(output->path().c_str(), 0, 0, 0, GDT_Unknown, dataset_options.List()));
    if (!dataset) throw OutputError(options.path + ": cannot create (" + gdal.last_failure() + ")");
    if (format.format == Format::gpkg && !options.provenance.empty())
        dataset->SetMetadataItem("wardmap_provenance", options.provenance.c_str());
    std::vector<std::vector<std::string>> written;
    try {
        for (const OutputLayer& layer : layers)
            written.push_back(write_layer(*dataset, layer, format, &target.srs, transform, options, progress, gdal));
        if (format.format == Format::gpkg) write_layer_styles(*dataset, options.styles);
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
    return written;
}

}  // namespace geo
