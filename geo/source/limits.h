#pragma once
// What one boundary file may hold. Real boundary files stay far below these; a file beyond them
// is a mistake or an attack, and reading it on would take minutes and gigabytes (issue #15), so
// it is refused as soon as the limit is seen, with what to do instead.
#include <cstddef>
#include <string>

namespace geo {

// Points of one feature, all its rings together (a London ward has up to ~7,000; a council
// area's coastline at full resolution a few hundred thousand). 1M points take ~4 s and ~350 MB.
inline constexpr std::size_t max_feature_points = 2'000'000;
// Distinct property names (fields) of one file; ONS and GLA files have 5 to 60.
inline constexpr std::size_t max_fields = 10'000;
// Features times fields of one file: every unit holds a value (40 bytes) for every field.
inline constexpr std::size_t max_field_values = 10'000'000;

// InputErrors naming the file (and the feature), the limit, and what to do.
[[noreturn]] void refuse_feature_points(const std::string& path, const std::string& feature);
[[noreturn]] void refuse_fields(const std::string& path);
[[noreturn]] void refuse_field_values(const std::string& path, std::size_t features, std::size_t fields);

}  // namespace geo
