// geo/plan/resolve and geo/validate: plan logic on small hand-built ward sets. The wards are
// 100 m squares in one row (x = 0, 100, 200, ...), so which wards touch is obvious.
#include "geo/core/errors.h"
#include "geo/dissolve/dissolve.h"
#include "geo/dissolve/grouping.h"
#include "geo/plan/resolve.h"
#include "geo/validate/validate.h"
#include "support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using geo::Finding;
using geo::Severity;
using testing::ElementsAre;
using testing::HasSubstr;
using testing::IsEmpty;
using testing::Pair;
using testing::UnorderedElementsAre;
using wardmap_test::row_of_wards;

namespace {

geo::Plan plan_of(const std::string& text) {
    return geo::plan_from_table(geo::parse_csv(text, "plan.csv"), {});
}

// Five wards: A1 A2 in borough P1, B1 B2 in P2, C1 in P3, left to right.
geo::WardSet five_wards() {
    return row_of_wards({{"A1", "Alpha One", "P1", "Borough P1"},
                         {"A2", "Alpha Two", "P1", "Borough P1"},
                         {"B1", "Beta One", "P2", "Borough P2"},
                         {"B2", "Beta Two", "P2", "Borough P2"},
                         {"C1", "Gamma One", "P3", "Borough P3"}});
}

// The code of the command unit each ward went to ("" when none).
std::vector<std::string> unit_of_each(const geo::PlanResolution& resolution) {
    std::vector<std::string> codes;
    for (int group : resolution.grouping.group_of_unit)
        codes.push_back(group < 0 ? "" : resolution.grouping.groups[group].code);
    return codes;
}

std::vector<const Finding*> of_kind(const std::vector<Finding>& findings, const std::string& kind) {
    std::vector<const Finding*> found;
    for (const Finding& f : findings)
        if (to_string(f.kind) == kind) found.push_back(&f);
    return found;
}

// The keys of plan rows, for readable failure messages.
std::vector<std::string> keys_of(const std::vector<geo::PlanRow>& rows) {
    std::vector<std::string> keys;
    for (const auto& row : rows) keys.push_back(row.key);
    return keys;
}

}  // namespace

TEST(Resolve, ParentRowsAssignEveryWardOfTheBorough) {
    const auto set = five_wards();
    const auto resolution = geo::resolve_plan(set, plan_of("code,unit_code\nP1,U1\nP2,U2\nP3,U2\n"));
    EXPECT_THAT(unit_of_each(resolution), ElementsAre("U1", "U1", "U2", "U2", "U2"));
    EXPECT_EQ(resolution.by_parent_row, 5u);
    EXPECT_EQ(resolution.by_unit_row, 0u);
    EXPECT_THAT(resolution.unassigned, IsEmpty());
    EXPECT_THAT(keys_of(resolution.unknown_rows), IsEmpty());
}

TEST(Resolve, UnitRowOverridesItsParentRow) {
    const auto set = five_wards();
    const auto resolution = geo::resolve_plan(set, plan_of("code,unit_code\nP1,U1\nP2,U2\nB2,U1\nP3,U2\n"));
    EXPECT_THAT(unit_of_each(resolution), ElementsAre("U1", "U1", "U2", "U1", "U2"));
    EXPECT_EQ(resolution.by_unit_row, 1u);
    EXPECT_EQ(resolution.by_parent_row, 4u);
}

TEST(Resolve, UnknownPlanCodeIsReportedWithItsLine) {
    const auto set = five_wards();
    const auto resolution = geo::resolve_plan(set, plan_of("code,unit_code\nP1,U1\nP2,U1\nP3,U1\nE09000099,U2\n"));
    ASSERT_EQ(resolution.unknown_rows.size(), 1u);
    EXPECT_EQ(resolution.unknown_rows[0].key, "E09000099");
    const auto findings = geo::check_assignment(set, resolution);
    const auto unknown = of_kind(findings, "unknown_code");
    ASSERT_EQ(unknown.size(), 1u);
    EXPECT_EQ(unknown[0]->severity, Severity::error);
    EXPECT_THAT(unknown[0]->message, HasSubstr("plan line 5"));
    EXPECT_THAT(unknown[0]->codes, ElementsAre("E09000099"));
}

TEST(Resolve, ParentRowOverriddenForEveryWardStillMatchesAParent) {
    // P3 exists (C1's borough); its one ward is moved by a unit row. The P3 row is redundant,
    // but "matches no unit or parent code in the source" is not true of it.
    const auto set = five_wards();
    const auto resolution = geo::resolve_plan(set, plan_of("code,unit_code\nP1,U1\nP2,U2\nP3,U2\nC1,U1\n"));
    EXPECT_THAT(unit_of_each(resolution), ElementsAre("U1", "U1", "U2", "U2", "U1"));
    EXPECT_THAT(keys_of(resolution.unknown_rows), IsEmpty()) << "P3 reported as an unknown code";
}

TEST(Validate, UnassignedWardsAreReportedOncePerParent) {
    const auto set = five_wards();
    const auto resolution = geo::resolve_plan(set, plan_of("code,unit_code\nP1,U1\n"));
    EXPECT_THAT(resolution.unassigned, ElementsAre(2u, 3u, 4u));
    const auto findings = geo::check_assignment(set, resolution);
    const auto unassigned = of_kind(findings, "unassigned");
    ASSERT_EQ(unassigned.size(), 2u);
    EXPECT_EQ(unassigned[0]->unit_code, "P2");
    EXPECT_EQ(unassigned[0]->severity, Severity::error);
    EXPECT_THAT(unassigned[0]->codes, ElementsAre("B1", "B2"));
    EXPECT_THAT(unassigned[0]->message, HasSubstr("2 unit(s) of P2 Borough P2"));
    EXPECT_EQ(unassigned[1]->unit_code, "P3");
    EXPECT_THAT(unassigned[1]->codes, ElementsAre("C1"));
}

TEST(Validate, LeftOutWardsAreInformationNotErrors) {
    const auto set = five_wards();
    const auto resolution =
        geo::resolve_plan(set, plan_of("code,unit_code,unit_name\nP1,U1,One\nP2,U1,One\nP3,-,City Police\n"));
    EXPECT_THAT(resolution.left_out, ElementsAre(4u));
    EXPECT_THAT(resolution.unassigned, IsEmpty());
    EXPECT_EQ(resolution.grouping.group_of_unit[4], -1);
    const auto findings = geo::check_assignment(set, resolution);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].kind, geo::FindingKind::left_out);
    EXPECT_EQ(findings[0].severity, Severity::info);
    EXPECT_THAT(findings[0].codes, ElementsAre("C1"));
}

TEST(Validate, SplitParentIsFound) {
    const auto set = five_wards();
    const auto resolution = geo::resolve_plan(set, plan_of("code,unit_code\nP1,U1\nA2,U2\nP2,U2\nP3,U2\n"));
    const auto findings = geo::check_whole_parents(set, resolution);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].kind, geo::FindingKind::split_parent);
    EXPECT_EQ(findings[0].unit_code, "P1");
    EXPECT_THAT(findings[0].codes, UnorderedElementsAre("U1", "U2"));
    EXPECT_THAT(findings[0].message, HasSubstr("1 unit(s) in U1"));
}

// Wards of one borough need not come together in a source: a borough split across interleaved
// wards is still one finding with every unit's count.
TEST(Validate, SplitParentIsFoundWhenItsWardsAreNotTogether) {
    const auto set = row_of_wards({{"A1", "Alpha One", "P1", "Borough P1"},
                                   {"B1", "Beta One", "P2", "Borough P2"},
                                   {"A2", "Alpha Two", "P1", "Borough P1"},
                                   {"B2", "Beta Two", "P2", "Borough P2"},
                                   {"A3", "Alpha Three", "P1", "Borough P1"}});
    const auto resolution = geo::resolve_plan(set, plan_of("code,unit_code\nA1,U1\nA2,U2\nA3,U1\nP2,U2\n"));
    const auto findings = geo::check_whole_parents(set, resolution);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].unit_code, "P1");
    EXPECT_THAT(findings[0].message, HasSubstr("2 unit(s) in U1"));
    EXPECT_THAT(findings[0].message, HasSubstr("1 unit(s) in U2"));
}

TEST(Validate, WholeParentsGiveNoSplitFinding) {
    const auto set = five_wards();
    const auto resolution = geo::resolve_plan(set, plan_of("code,unit_code\nP1,U1\nP2,U2\nP3,-\n"));
    EXPECT_THAT(geo::check_whole_parents(set, resolution), IsEmpty());
}

TEST(Validate, NonContiguousUnitNamesTheWardsOfItsStrayPiece) {
    // U1 = A1 A2 (x 0-200) and C1 (x 400-500), with B1 B2 of U2 between them.
    const auto set = five_wards();
    const auto resolution = geo::resolve_plan(set, plan_of("code,unit_code,unit_name\nP1,U1,West\nP2,U2,East\nC1,U1,West\n"));
    const auto dissolved = geo::dissolve(set, resolution.grouping, {});
    ASSERT_EQ(dissolved.units.size(), 2u);
    EXPECT_EQ(dissolved.units[0].parts, 2);
    const auto findings = geo::check_contiguity(set, dissolved);
    ASSERT_EQ(findings.size(), 1u);
    const Finding& stray = findings[0];
    EXPECT_EQ(stray.kind, geo::FindingKind::not_contiguous);
    EXPECT_EQ(stray.unit_code, "U1");
    EXPECT_THAT(stray.message, HasSubstr("C1 Gamma One"));
    EXPECT_THAT(stray.message, HasSubstr("0.01 km²"));
    EXPECT_THAT(stray.message, testing::Not(HasSubstr("A1")));
    ASSERT_TRUE(stray.location.has_value());
    EXPECT_GT(stray.location->x, 400);
    EXPECT_LT(stray.location->x, 500);
}

// Interior points given by the caller (the planner keeps them) give the same findings.
TEST(Validate, NonContiguousUnitWithGivenInteriorPointsIsTheSame) {
    const auto set = five_wards();
    const auto resolution = geo::resolve_plan(set, plan_of("code,unit_code,unit_name\nP1,U1,West\nP2,U2,East\nC1,U1,West\n"));
    const auto dissolved = geo::dissolve(set, resolution.grouping, {});
    std::vector<std::size_t> asked;
    const auto given = geo::check_contiguity(set, dissolved, [&](std::size_t ward) {
        asked.push_back(ward);
        return geo::geos::point_on_surface(*set.units[ward].shape);
    });
    const auto made = geo::check_contiguity(set, dissolved);
    ASSERT_EQ(given.size(), made.size());
    for (std::size_t i = 0; i < given.size(); ++i) {
        EXPECT_EQ(given[i].message, made[i].message);
        EXPECT_EQ(given[i].codes, made[i].codes);
    }
    EXPECT_THAT(asked, UnorderedElementsAre(0u, 1u, 4u));  // the members of U1, the unit in pieces
}

TEST(Validate, NonContiguousFindingListsUnitCodesLikeOtherFindings) {
    // Finding::codes holds plain codes for unassigned and split_parent findings; the CLI's JSON
    // and the UI select units by them. The stray piece's units should be listed the same way.
    const auto set = five_wards();
    const auto resolution = geo::resolve_plan(set, plan_of("code,unit_code\nP1,U1\nP2,U2\nC1,U1\n"));
    const auto findings = geo::check_contiguity(set, geo::dissolve(set, resolution.grouping, {}));
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_THAT(findings[0].codes, ElementsAre("C1"));
}

namespace {

// Six wards without parents, crimes 10..60; U1 = W1, U2 = W2 W3, U3 = W4 W5 W6.
struct BalanceCase {
    geo::WardSet set = row_of_wards({{"W1", "", "", ""}, {"W2", "", "", ""}, {"W3", "", "", ""},
                                     {"W4", "", "", ""}, {"W5", "", "", ""}, {"W6", "", "", ""}});
    geo::PlanResolution resolution;
    geo::DissolveResult dissolved;
    BalanceCase() {
        set.fields = {{"crimes", geo::FieldKind::integer}, {"label", geo::FieldKind::text}};
        for (std::size_t i = 0; i < set.units.size(); ++i)
            set.units[i].values = {std::int64_t(10 * (i + 1)), std::string("x")};
        resolution = geo::resolve_plan(set, plan_of("code,unit_code\nW1,U1\nW2,U2\nW3,U2\nW4,U3\nW5,U3\nW6,U3\n"));
        dissolved = geo::dissolve(set, resolution.grouping, {});
    }
    std::vector<double> deviations(const std::vector<geo::BalanceRow>& rows, const std::string& measure) const {
        std::vector<double> found;
        for (const auto& row : rows)
            if (row.measure == measure) found.push_back(row.deviation_pct);
        return found;
    }
};

}  // namespace

TEST(Balance, DeviationFromTheMeanIsExact) {
    const BalanceCase c;
    const auto rows = geo::balance_of(c.set, c.dissolved, {{"crimes"}, std::nullopt});
    EXPECT_THAT(c.deviations(rows, "units"), ElementsAre(-50.0, 0.0, 50.0));
    const auto area = c.deviations(rows, "area_km2");
    ASSERT_EQ(area.size(), 3u);
    EXPECT_NEAR(area[0], -50.0, 1e-9);
    EXPECT_NEAR(area[2], 50.0, 1e-9);
    // crimes summed: 10, 50, 150; mean 70.
    const auto crimes = c.deviations(rows, "crimes");
    ASSERT_EQ(crimes.size(), 3u);
    EXPECT_DOUBLE_EQ(crimes[0], (10.0 - 70.0) / 70.0 * 100);
    EXPECT_DOUBLE_EQ(crimes[1], (50.0 - 70.0) / 70.0 * 100);
    EXPECT_DOUBLE_EQ(crimes[2], (150.0 - 70.0) / 70.0 * 100);
}

TEST(Balance, TextOrUnknownFieldIsRefused) {
    const BalanceCase c;
    EXPECT_THROW(geo::balance_of(c.set, c.dissolved, {{"label"}, std::nullopt}), geo::InputError);
    EXPECT_THROW(geo::balance_of(c.set, c.dissolved, {{"population"}, std::nullopt}), geo::InputError);
}

TEST(Balance, MaxDeviationTurnsImbalanceIntoErrors) {
    const BalanceCase c;
    const auto loose = geo::validate_plan(c.set, c.resolution, c.dissolved, {{}, 50.0});
    EXPECT_EQ(loose.errors(), 0u);  // exactly at the limit is allowed
    const auto strict = geo::validate_plan(c.set, c.resolution, c.dissolved, {{}, 40.0});
    const auto imbalance = of_kind(strict.findings, "imbalance");
    std::vector<std::string> flagged;
    for (const Finding* f : imbalance) flagged.push_back(f->unit_code);
    EXPECT_THAT(flagged, UnorderedElementsAre("U1", "U3", "U1", "U3"));  // by ward count and by area
    EXPECT_EQ(strict.errors(), 4u);
    const auto unbounded = geo::validate_plan(c.set, c.resolution, c.dissolved, {});
    EXPECT_EQ(unbounded.errors(), 0u);
}

TEST(Resolve, CodeChangesMapOldParentCodesToTheLookupsNewOnes) {
    // Boundary files of 2011 name St Albans E07000100; the 2017 lookup names it E07000240.
    const auto set = row_of_wards({{"E01023600", "", "E07000100", "St Albans"},
                                   {"E01023601", "", "E07000100", "St Albans"},
                                   {"E01023700", "", "E07000102", "Three Rivers"}});
    const auto plan = plan_of("LAD17CD,PFA17CD,PFA17NM\nE07000240,E23000027,Hertfordshire\nE07000102,E23000027,Hertfordshire\n");
    const auto without = geo::resolve_plan(set, plan);
    EXPECT_THAT(without.unassigned, ElementsAre(0u, 1u));
    EXPECT_EQ(without.unknown_rows.size(), 1u);

    const auto with = geo::resolve_plan(set, plan, {{"E07000100", "E07000240"}, {"E06000048", "E06000057"}});
    EXPECT_THAT(with.unassigned, IsEmpty());
    EXPECT_THAT(keys_of(with.unknown_rows), IsEmpty());
    EXPECT_THAT(with.code_changes_used, ElementsAre(Pair("E07000100", "E07000240")));  // only those used
    EXPECT_THAT(unit_of_each(with), ElementsAre("E23000027", "E23000027", "E23000027"));
}

TEST(Validate, CleanPlanHasNoErrors) {
    const auto set = five_wards();
    const auto resolution = geo::resolve_plan(set, plan_of("code,unit_code\nP1,U1\nP2,U2\nP3,-\n"));
    const auto dissolved = geo::dissolve(set, resolution.grouping, {});
    const auto report = geo::validate_plan(set, resolution, dissolved, {});
    EXPECT_EQ(report.errors(), 0u);
    ASSERT_EQ(dissolved.units.size(), 2u);
    EXPECT_DOUBLE_EQ(dissolved.units[0].area, 20000.0);
    EXPECT_EQ(dissolved.units[0].parts, 1);
    EXPECT_THAT(dissolved.units[0].parents, ElementsAre("P1"));
}

TEST(Grouping, ByParentIsSortedByCodeAndNamedByParentName) {
    const auto set = five_wards();
    const geo::Grouping grouping = geo::group_by_parent(set);
    ASSERT_EQ(grouping.groups.size(), 3u);
    EXPECT_EQ(grouping.groups[1].code, "P2");
    EXPECT_EQ(grouping.groups[1].name, "Borough P2");
    EXPECT_THAT(grouping.group_of_unit, ElementsAre(0, 0, 1, 1, 2));
}

TEST(Grouping, ByUnknownFieldListsTheFields) {
    auto set = five_wards();
    set.fields = {{"crimes", geo::FieldKind::integer}};
    EXPECT_THAT([&] { geo::group_by_field(set, "borough"); },
                testing::ThrowsMessage<geo::InputError>(HasSubstr("crimes")));
}
