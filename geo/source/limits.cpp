#include "geo/source/limits.h"

#include "geo/core/errors.h"
#include "geo/core/wording.h"

#include <fmt/format.h>

namespace geo {
namespace {

// 2000000 -> "2,000,000": limits read at a glance.
std::string grouped(std::size_t number) { return with_commas(number); }

std::string keep_fields_only(const std::string& path) {
    return "Keep only the fields you need, e.g. `ogr2ogr -select CODE,NAME,PARENT kept.gpkg " + path + "`.";
}

}  // namespace

void refuse_feature_points(const std::string& path, const std::string& feature) {
    throw InputError(path, feature,
                     fmt::format("more than {} vertices in one feature, the most wardmap reads", grouped(max_feature_points)),
                     fmt::format("Simplify the boundaries first, e.g. `ogr2ogr -simplify 1 simplified.gpkg {}` (1 m "
                                 "tolerance), and give wardmap simplified.gpkg.",
                                 path));
}

void refuse_fields(const std::string& path) {
    throw InputError(path, "", fmt::format("more than {} fields (property names), the most wardmap reads", grouped(max_fields)),
                     keep_fields_only(path));
}

void refuse_field_values(const std::string& path, std::size_t features, std::size_t fields) {
    throw InputError(path, "",
                     fmt::format("{} features with {} fields make more than {} field values, the most wardmap holds for a file",
                                 grouped(features), grouped(fields), grouped(max_field_values)),
                     keep_fields_only(path));
}

}  // namespace geo
