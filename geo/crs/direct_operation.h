#pragma once
// The best coordinate operation between two CRSs, called through proj_trans_generic directly.
// OGRCoordinateTransformation hands each point to proj_trans, which picks one of the candidate
// operations by area of use point by point: ~20% of the transformation's cost on the LSOA files.
// Inside the best operation's area of use PROJ always picks that operation, so a batch lying well
// inside it is transformed here, bit for bit as OGR would; anything else is left to OGR.
#include "geo/crs/crs.h"

#include <proj.h>

#include <memory>
#include <optional>
#include <string>

namespace geo {

// Owners of PROJ's C handles.
struct ProjContextDeleter {
    void operator()(PJ_CONTEXT* context) const noexcept { proj_context_destroy(context); }
};
struct ProjDeleter {
    void operator()(PJ* object) const noexcept { proj_destroy(object); }
};
using ProjContextOwner = std::unique_ptr<PJ_CONTEXT, ProjContextDeleter>;
using ProjOwner = std::unique_ptr<PJ, ProjDeleter>;

class DirectOperation {
public:
    // Only for lon/lat sources in degrees; nullopt when PROJ offers nothing usable. The WKT2 of
    // both CRSs keys the search, which is made once per process.
    static std::optional<DirectOperation> best(const Crs& from, const std::string& from_wkt, const std::string& to_wkt);

    // False (points untouched) when a point lies outside the area or does not transform.
    bool apply(std::size_t count, double* x, double* y) const;

private:
    ProjContextOwner context_;  // first: outlives the operation
    ProjOwner operation_;
    double west_ = 0, south_ = 0, east_ = 0, north_ = 0;  // area of use, shrunk by a margin
};

}  // namespace geo
