#pragma once
// Coordinate reference systems: what a source declares, what we recognise it as, and the projected
// CRS we work in so that areas and lengths are in metres.
#include "geo/core/extent.h"

#include <ogr_spatialref.h>

#include <memory>
#include <string>

namespace geo {

struct Crs {
    OGRSpatialReference srs;
    std::string label;  // "EPSG:27700 (OSGB36 / British National Grid)"
    std::string how;    // "declared", "recognised from its parameters", "given by -s_srs"
    int epsg = 0;
    bool geographic() const { return srs.IsGeographic(); }
};

// "EPSG:27700", "27700", a WKT or PROJ string, a file with one of those. Throws InputError.
Crs crs_from_user(const std::string& text, const std::string& option);
Crs crs_from_epsg(int code);

// What a layer declares, with a British National Grid declared without its code (the GLA MapInfo
// files) recognised as EPSG:27700 so that PROJ uses the proper OSGB36 datum shift.
Crs crs_from_declared(const OGRSpatialReference& declared);

// EPSG:27700 when the data lies in Great Britain, otherwise the UTM zone of the data's centre.
Crs choose_working_crs(const Extent& lonlat);

class DirectOperation;

// Owns an OGRCoordinateTransformation; one per thread (they are not thread-safe). Batches of
// lon/lat points inside the best operation's area skip OGR (direct_operation.h).
class Transformer {
public:
    Transformer(const Crs& from, const Crs& to);
    ~Transformer();
    Transformer(const Transformer&) = delete;
    Transformer& operator=(const Transformer&) = delete;
    bool identity() const noexcept { return identity_; }
    OGRCoordinateTransformation* get() const { return identity_ ? nullptr : ogr(); }
    // Throws InputError naming `where` if a point cannot be transformed.
    void apply(std::size_t count, double* x, double* y, const std::string& where) const;

private:
    struct Deleter {
        void operator()(OGRCoordinateTransformation* t) const noexcept;
    };
    // OGR's, made when first needed: with a direct operation, usually never (~40 ms of CPU each).
    OGRCoordinateTransformation* ogr() const;
    OGRSpatialReference from_srs_, to_srs_;
    mutable std::unique_ptr<OGRCoordinateTransformation, Deleter> transform_;
    std::unique_ptr<DirectOperation> direct_;
    bool identity_ = false;
    std::string from_label_, to_label_;
};

// This thread's transformer between two CRSs, made once: building one queries PROJ's database.
const Transformer& cached_transformer(const Crs& from, const Crs& to);

// Lon/lat extent of an extent in `crs` (corners and edge midpoints).
Extent to_lonlat(const Extent& extent, const Crs& crs);

}  // namespace geo
