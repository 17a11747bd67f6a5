#pragma once
// A file's vertices into the working CRS, transformed once per place. Neighbouring areas in the
// ONS files each store their own copy of a shared vertex, a fraction of a millimetre apart; the
// transformation (datum shift and projection) took half the CPU of a national load, half of it
// spent on copies. Copies closer than half the snap tolerance are merged in the source CRS, so
// each place is transformed once and its copies come out identical, as snapping would make them.
#include "geo/crs/crs.h"

#include <cstdint>
#include <string>
#include <vector>

namespace geo {

class VertexTransform {
public:
    // `snap_tolerance` in metres; 0 transforms every vertex as it is.
    VertexTransform(const Transformer& transformer, const Crs& source, double snap_tolerance);

    // The id of the place of (x, y) in the source CRS: a new one, or an earlier one within reach.
    std::uint32_t place(double x, double y);
    // Transforms the places made since the last call; throws InputError naming `where`.
    void transform_new(const std::string& where);
    double x(std::uint32_t id) const { return out_x_[id]; }
    double y(std::uint32_t id) const { return out_y_[id]; }
    // Vertices that were moved onto an earlier copy.
    std::size_t merged() const { return merged_; }
    // The source is in the working CRS: its vertices are used as they are, with no place kept.
    bool identity() const { return transformer_.identity(); }

private:
    std::int64_t cell(double v) const;
    std::size_t slot_of(std::int64_t cx, std::int64_t cy) const;
    void insert(std::uint32_t id);
    void grow();

    const Transformer& transformer_;
    double reach_ = 0;                      // source units
    double per_cell_ = 1;                   // grid cells per source unit
    std::vector<double> source_xy_;         // each place's first copy, interleaved
    std::vector<double> out_x_, out_y_;     // each place in the working CRS
    std::vector<std::uint32_t> slots_;      // place ids by grid cell, open addressing
    std::size_t mask_ = 0, transformed_ = 0, merged_ = 0;
};

}  // namespace geo
