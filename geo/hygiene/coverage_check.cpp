#include "geo/hygiene/coverage_check.h"

#include "geo/dissolve/coverage_union.h"
#include "geo/dissolve/dissolve.h"

#include <fmt/format.h>

namespace geo {
namespace {

struct Piece {
    const GEOSGeometry* shape;
    std::string code, name;
};

// Pairwise search for overlaps among pieces whose union lost area: envelopes first, then areas.
void find_overlaps(const std::vector<Piece>& pieces, double tolerance, CoverageCheck& check) {
    const GEOSContextHandle_t h = geos::handle();
    std::vector<Extent> boxes;
    for (const Piece& piece : pieces) boxes.push_back(geos::envelope(*piece.shape));
    for (std::size_t i = 0; i < pieces.size(); ++i)
        for (std::size_t j = i + 1; j < pieces.size(); ++j) {
            if (!boxes[i].overlaps(boxes[j])) continue;
            geos::Geom common = geos::own(GEOSIntersection_r(h, pieces[i].shape, pieces[j].shape), "intersect two units");
            const double area = geos::area(*common);
            if (area < tolerance) continue;
            const geos::Point at = geos::point_on_surface(*common);
            check.report.add({ProblemKind::overlap, pieces[i].code, pieces[i].name, "",
                              fmt::format("overlaps {} {} by {:.1f} m²", pieces[j].code, pieces[j].name, area),
                              Location{at.x, at.y}, area});
            ++check.overlaps;
        }
}

void find_gaps(const GEOSGeometry& covered, double tolerance, CoverageCheck& check) {
    const GEOSContextHandle_t h = geos::handle();
    for (int p = 0; p < GEOSGetNumGeometries_r(h, &covered); ++p) {
        const GEOSGeometry* polygon = GEOSGetGeometryN_r(h, &covered, p);
        for (int r = 0; r < GEOSGetNumInteriorRings_r(h, polygon); ++r) {
            geos::Geom hole = geos::make_polygon(geos::clone(*GEOSGetInteriorRingN_r(h, polygon, r)), {}, "measure a gap");
            const double area = geos::area(*hole);
            if (area < tolerance) continue;
            const geos::Point at = geos::point_on_surface(*hole);
            check.report.add({ProblemKind::gap, "", "", "", fmt::format("{:.1f} m² covered by no unit", area),
                              Location{at.x, at.y}, area});
            ++check.gaps;
        }
    }
}

}  // namespace

CoverageCheck check_coverage(const WardSet& set, double tolerance, const Progress& progress) {
    CoverageCheck check;
    DissolveOptions options;
    options.sliver_area = 0;  // keep every hole: here they are what we look for
    Grouping grouping = set.mapping.parent.empty() ? Grouping{{{"all", "", "", ""}}, std::vector<int>(set.units.size(), 0)}
                                                   : group_by_parent(set);
    const DissolveResult groups = dissolve(set, grouping, options, progress);
    for (const Ward& unit : set.units) check.units_area += geos::area(*unit.shape);

    double groups_area = 0;
    for (const DissolvedUnit& group : groups.units) {
        groups_area += group.area;
        double members_area = 0;
        for (std::size_t m : group.members) members_area += geos::area(*set.units[m].shape);
        if (members_area - group.area < tolerance) continue;
        std::vector<Piece> pieces;
        for (std::size_t m : group.members) pieces.push_back({set.units[m].shape.get(), set.units[m].code, set.units[m].name});
        find_overlaps(pieces, tolerance, check);
    }
    std::vector<const GEOSGeometry*> shapes;
    for (const DissolvedUnit& group : groups.units) shapes.push_back(group.shape.get());
    const CoverageUnionResult all = union_coverage(shapes, 0.01, 0);
    check.covered_area = geos::area(*all.shape);
    if (groups_area - check.covered_area >= tolerance) {
        std::vector<Piece> pieces;
        for (const DissolvedUnit& group : groups.units) pieces.push_back({group.shape.get(), group.info.code, group.info.name});
        find_overlaps(pieces, tolerance, check);
    }
    find_gaps(*all.shape, tolerance, check);
    return check;
}

}  // namespace geo
