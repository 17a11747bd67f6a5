#pragma once
namespace geo {
inline constexpr const char* tool_version = WARDMAP_VERSION;
inline constexpr const char* attribution =
    "Contains National Statistics and Ordnance Survey data \u00a9 Crown copyright and database right.";
}  // namespace geo
