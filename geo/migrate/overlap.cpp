#include "geo/migrate/overlap.h"

#include "geo/core/cancel.h"
#include "geo/core/parallel.h"
#include "geo/geos/context.h"


namespace geo {
namespace {

// The area a new ward shares with one old ward. Most candidates by envelope touch only along a
// boundary or lie wholly inside: the prepared tests answer those without an intersection.
double shared_area(const GEOSPreparedGeometry& new_prepared, const GEOSGeometry& new_shape, const GEOSGeometry& old_shape) {
    const GEOSContextHandle_t h = geos::handle();
    if (!geos::check(GEOSPreparedIntersects_r(h, &new_prepared, &old_shape), "overlap: intersects")) return 0;
    if (geos::check(GEOSPreparedContains_r(h, &new_prepared, &old_shape), "overlap: contains")) return geos::area(old_shape);
    const geos::Geom part = geos::own(GEOSIntersection_r(h, &new_shape, &old_shape), "overlap: intersection");
    return geos::area(*part);
}

}  // namespace

std::vector<WardOverlaps> overlap_wards(const WardSet& old_wards, const WardSet& new_wards, const Progress& progress) {
    std::vector<Extent> old_envelopes;
    old_envelopes.reserve(old_wards.units.size());
    for (const Ward& ward : old_wards.units) old_envelopes.push_back(geos::envelope(*ward.shape));
    std::vector<WardOverlaps> overlaps(new_wards.units.size());
    report(progress, "overlaying the wards", 0.0);  // from this thread only: the bar is not shared with the workers
    parallel_for(new_wards.units.size(), [&](std::size_t n) {
        throw_if_interrupted();
        const GEOSGeometry& shape = *new_wards.units[n].shape;
        const Extent envelope = geos::envelope(shape);
        const geos::Prepared prepared = geos::prepare(shape);
        WardOverlaps& mine = overlaps[n];
        mine.area = geos::area(shape);
        for (std::size_t o = 0; o < old_wards.units.size(); ++o) {
            if (!envelope.overlaps(old_envelopes[o])) continue;
            const double area = shared_area(*prepared, shape, *old_wards.units[o].shape);
            if (area > 0) mine.parts.push_back({o, area});
        }
    });
    report(progress, "overlaying the wards", 1.0);
    return overlaps;
}

}  // namespace geo
