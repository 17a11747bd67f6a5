#include "geo/hygiene/report.h"

#include <algorithm>

namespace geo {

const char* to_string(ProblemKind kind) {
    switch (kind) {
        case ProblemKind::invalid_repaired: return "invalid geometry repaired";
        case ProblemKind::parts_dropped: return "non-polygon parts dropped";
        case ProblemKind::empty_geometry: return "empty geometry, unit left out";
        case ProblemKind::missing_code: return "no unit code, unit left out";
        case ProblemKind::duplicate_code: return "duplicate unit code";
        case ProblemKind::gdal_message: return "GDAL message while reading";
        case ProblemKind::gap: return "gap between units";
        case ProblemKind::overlap: return "overlap between units";
        case ProblemKind::sliver_removed: return "sliver hole closed";
        case ProblemKind::precision_fallback: return "union needed snap-rounding";
    }
    return "problem";
}

std::size_t HygieneReport::count(ProblemKind kind) const {
    return static_cast<std::size_t>(
        std::count_if(problems.begin(), problems.end(), [&](const Problem& p) { return p.kind == kind; }));
}

std::vector<const Problem*> HygieneReport::of(ProblemKind kind) const {
    std::vector<const Problem*> found;
    for (const Problem& p : problems)
        if (p.kind == kind) found.push_back(&p);
    return found;
}

void HygieneReport::append(const HygieneReport& other) {
    problems.insert(problems.end(), other.problems.begin(), other.problems.end());
    vertices_snapped += other.vertices_snapped;
}

}  // namespace geo
