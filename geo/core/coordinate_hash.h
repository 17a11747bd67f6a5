#pragma once
// The one way wardmap hashes coordinates: exact vertices and edges (matching a ring's edges with
// its neighbour's, edge_union.cpp and adjacency.cpp) and snapping-grid cells (snap.cpp). Exact
// means bit for bit: coverages share vertices exactly, and snapping made them so.
#include <bit>
#include <cstddef>
#include <cstdint>
#include <initializer_list>

namespace geo {

// Of exact coordinates, e.g. {x, y} or an edge's {x0, y0, x1, y1}.
inline std::size_t hash_coordinates(std::initializer_list<double> values) noexcept {
    std::uint64_t h = 0;
    for (double v : values) h = (h ^ std::bit_cast<std::uint64_t>(v)) * 0x9E3779B97F4A7C15ull;
    return static_cast<std::size_t>(h ^ (h >> 31));
}

// Of a grid cell: neighbouring cells scatter over the whole table.
inline std::size_t hash_cell(std::int64_t cx, std::int64_t cy) noexcept {
    const auto h = static_cast<std::uint64_t>(cx) * 0x9E3779B97F4A7C15ull ^ static_cast<std::uint64_t>(cy) * 0xC2B2AE3D27D4EB4Full;
    return static_cast<std::size_t>(h ^ (h >> 29));
}

}  // namespace geo
