// England and Wales: 34,753 LSOAs of 2011 in 348 files named by district code (ONS generalised,
// lon/lat). Label gb: each test loads the whole set (~10 s or more).
#include "geo/dissolve/dissolve.h"
#include "geo/plan/resolve.h"
#include "geo/source/load.h"
#include "geo/validate/validate.h"
#include "support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <set>

using testing::IsEmpty;
using wardmap_test::shared_data;

namespace {

class GbData : public testing::Test {
protected:
    // Loaded once per process, shared by the tests of this suite.
    static void SetUpTestSuite() {
        if (lsoas_) return;
        geo::LoadOptions options;
        options.sources = {shared_data("gb/lsoa-2011-by-lad/england"), shared_data("gb/lsoa-2011-by-lad/wales")};
        options.stem_field = "LAD";
        options.fields.parent = "LAD";
        lsoas_ = std::make_unique<geo::WardSet>(geo::load_units(options));
    }
    static const geo::WardSet& lsoas() { return *lsoas_; }

    static void expect_area_conserved(const geo::DissolveResult& result, double expected) {
        double total = 0;
        for (const auto& unit : result.units) total += unit.area;
        EXPECT_NEAR(total, expected, 1e-4 * expected);
    }

private:
    static std::unique_ptr<geo::WardSet> lsoas_;
};
std::unique_ptr<geo::WardSet> GbData::lsoas_;

}  // namespace

TEST_F(GbData, LoadsEveryLsoaWithItsDistrictFromTheFileName) {
    const geo::WardSet& set = lsoas();
    EXPECT_EQ(set.units.size(), 34753u);  // 32,844 English + 1,909 Welsh
    EXPECT_EQ(set.sources.size(), 348u);
    EXPECT_EQ(set.mapping.code, "LSOA11CD");
    EXPECT_EQ(set.mapping.name, "LSOA11NM");
    EXPECT_EQ(set.mapping.parent, "LAD");
    EXPECT_EQ(set.working_crs.epsg, 27700);  // chosen: the data lies in Great Britain
    EXPECT_GT(set.hygiene.vertices_snapped, 0u);  // the generalised copies of shared vertices differ
    EXPECT_EQ(set.hygiene.count(geo::ProblemKind::duplicate_code), 0u);
    std::set<std::string> districts;
    std::size_t welsh = 0;
    for (const auto& unit : set.units) {
        districts.insert(unit.parent_code);
        if (unit.code[0] == 'W') {
            ++welsh;
            EXPECT_EQ(unit.parent_code[0], 'W') << unit.where() << " in " << unit.parent_code;
        }
    }
    EXPECT_EQ(districts.size(), 348u);
    EXPECT_EQ(welsh, 1909u);
    EXPECT_TRUE(districts.count("E06000048"));  // Northumberland, under its 2011 code
}

TEST_F(GbData, DissolveIntoThe348ValidDistrictsConservingArea) {
    const geo::WardSet& set = lsoas();
    const geo::DissolveResult districts = geo::dissolve(set, geo::group_by_parent(set), {});
    ASSERT_EQ(districts.units.size(), 348u);
    expect_area_conserved(districts, wardmap_test::total_area(set.units));
    for (const auto& district : districts.units) {
        EXPECT_TRUE(wardmap_test::is_valid(*district.shape)) << district.info.code;
        EXPECT_GE(wardmap_test::smallest_hole(*district.shape), 1.0) << district.info.code << " keeps a sliver hole";
    }
}

TEST_F(GbData, OnsLookupWithCodeChangesGivesTheFortyThreePoliceForces) {
    const geo::WardSet& set = lsoas();
    const geo::Plan plan = geo::read_plan(shared_data("gb/lad17-csp17-pfa17-lookup.csv"),
                                          geo::PlanColumns{"LAD17CD", "PFA17CD", "PFA17NM", "", ""});
    const geo::CodeChanges changes = geo::read_code_changes(shared_data("gb/lad-code-changes-2011-2013.csv"));

    const geo::PlanResolution without = geo::resolve_plan(set, plan);
    EXPECT_FALSE(without.unassigned.empty()) << "the six renamed districts should be unassigned without changes";

    const geo::PlanResolution resolution = geo::resolve_plan(set, plan, changes);
    EXPECT_THAT(resolution.unassigned, IsEmpty());
    EXPECT_THAT(resolution.left_out, IsEmpty());
    EXPECT_EQ(resolution.code_changes_used.size(), 6u);
    EXPECT_EQ(resolution.by_parent_row, set.units.size());
    for (const auto& row : resolution.unknown_rows)  // lookup rows with no file: fine, but list them
        RecordProperty("unknown_row_" + row.key, row.unit_code);

    const geo::DissolveResult forces = geo::dissolve(set, resolution.grouping, {});
    ASSERT_EQ(forces.units.size(), 43u);
    expect_area_conserved(forces, wardmap_test::total_area(set.units));
    for (const auto& force : forces.units) {
        EXPECT_TRUE(wardmap_test::is_valid(*force.shape)) << force.info.code << " " << force.info.name;
        EXPECT_GE(wardmap_test::smallest_hole(*force.shape), 1.0) << force.info.code;
    }
    EXPECT_THAT(geo::check_whole_parents(set, resolution), IsEmpty());
}
