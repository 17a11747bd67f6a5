#include "geo/crs/direct_operation.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace geo {
namespace {

struct FactoryDeleter {
    void operator()(PJ_OPERATION_FACTORY_CONTEXT* factory) const noexcept { proj_operation_factory_context_destroy(factory); }
};
using FactoryOwner = std::unique_ptr<PJ_OPERATION_FACTORY_CONTEXT, FactoryDeleter>;
struct ListDeleter {
    void operator()(PJ_OBJ_LIST* list) const noexcept { proj_list_destroy(list); }
};

// Degrees kept clear of the area's edge: PROJ tests the area in the source datum, which may
// differ from the one the area is published in by a few hundred metres.
constexpr double edge_margin = 0.01;

}  // namespace

namespace {

// What the search found: the best operation as a PROJ pipeline, and its area of use.
struct Found {
    std::string pipeline;
    double west = 0, south = 0, east = 0, north = 0;
};

// Searching PROJ's database costs ~50 ms of CPU; each thread would do it for the same pair.
std::optional<Found> search(const std::string& from_wkt, const std::string& to_wkt) {
    const ProjContextOwner context(proj_context_create());
    if (!context) return std::nullopt;
    proj_log_level(context.get(), PJ_LOG_NONE);  // geo/ prints nothing; a failure only means "use OGR"
    const ProjOwner source(proj_create(context.get(), from_wkt.c_str()));
    const ProjOwner target(proj_create(context.get(), to_wkt.c_str()));
    if (!source || !target) return std::nullopt;
    // The candidates as proj_create_crs_to_crs lists them, best first.
    const FactoryOwner factory(proj_create_operation_factory_context(context.get(), nullptr));
    if (!factory) return std::nullopt;
    proj_operation_factory_context_set_spatial_criterion(context.get(), factory.get(),
                                                         PROJ_SPATIAL_CRITERION_PARTIAL_INTERSECTION);
    proj_operation_factory_context_set_grid_availability_use(context.get(), factory.get(),
                                                             PROJ_GRID_AVAILABILITY_DISCARD_OPERATION_IF_MISSING_GRID);
    const std::unique_ptr<PJ_OBJ_LIST, ListDeleter> candidates(
        proj_create_operations(context.get(), source.get(), target.get(), factory.get()));
    if (!candidates || proj_list_get_count(candidates.get()) < 1) return std::nullopt;
    const ProjOwner best(proj_list_get(context.get(), candidates.get(), 0));
    if (!best || proj_coordoperation_get_accuracy(context.get(), best.get()) < 0) return std::nullopt;  // a ballpark
    Found found;
    if (!proj_get_area_of_use(context.get(), best.get(), &found.west, &found.south, &found.east, &found.north, nullptr) ||
        found.west > found.east)
        return std::nullopt;
    const ProjOwner normalised(proj_normalize_for_visualization(context.get(), best.get()));  // lon, lat in; x, y out
    const char* pipeline = normalised ? proj_as_proj_string(context.get(), normalised.get(), PJ_PROJ_5, nullptr) : nullptr;
    if (!pipeline) return std::nullopt;
    found.pipeline = pipeline;
    return found;
}

std::optional<Found> remembered_search(const std::string& from_wkt, const std::string& to_wkt) {
    static std::mutex mutex;
    static std::map<std::pair<std::string, std::string>, std::optional<Found>> known;
    std::pair<std::string, std::string> key{from_wkt, to_wkt};
    std::lock_guard lock(mutex);
    if (auto it = known.find(key); it != known.end()) return it->second;
    std::optional<Found> found = search(key.first, key.second);
    known.emplace(std::move(key), found);
    return found;
}

}  // namespace

std::optional<DirectOperation> DirectOperation::best(const Crs& from, const std::string& from_wkt,
                                                     const std::string& to_wkt) {
    if (!from.srs.IsGeographic() || std::abs(from.srs.GetAngularUnits() - M_PI / 180) > 1e-12) return std::nullopt;
    const std::optional<Found> found = remembered_search(from_wkt, to_wkt);
    if (!found) return std::nullopt;
    DirectOperation direct;
    direct.context_.reset(proj_context_create());
    if (!direct.context_) return std::nullopt;
    proj_log_level(direct.context_.get(), PJ_LOG_NONE);
    direct.operation_.reset(proj_create(direct.context_.get(), found->pipeline.c_str()));
    if (!direct.operation_) return std::nullopt;
    direct.west_ = found->west + edge_margin;
    direct.south_ = found->south + edge_margin;
    direct.east_ = found->east - edge_margin;
    direct.north_ = found->north - edge_margin;
    return direct;
}

bool DirectOperation::apply(std::size_t count, double* x, double* y) const {
    for (std::size_t i = 0; i < count; ++i)
        if (!(x[i] > west_ && x[i] < east_ && y[i] > south_ && y[i] < north_)) return false;
    thread_local std::vector<double> out_x, out_y;
    out_x.assign(x, x + count);
    out_y.assign(y, y + count);
    proj_trans_generic(operation_.get(), PJ_FWD, out_x.data(), sizeof(double), count, out_y.data(), sizeof(double),
                       count, nullptr, 0, 0, nullptr, 0, 0);
    for (std::size_t i = 0; i < count; ++i)
        if (!std::isfinite(out_x[i]) || !std::isfinite(out_y[i])) return false;
    std::copy(out_x.begin(), out_x.end(), x);
    std::copy(out_y.begin(), out_y.end(), y);
    return true;
}

}  // namespace geo
