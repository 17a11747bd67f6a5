#include "geo/crs/crs.h"

#include "geo/core/errors.h"
#include "geo/crs/direct_operation.h"
#include "geo/gdal/error_capture.h"

#include <cpl_conv.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>

namespace geo {

static std::string describe(const OGRSpatialReference& srs, int epsg) {
    const char* name = srs.GetName();
    std::string label = epsg ? "EPSG:" + std::to_string(epsg) : std::string("no EPSG code");
    if (name && *name) label += std::string(" (") + name + ")";
    return label;
}

static Crs finish(OGRSpatialReference srs, std::string how) {
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    Crs crs;
    const char* authority = srs.GetAuthorityName(nullptr);
    const char* code = srs.GetAuthorityCode(nullptr);
    if (authority && code && std::string(authority) == "EPSG") crs.epsg = std::atoi(code);
    crs.label = describe(srs, crs.epsg);
    crs.how = std::move(how);
    crs.srs = std::move(srs);
    return crs;
}

static Crs lookup_epsg(int code);
static Crs identify(const OGRSpatialReference& declared);

static std::string wkt_of(const OGRSpatialReference& srs) {
    char* text = nullptr;
    const char* options[] = {"FORMAT=WKT2_2019", nullptr};
    srs.exportToWkt(&text, options);
    std::string wkt = text ? text : "";
    CPLFree(text);
    return wkt;
}

// Looking a CRS up in PROJ's database costs milliseconds; a folder of 348 files asks the same
// question 348 times. Answers are kept for the life of the process.
template <typename Key, typename Make>
static Crs remembered(const Key& key, Make make) {
    static std::mutex mutex;
    static std::map<Key, Crs> known;
    {
        std::lock_guard lock(mutex);
        if (auto it = known.find(key); it != known.end()) return it->second;
    }
    Crs made = make();
    std::lock_guard lock(mutex);
    return known.try_emplace(key, std::move(made)).first->second;
}

Crs crs_from_epsg(int code) {
    return remembered(code, [code] { return lookup_epsg(code); });
}

static Crs lookup_epsg(int code) {
    gdal::ensure_registered();
    gdal::CplErrorCapture gdal;
    OGRSpatialReference srs;
    if (srs.importFromEPSG(code) != OGRERR_NONE)
        throw InputError("", "EPSG:" + std::to_string(code), "PROJ does not know this CRS: " + gdal.last_failure(),
                         "Check that proj-data is installed (tools/setup.sh installs it).");
    return finish(std::move(srs), "by EPSG code");
}

Crs crs_from_user(const std::string& text, const std::string& option) {
    gdal::ensure_registered();
    gdal::CplErrorCapture gdal;
    OGRSpatialReference srs;
    std::string input = text;
    if (!input.empty() && std::all_of(input.begin(), input.end(), ::isdigit)) input = "EPSG:" + input;
    if (srs.SetFromUserInput(input.c_str()) != OGRERR_NONE)
        throw InputError("", option + " " + text,
                         "not a CRS that GDAL/PROJ can find" + (gdal.failures().empty() ? std::string() : " (" + gdal.last_failure() + ")"),
                         "Give an EPSG code such as EPSG:27700 (British National Grid) or EPSG:4326 (WGS84 lon/lat).");
    return finish(std::move(srs), "given by " + option);
}

// British National Grid by its defining parameters: MapInfo's coordinate system has no code.
static bool is_british_national_grid(const OGRSpatialReference& srs) {
    if (!srs.IsProjected()) return false;
    const char* method = srs.GetAttrValue("PROJECTION");
    if (!method || std::string(method) != SRS_PT_TRANSVERSE_MERCATOR) return false;
    auto near = [&](const char* name, double want, double tolerance) {
        return std::abs(srs.GetNormProjParm(name, -1e9) - want) <= tolerance;
    };
    return near(SRS_PP_LATITUDE_OF_ORIGIN, 49, 1e-6) && near(SRS_PP_CENTRAL_MERIDIAN, -2, 1e-6) &&
           near(SRS_PP_SCALE_FACTOR, 0.9996012717, 1e-9) && near(SRS_PP_FALSE_EASTING, 400000, 1e-3) &&
           near(SRS_PP_FALSE_NORTHING, -100000, 1e-3) &&
           std::abs(srs.GetSemiMajor() - 6377563.396) < 1e-3;
}

Crs crs_from_declared(const OGRSpatialReference& declared) {
    return remembered(wkt_of(declared), [&] { return identify(declared); });
}

static Crs identify(const OGRSpatialReference& declared) {
    if (is_british_national_grid(declared)) {
        Crs bng = crs_from_epsg(27700);
        const bool had_code = declared.GetAuthorityCode(nullptr) != nullptr;
        bng.how = had_code ? "declared" : "recognised as EPSG:27700 from its parameters (declared without a code)";
        return bng;
    }
    OGRSpatialReference copy(declared);
    if (!copy.GetAuthorityCode(nullptr)) copy.AutoIdentifyEPSG();
    return finish(std::move(copy), "declared");
}

Crs choose_working_crs(const Extent& lonlat) {
    // Great Britain and its islands, with a margin: British National Grid is defined there.
    const bool in_gb = lonlat.min_x >= -9.5 && lonlat.max_x <= 2.5 && lonlat.min_y >= 49.0 && lonlat.max_y <= 61.5;
    if (lonlat.empty || in_gb) {
        Crs crs = crs_from_epsg(27700);
        crs.how = "chosen: the data lies in Great Britain";
        return crs;
    }
    const double lon = (lonlat.min_x + lonlat.max_x) / 2, lat = (lonlat.min_y + lonlat.max_y) / 2;
    const int zone = std::clamp(static_cast<int>(std::floor((lon + 180) / 6)) + 1, 1, 60);
    Crs crs = crs_from_epsg((lat >= 0 ? 32600 : 32700) + zone);
    crs.how = "chosen: UTM zone of the data's centre";
    return crs;
}

const Transformer& cached_transformer(const Crs& from, const Crs& to) {
    thread_local std::map<std::pair<std::string, std::string>, std::unique_ptr<Transformer>> made;
    auto& slot = made[{wkt_of(from.srs), wkt_of(to.srs)}];
    if (!slot) slot = std::make_unique<Transformer>(from, to);
    return *slot;
}

void Transformer::Deleter::operator()(OGRCoordinateTransformation* t) const noexcept {
    OGRCoordinateTransformation::DestroyCT(t);
}

Transformer::Transformer(const Crs& from, const Crs& to)
    : from_srs_(from.srs), to_srs_(to.srs), from_label_(from.label), to_label_(to.label) {
    const char* options[] = {"IGNORE_DATA_AXIS_TO_SRS_AXIS_MAPPING=YES", nullptr};
    identity_ = from.srs.IsSame(&to.srs, options);
    if (identity_) return;
    if (auto direct = DirectOperation::best(from, wkt_of(from.srs), wkt_of(to.srs))) direct_ = std::make_unique<DirectOperation>(std::move(*direct));
    else ogr();  // says now if there is no transformation at all
}

OGRCoordinateTransformation* Transformer::ogr() const {
    if (transform_) return transform_.get();
    gdal::CplErrorCapture gdal;
    transform_.reset(OGRCreateCoordinateTransformation(&from_srs_, &to_srs_));
    if (!transform_)
        throw InputError("", from_label_, "no transformation to " + to_label_ + " (" + gdal.last_failure() + ")",
                         "Give the source's CRS with -s_srs, or choose another -t_srs.");
    return transform_.get();
}

Transformer::~Transformer() = default;

void Transformer::apply(std::size_t count, double* x, double* y, const std::string& where) const {
    if (identity_ || count == 0) return;
    if (direct_ && direct_->apply(count, x, y)) return;
    OGRCoordinateTransformation* transform = ogr();
    gdal::CplErrorCapture gdal;
    std::vector<int> ok(count, TRUE);
    const bool all = transform->Transform(static_cast<int>(count), x, y, nullptr, ok.data());
    if (!all || std::find(ok.begin(), ok.end(), FALSE) != ok.end())
        throw InputError("", where,
                         "coordinates cannot be transformed from " + from_label_ + " to " + to_label_ +
                             " (" + gdal.last_failure() + ")",
                         "The declared CRS is probably wrong: give the right one with -s_srs.");
}

Extent to_lonlat(const Extent& extent, const Crs& crs) {
    if (extent.empty) return extent;
    const Transformer& transformer = cached_transformer(crs, crs_from_epsg(4326));
    const double mid_x = (extent.min_x + extent.max_x) / 2, mid_y = (extent.min_y + extent.max_y) / 2;
    double xs[] = {extent.min_x, extent.max_x, extent.min_x, extent.max_x, mid_x, mid_x, extent.min_x, extent.max_x};
    double ys[] = {extent.min_y, extent.min_y, extent.max_y, extent.max_y, extent.min_y, extent.max_y, mid_y, mid_y};
    transformer.apply(8, xs, ys, "extent");
    Extent out;
    for (int i = 0; i < 8; ++i) out.include(xs[i], ys[i]);
    return out;
}

}  // namespace geo
