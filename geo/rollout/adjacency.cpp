#include "geo/rollout/adjacency.h"

#include "geo/geos/context.h"

#include <algorithm>
#include <numeric>

namespace geo {

Adjacency ward_adjacency(const UnitSet& set) {
    const GEOSContextHandle_t h = geos::handle();
    const std::size_t n = set.units.size();
    std::vector<Extent> boxes;
    for (const Unit& unit : set.units) boxes.push_back(geos::envelope(*unit.shape));
    // Sweep along x: only units whose boxes overlap are compared, then GEOS decides.
    std::vector<std::size_t> by_x(n);
    std::iota(by_x.begin(), by_x.end(), 0);
    std::sort(by_x.begin(), by_x.end(), [&](std::size_t a, std::size_t b) { return boxes[a].min_x < boxes[b].min_x; });
    Adjacency adjacency;
    adjacency.neighbours.resize(n);
    const double slack = 0.01;  // the snap tolerance: boxes that only touch still count
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t a = by_x[i];
        const geos::Prepared prepared = geos::prepare(*set.units[a].shape);
        for (std::size_t j = i + 1; j < n && boxes[by_x[j]].min_x <= boxes[a].max_x + slack; ++j) {
            const std::size_t b = by_x[j];
            if (boxes[b].min_y > boxes[a].max_y + slack || boxes[a].min_y > boxes[b].max_y + slack) continue;
            if (!geos::check(GEOSPreparedIntersects_r(h, prepared.get(), set.units[b].shape.get()), "ward adjacency")) continue;
            // Boundaries meeting in a line (DE-9IM boundary/boundary of dimension 1): a shared edge, not a corner.
            if (!geos::check(GEOSRelatePattern_r(h, set.units[a].shape.get(), set.units[b].shape.get(), "****1****"), "ward adjacency"))
                continue;
            adjacency.neighbours[a].push_back(b);
            adjacency.neighbours[b].push_back(a);
        }
    }
    for (auto& list : adjacency.neighbours) std::sort(list.begin(), list.end());
    return adjacency;
}

}  // namespace geo
