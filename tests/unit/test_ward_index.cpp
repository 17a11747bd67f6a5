// geo/source/unit_index: the planner's "which ward is under the cursor" and box selection, on the
// bundled London wards.
#include "geo/source/ward_index.h"

#include "geo/source/load.h"
#include "support.h"

#include <gtest/gtest.h>

namespace {

const geo::WardSet& london() {
    static const geo::WardSet wards = [] {
        geo::LoadOptions options;
        options.sources = {wardmap_test::source_dir("shapes/london-wards-2014.gpkg")};
        return geo::load_units(options);
    }();
    return wards;
}

}  // namespace

TEST(WardIndex, EachWardIsFoundAtItsOwnLabelPoint) {
    const geo::WardSet& wards = london();
    const geo::WardIndex index(wards);
    ASSERT_GT(wards.units.size(), 600u);
    for (std::size_t i = 0; i < wards.units.size(); ++i) {
        const geo::geos::Point p = index.label_point(i);
        EXPECT_EQ(index.unit_at(p.x, p.y), std::optional<std::size_t>(i)) << wards.units[i].code << " " << wards.units[i].name;
    }
}

TEST(WardIndex, NothingOutsideTheWards) {
    const geo::WardIndex index(london());
    const geo::Extent& all = london().extent;
    EXPECT_FALSE(index.unit_at(all.min_x - 10, all.min_y - 10));
    EXPECT_FALSE(index.unit_at(all.max_x + 1, (all.min_y + all.max_y) / 2));
    geo::Extent far;
    far.include(0, 0);
    far.include(1000, 1000);
    EXPECT_TRUE(index.units_in(far).empty());
}

TEST(WardIndex, ABoxTakesTheWardsWhoseLabelPointIsInside) {
    const geo::WardSet& wards = london();
    const geo::WardIndex index(wards);
    EXPECT_EQ(index.units_in(wards.extent).size(), wards.units.size());
    // A box around one ward's label point, smaller than any ward: that ward alone.
    const geo::geos::Point p = index.label_point(100);
    geo::Extent box;
    box.include(p.x - 1, p.y - 1);
    box.include(p.x + 1, p.y + 1);
    EXPECT_EQ(index.units_in(box), std::vector<std::size_t>{100});
    EXPECT_TRUE(index.envelope(100).min_x <= p.x && p.x <= index.envelope(100).max_x);
}
