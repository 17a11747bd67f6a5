// geo/migrate: a plan carried to new wards by area. Hand-made squares (pure logic, exact areas),
// then the real case: the bundled plan on the 2014 wards carried to the 2022 wards, checked
// against an overlay of its own made another way (each new ward against the dissolved command
// units rather than ward by ward).
#include "geo/migrate/migrate.h"
#include "geo/migrate/overlap.h"
#include "geo/plan/apply.h"
#include "geo/source/load.h"
#include "support.h"

#include <gmock/gmock.h>

#include <map>

namespace {

using wardmap_test::make_unit;

// Units are move-only: built one by one (code, parent, x0, x1 of a 100 m high rectangle).
struct Spec {
    std::string code, parent, parent_name;
    double x0, x1;
};
geo::WardSet wards(const std::vector<Spec>& specs);

std::string rectangle(double x0, double x1) {
    return "POLYGON((" + std::to_string(x0) + " 0, " + std::to_string(x1) + " 0, " + std::to_string(x1) + " 100, " +
           std::to_string(x0) + " 100, " + std::to_string(x0) + " 0))";
}

std::string rectangle(double x0, double x1);

geo::WardSet wards(const std::vector<Spec>& specs) {
    geo::WardSet set;
    for (const Spec& spec : specs) set.units.push_back(make_unit(spec.code, spec.code, spec.parent, spec.parent_name, rectangle(spec.x0, spec.x1)));
    return set;
}

// Old: a (0-100) in X, b (100-200) in Y, c (200-300) left out. New: n1 (0-150), n2 (150-200), n3 (200-300).
struct Squares {
    geo::WardSet old_wards = wards({{"a", "B1", "One", 0, 100}, {"b", "B1", "One", 100, 200}, {"c", "B2", "Two", 200, 300}});
    geo::WardSet new_wards = wards({{"n1", "B1", "One", 0, 150}, {"n2", "B1", "One", 150, 200}, {"n3", "B2", "Two", 200, 300}});
    std::vector<std::string> units{"X", "Y", "-"};
    geo::Plan plan;
    Squares() {
        plan.units = {{"X", "Unit X", "", "", false}, {"Y", "Unit Y", "", "", false}};
        plan.rows = {{"B1", "Y", "", 1}, {"a", "X", "", 2}, {"B2", "", "Police of Two", 3}};
    }
};

TEST(Migrate, EachNewWardToTheUnitHoldingMostOfItTheDoubtfulListed) {
    const Squares s;
    const auto overlaps = geo::overlap_wards(s.old_wards, s.new_wards);
    ASSERT_EQ(overlaps[0].parts.size(), 2u);
    EXPECT_NEAR(overlaps[0].area, 15000, 1e-6);
    const geo::Migration migration = geo::migrate_plan(s.old_wards, s.units, s.plan, s.new_wards, overlaps, 0.9);
    EXPECT_EQ(migration.wards[0].unit_code, "X");
    EXPECT_NEAR(migration.wards[0].share, 2.0 / 3.0, 1e-9);
    EXPECT_EQ(migration.wards[1].unit_code, "Y");
    EXPECT_NEAR(migration.wards[1].share, 1.0, 1e-9);
    EXPECT_EQ(migration.wards[2].unit_code, "-");  // left out stays left out
    EXPECT_EQ(migration.review, std::vector<std::size_t>{0});
    EXPECT_EQ(migration.vanished, std::vector<std::string>{"a"});  // the plan's ward row has no successor of that code
    EXPECT_NEAR(migration.covered_area, migration.new_area, 1e-6);
    EXPECT_NEAR(migration.old_area, 30000, 1e-6);
}

TEST(Migrate, BoroughRowsCarriedAndWardRowsOnlyWhereTheyDiffer) {
    const Squares s;
    const geo::Migration migration =
        geo::migrate_plan(s.old_wards, s.units, s.plan, s.new_wards, geo::overlap_wards(s.old_wards, s.new_wards), 0.9);
    const geo::Plan table = geo::migrated_plan_table(s.plan, s.old_wards, s.new_wards, migration);
    ASSERT_EQ(table.rows.size(), 3u);  // B1 -> Y and B2 left out as they were, n1 -> X
    EXPECT_EQ(table.rows[0].key, "B1");
    EXPECT_EQ(table.rows[1].key, "B2");
    EXPECT_EQ(table.rows[1].note, "Police of Two");
    EXPECT_EQ(table.rows[2].key, "n1");
    EXPECT_EQ(table.rows[2].unit_code, "X");
    EXPECT_EQ(geo::plan_table_csv(table, s.new_wards),
              "code,area_name,unit_code,unit_name,colour,phase\n"
              "\"B1\",\"One\",\"Y\",\"Unit Y\",\"\",\"\"\n"
              "\"B2\",\"Two\",\"-\",\"Police of Two\",\"\",\"\"\n"
              "\"n1\",\"n1\",\"X\",\"Unit X\",\"\",\"\"\n");
}

}  // namespace

namespace {

// The real case of issue 18: the bundled 2018 plan with Abbey moved to Central North, on the 2014
// wards, carried to the 679 wards of 2022 (lon/lat).
struct London2022 {
    geo::WardSet old_wards, new_wards;
    geo::Plan plan;
    geo::PlanResolution resolution;
    std::vector<std::string> old_unit;
    geo::Migration migration;

    London2022() {
        geo::LoadOptions load;
        load.sources = {wardmap_test::source_dir("shapes/london-wards-2014.gpkg")};
        old_wards = geo::load_units(load);
        load.sources = {wardmap_test::shared_data("london/wards-2022-wgs84.geojson")};
        new_wards = geo::load_units(load);
        plan = geo::read_plan(wardmap_test::source_dir("datasets/plans/mps-12-bcu-2018.csv"));
        plan.rows.push_back({"E05000026", "CN", "", 99});  // Abbey, Barking and Dagenham
        resolution = geo::resolve_plan(old_wards, plan);
        old_unit.assign(old_wards.units.size(), geo::no_unit);
        for (std::size_t w = 0; w < old_wards.units.size(); ++w)
            if (const int g = resolution.grouping.group_of_unit[w]; g >= 0) old_unit[w] = resolution.grouping.groups[g].code;
        for (std::size_t w : resolution.left_out) old_unit[w] = geo::left_out_unit;
        migration = geo::migrate_plan(old_wards, old_unit, plan, new_wards, geo::overlap_wards(old_wards, new_wards), 0.9);
    }
};

double geos_area(const geo::Ward& unit) { return geo::geos::area(*unit.shape); }

const London2022& london_2022() {
    static const London2022 case_;  // loaded and overlaid once for the tests below (~2 s)
    return case_;
}

std::size_t index_of(const geo::WardSet& set, const std::string& code) {
    for (std::size_t i = 0; i < set.units.size(); ++i)
        if (set.units[i].code == code) return i;
    ADD_FAILURE() << "no ward " << code;
    return 0;
}

TEST(MigrateLondon, EveryWardOf2022AssignedAndTheAreaAccountedFor) {
    const London2022& c = london_2022();
    ASSERT_EQ(c.new_wards.units.size(), 679u);
    for (std::size_t n = 0; n < c.new_wards.units.size(); ++n) {
        const geo::MigratedWard& ward = c.migration.wards[n];
        EXPECT_FALSE(ward.unit_code.empty()) << c.new_wards.units[n].where();
        EXPECT_NE(ward.unit_code, geo::left_out_unit) << c.new_wards.units[n].where() << ": the City has no 2022 ward here";
        double shares = 0;
        for (const geo::UnitShare& share : ward.shares) shares += share.area;
        EXPECT_NEAR(shares, ward.covered * geos_area(c.new_wards.units[n]), 1e-3) << c.new_wards.units[n].where();
    }
    // The two ward sets cover (nearly) the same London: what the 2022 wards hold of the 2014 ones.
    EXPECT_GT(c.migration.covered_area / c.migration.new_area, 0.99);
}

TEST(MigrateLondon, AbbeysSuccessorsFollowItToCentralNorth) {
    const London2022& c = london_2022();
    const std::size_t abbey = index_of(c.old_wards, "E05000026");
    std::size_t successors = 0;
    for (std::size_t n = 0; n < c.new_wards.units.size(); ++n) {
        const geo::MigratedWard& ward = c.migration.wards[n];
        if (ward.from.empty() || ward.from.front() != abbey) continue;
        ++successors;
        EXPECT_EQ(ward.unit_code, "CN") << c.new_wards.units[n].where();
    }
    EXPECT_GE(successors, 1u);
    // The rest of Barking and Dagenham stays in East.
    for (std::size_t n = 0; n < c.new_wards.units.size(); ++n)
        if (c.new_wards.units[n].parent_code == "E09000002" && c.migration.wards[n].unit_code == "CN") {
            EXPECT_EQ(c.old_wards.units[c.migration.wards[n].from.front()].code, "E05000026") << c.new_wards.units[n].where();
        }
}

// Another way to the same shares: each 2022 ward against the twelve dissolved command units (and
// the City), not against the 2014 wards one by one.
TEST(MigrateLondon, ReviewListAgreesWithAnOverlayOfTheDissolvedCommandUnits) {
    const London2022& c = london_2022();
    const geo::AppliedPlan applied = geo::apply_plan(c.old_wards, c.plan, {}, {}, false);
    const GEOSContextHandle_t h = geo::geos::handle();
    std::vector<std::size_t> review;
    std::size_t compared = 0;
    for (std::size_t n = 0; n < c.new_wards.units.size(); ++n) {
        const GEOSGeometry& ward = *c.new_wards.units[n].shape;
        std::map<std::string, double> by_unit;
        double covered = 0;
        for (const geo::DissolvedUnit& unit : applied.groups.units) {
            const geo::geos::Geom part = geo::geos::own(GEOSIntersection_r(h, &ward, unit.shape.get()), "test overlay");
            by_unit[unit.info.code] = geo::geos::area(*part);
            covered += by_unit[unit.info.code];
        }
        // The City's wards are in no command unit: they count towards what is covered.
        for (std::size_t w : c.resolution.left_out) {
            const geo::geos::Geom part = geo::geos::own(GEOSIntersection_r(h, &ward, c.old_wards.units[w].shape.get()), "test overlay");
            by_unit["-"] += geo::geos::area(*part);
            covered += geo::geos::area(*part);
        }
        const auto best = std::max_element(by_unit.begin(), by_unit.end(), [](auto& a, auto& b) { return a.second < b.second; });
        const double share = best->second / covered;
        EXPECT_NEAR(share, c.migration.wards[n].share, 1e-4) << c.new_wards.units[n].where();
        if (share < 0.9) review.push_back(n);
        if (share > 0.5 + 1e-4) {
            EXPECT_EQ(best->first, c.migration.wards[n].unit_code) << c.new_wards.units[n].where();
        }
        ++compared;
    }
    EXPECT_EQ(compared, 679u);
    std::vector<std::size_t> listed = c.migration.review;
    std::sort(listed.begin(), listed.end());
    EXPECT_EQ(listed, review);
    EXPECT_FALSE(review.empty());
}

}  // namespace
