#include "render/context/river.h"

#include "geo/core/bundled.h"
#include "geo/core/errors.h"
#include "geo/source/context_shape.h"

#include <filesystem>

namespace render {

std::string river_path() { return geo::bundled("shapes/london-thames.gpkg"); }

geo::geos::Geom river_for(const geo::WardSet& wards, const std::string& path) {
    std::error_code missing;
    if (wards.units.empty() || !std::filesystem::exists(path, missing)) return nullptr;
    try {
        geo::ContextShape river = geo::load_context_shape(path, wards.working_crs);
        if (!river.extent.overlaps(wards.extent)) return nullptr;
        return std::move(river.shape);
    } catch (const geo::Error&) {
        return nullptr;  // a damaged context file: the map without the river, as on other data
    }
}

}  // namespace render
