// geo/plan/plan: plan tables into command units and rows. Small tables written here; the real
// ONS lookup and code-change table where their quirks matter.
#include "geo/core/errors.h"
#include "geo/plan/plan.h"
#include "support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using geo::InputError;
using geo::Plan;
using geo::PlanColumns;
using testing::ElementsAre;
using testing::HasSubstr;
using testing::Pair;
using testing::UnorderedElementsAre;

namespace {

Plan plan_of(const std::string& text, const PlanColumns& columns = {}) {
    return geo::plan_from_table(geo::parse_csv(text, "plans/test-plan.csv"), columns);
}

// The InputError that reading the plan throws, as text (fails the test if none).
std::string plan_error(const std::string& text, const PlanColumns& columns = {}) {
    try {
        plan_of(text, columns);
    } catch (const InputError& e) {
        EXPECT_EQ(e.file(), "plans/test-plan.csv");
        return e.what();
    }
    ADD_FAILURE() << "no InputError for the plan:\n" << text;
    return {};
}

std::vector<std::string> keys_of(const Plan& plan) {
    std::vector<std::string> keys;
    for (const auto& row : plan.rows) keys.push_back(row.key);
    return keys;
}

}  // namespace

TEST(Plan, GuessesTheWardmapColumns) {
    const Plan plan = plan_of(
        "code,unit_code,unit_name,colour,phase\n"
        "E09000007,CN,Central North,#1f77b4,1\n"
        "E09000019,CN,Central North,#1f77b4,1\n"
        "E09000002,EA,East Area,#FF7F0E,2\n");
    EXPECT_EQ(plan.name, "test-plan");
    EXPECT_EQ(plan.path, "plans/test-plan.csv");
    ASSERT_EQ(plan.units.size(), 2u);
    EXPECT_EQ(plan.units[0].code, "CN");
    EXPECT_EQ(plan.units[0].name, "Central North");
    EXPECT_EQ(plan.units[0].colour, "#1f77b4");
    EXPECT_EQ(plan.units[0].phase, "1");
    EXPECT_EQ(plan.units[1].colour, "#FF7F0E");
    EXPECT_THAT(keys_of(plan), ElementsAre("E09000007", "E09000019", "E09000002"));
    EXPECT_EQ(plan.rows[2].unit_code, "EA");
    EXPECT_EQ(plan.rows[2].line, 4u);
    ASSERT_NE(plan.unit("EA"), nullptr);
    EXPECT_EQ(plan.unit("EA")->name, "East Area");
    EXPECT_EQ(plan.unit("XX"), nullptr);
}

TEST(Plan, GuessesOnsLookupColumns) {
    // LAD17CD is the key and PFA17CD the unit, though CSP17CD also ends in CD.
    const Plan plan = plan_of(
        "LAD17CD,LAD17NM,CSP17CD,CSP17NM,PFA17CD,PFA17NM,FID\n"
        "E06000001,Hartlepool,E22000027,Hartlepool,E23000013,Cleveland,1\n"
        "E06000002,Middlesbrough,E22000029,Middlesbrough,E23000013,Cleveland,2\n"
        "E09000001,City of London,E22000130,City of London,E23000034,\"London, City of\",3\n");
    ASSERT_EQ(plan.units.size(), 2u);
    EXPECT_EQ(plan.units[0].code, "E23000013");
    EXPECT_EQ(plan.units[0].name, "Cleveland");
    EXPECT_EQ(plan.units[1].name, "London, City of");
    EXPECT_THAT(keys_of(plan), ElementsAre("E06000001", "E06000002", "E09000001"));
}

TEST(Plan, ExplicitColumnsWinOverGuesses) {
    const Plan plan = plan_of("ward,code,bcu,bcu_label\nE05000001,E09000001,X1,Unit X\n",
                              PlanColumns{"ward", "bcu", "bcu_label", "", ""});
    ASSERT_EQ(plan.rows.size(), 1u);
    EXPECT_EQ(plan.rows[0].key, "E05000001");
    EXPECT_EQ(plan.units.at(0).code, "X1");
    EXPECT_EQ(plan.units.at(0).name, "Unit X");
}

TEST(Plan, ExplicitColumnThatDoesNotExistListsTheHeader) {
    const std::string message = plan_error("code,unit_code\nA,U\n", PlanColumns{"ward_code", "", "", "", ""});
    EXPECT_THAT(message, HasSubstr("ward_code"));
    EXPECT_THAT(message, HasSubstr("no such column"));
    EXPECT_THAT(message, HasSubstr("code, unit_code"));
}

TEST(Plan, WithoutANameColumnTheUnitIsNamedByItsCode) {
    const Plan plan = plan_of("code,unit_code\nE09000002,EA\n");
    EXPECT_EQ(plan.units.at(0).name, "EA");
}

TEST(Plan, DuplicateKeyNamesBothLines) {
    try {
        plan_of("code,unit_code\nE09000002,EA\nE09000003,NW\nE09000002,NE\n");
        FAIL() << "a duplicate key was accepted";
    } catch (const InputError& e) {
        EXPECT_EQ(e.where(), "line 4");
        EXPECT_THAT(e.what(), HasSubstr("E09000002"));
        EXPECT_THAT(e.what(), HasSubstr("first on line 2"));
    }
}

TEST(Plan, OneUnitCodeWithTwoNamesIsRefused) {
    const std::string message = plan_error(
        "code,unit_code,unit_name\nE09000002,EA,East Area\nE09000016,EA,East\n");
    EXPECT_THAT(message, HasSubstr("line 3"));
    EXPECT_THAT(message, HasSubstr("'East'"));
    EXPECT_THAT(message, HasSubstr("'East Area'"));
}

TEST(Plan, RepeatingTheSameNameIsFine) {
    const Plan plan = plan_of("code,unit_code,unit_name\nA,EA,East Area\nB,EA,East Area\nC,EA,\n");
    ASSERT_EQ(plan.units.size(), 1u);
    EXPECT_EQ(plan.units[0].name, "East Area");
}

TEST(Plan, UnitNamedOnlyOnALaterRowTakesThatName) {
    // A blank name is no name: the order of the rows must not decide whether the plan is valid.
    // The reverse order (named first, blank later) is accepted; see RepeatingTheSameNameIsFine.
    const Plan plan = plan_of("code,unit_code,unit_name\nA,EA,\nB,EA,East Area\n");
    ASSERT_EQ(plan.units.size(), 1u);
    EXPECT_EQ(plan.units[0].name, "East Area");
}

TEST(Plan, ColourNotOfTheFormRrggbbIsRefused) {
    for (const char* colour : {"blue", "#12345", "#1234567", "1f77b4", "#GGGGGG"}) {
        const std::string message =
            plan_error(std::string("code,unit_code,colour\nA,EA,#1f77b4\nB,NW,") + colour + "\n");
        EXPECT_THAT(message, HasSubstr("line 3")) << colour;
        EXPECT_THAT(message, HasSubstr(colour)) << colour;
    }
}

TEST(Plan, ColourMayBeLeftBlankAndFilledByALaterRow) {
    const Plan plan = plan_of("code,unit_code,colour,phase\nA,EA,,\nB,EA,#00aa00,2\n");
    EXPECT_EQ(plan.units.at(0).colour, "#00aa00");
    EXPECT_EQ(plan.units.at(0).phase, "2");
}

TEST(Plan, DashOrEmptyUnitCodeLeavesTheAreaOut) {
    const Plan plan = plan_of(
        "code,unit_code,unit_name\n"
        "E09000001,-,City of London Police\n"
        "E09000002,EA,East Area\n"
        "E09000099,,\n");
    ASSERT_EQ(plan.rows.size(), 3u);
    EXPECT_EQ(plan.rows[0].unit_code, "");
    EXPECT_EQ(plan.rows[0].note, "City of London Police");
    EXPECT_EQ(plan.rows[1].note, "");  // a note only for rows left out
    EXPECT_EQ(plan.rows[2].unit_code, "");
    ASSERT_EQ(plan.units.size(), 1u);  // "-" is not a command unit
    EXPECT_EQ(plan.units[0].code, "EA");
}

TEST(Plan, MissingKeyColumnListsTheHeader) {
    const std::string message = plan_error("borough,unit_code\nE09000002,EA\n");
    EXPECT_THAT(message, HasSubstr("no column for the unit or parent code"));
    EXPECT_THAT(message, HasSubstr("borough, unit_code"));
    EXPECT_THAT(message, HasSubstr("--plan-key"));
}

TEST(Plan, MissingUnitColumnListsTheHeader) {
    const std::string message = plan_error("code,name\nE09000002,EA\n");
    EXPECT_THAT(message, HasSubstr("command unit code"));
    EXPECT_THAT(message, HasSubstr("code, name"));
}

TEST(Plan, SingleColumnHeaderHintsAtTheDelimiter) {
    EXPECT_THAT(plan_error("code:unit_code\nE09000002:EA\n"), HasSubstr("separated by something other"));
}

TEST(Plan, EmptyKeyIsRefusedWithItsLine) {
    EXPECT_THAT(plan_error("code,unit_code\nA,EA\n,NW\n"), HasSubstr("line 3"));
}

TEST(Plan, HeaderWithoutRowsIsRefused) {
    EXPECT_THAT(plan_error("code,unit_code\n"), HasSubstr("no rows"));
}

TEST(Plan, ReadsTheOnsLookupWithChosenColumns) {
    const Plan plan = geo::read_plan(wardmap_test::shared_data("gb/lad17-csp17-pfa17-lookup.csv"),
                                     PlanColumns{"LAD17CD", "PFA17CD", "PFA17NM", "", ""});
    EXPECT_EQ(plan.rows.size(), 348u);
    EXPECT_EQ(plan.units.size(), 43u);  // E23000001-39 and W15000001-4
    ASSERT_NE(plan.unit("E23000034"), nullptr);
    EXPECT_THAT(plan.unit("E23000034")->name, HasSubstr("London"));
}

TEST(Plan, ReadsTheSixOnsCodeChanges) {
    const geo::CodeChanges changes =
        geo::read_code_changes(wardmap_test::shared_data("gb/lad-code-changes-2011-2013.csv"));
    EXPECT_EQ(changes.size(), 6u);
    EXPECT_THAT(changes, testing::Contains(Pair("E06000048", "E06000057")));  // Northumberland
    EXPECT_THAT(changes, testing::Contains(Pair("E07000100", "E07000240")));  // St Albans
}

TEST(Plan, CodeChangesNeedOldAndNewColumns) {
    wardmap_test::TempDir dir;
    const auto path = dir.path() / "changes.csv";
    wardmap_test::write_text(path, "from_code,to_code\nA,B\n");
    try {
        geo::read_code_changes(path.string());
        FAIL() << "a table without old_code/new_code was accepted";
    } catch (const InputError& e) {
        EXPECT_THAT(e.what(), HasSubstr("from_code, to_code"));
    }
}
