// Ward tables joined to the 2014 wards by code: what matches, what does not, and the name fallback.
// Expected counts were worked out apart from wardmap (Python's csv module on the same files) and
// agree with ../shared/data/README.md.
#include "test_officers_support.h"

#include "geo/attributes/join.h"
#include "geo/officers/measure_tables.h"
#include "geo/core/errors.h"

#include <gmock/gmock.h>

using namespace wardmap_test;
using ::testing::HasSubstr;

namespace {

std::vector<std::string> codes_of(const geo::WardSet& set, const std::vector<std::size_t>& units) {
    std::vector<std::string> codes;
    for (std::size_t u : units) codes.push_back(set.units[u].code);
    return codes;
}

TEST(AttributesJoin, Crime2014MatchesAll629Wards) {
    const auto& london = london_2014();
    const geo::WardValues crime = geo::read_crime(shared_data("london/mps-ward-crime-2017-03-to-2019-02.csv"));
    const geo::JoinResult join = geo::join_by_code(london.wards, london.grouping, crime);
    EXPECT_EQ(join.considered, 629u);
    EXPECT_EQ(join.by_code, 629u);
    EXPECT_TRUE(join.unmatched_units.empty());
    EXPECT_TRUE(join.unmatched_codes.empty());
    EXPECT_EQ(join.non_ward_rows, 0u);
    double total = 0;
    for (const auto& value : join.value_of_unit) total += value.value_or(0);
    EXPECT_DOUBLE_EQ(total, 1657256.0);  // every count of the file, 24 months x all categories
}

TEST(AttributesJoin, Crime2022AgainstThe2014WardsReportsWhatDidNotMatch) {
    const auto& london = london_2014();
    const geo::WardValues crime = geo::read_crime(shared_data("london/mps-ward-crime-2024-03-to-2026-03.csv"));
    const geo::JoinResult join = geo::join_by_code(london.wards, london.grouping, crime);
    EXPECT_EQ(join.by_code, 59u);
    EXPECT_EQ(join.unmatched_units.size(), 570u);
    EXPECT_EQ(join.unmatched_codes.size(), 620u);  // 679 wards of 2022, 59 matched
    EXPECT_EQ(join.by_code + join.unmatched_units.size(), join.considered);
    for (std::size_t u : join.unmatched_units) EXPECT_FALSE(join.value_of_unit[u]) << london.wards.units[u].where();
}

TEST(AttributesJoin, ProfilesReportThe59WardsOf2014ThatChangedCode) {
    const auto& london = london_2014();
    const geo::WardValues population =
        geo::read_ward_column(shared_data("london/ward-profiles-2015.csv"), {"", "Population - 2015", "Ward name"});
    const geo::JoinResult join = geo::join_by_code(london.wards, london.grouping, population);
    EXPECT_EQ(join.by_code, 570u);
    const auto missing = codes_of(london.wards, join.unmatched_units);
    ASSERT_EQ(missing.size(), 59u);
    // Tower Hamlets' 20 new wards (E05009317-36) and Kensington and Chelsea's 18 among them.
    EXPECT_THAT(missing, ::testing::Contains("E05009317"));
    EXPECT_THAT(missing, ::testing::Contains("E05009392"));
    EXPECT_EQ(join.unmatched_codes.size(), 54u);  // wards of 2002-2014 no 2014 ward took
    EXPECT_EQ(join.non_ward_rows, 36u);           // the City, 32 boroughs, inner/outer London, London, England
}

TEST(AttributesJoin, NameFallbackIsCountedApartAndLeavesTheRestReported) {
    const auto& london = london_2014();
    const geo::WardValues population =
        geo::read_ward_column(shared_data("london/ward-profiles-2015.csv"), {"", "Population - 2015", "Ward name"});
    const geo::JoinResult join = geo::join_by_code(london.wards, london.grouping, population, geo::JoinFallback::name_and_borough);
    EXPECT_EQ(join.by_code, 570u);
    EXPECT_EQ(join.by_fallback.size(), 33u);
    EXPECT_EQ(join.unmatched_units.size(), 26u);
    EXPECT_EQ(join.unmatched_codes.size(), 21u);
    for (const auto& match : join.by_fallback) EXPECT_TRUE(join.value_of_unit[match.unit]);
}

TEST(AttributesJoin, BoroughTotalsSharedAmongTheWardsLeft) {
    const auto& london = london_2014();
    const geo::WardValues population =
        geo::read_ward_column(shared_data("london/ward-profiles-2015.csv"), {"", "Population - 2015", "Ward name"});
    geo::JoinResult join = geo::join_by_code(london.wards, london.grouping, population, geo::JoinFallback::name_and_borough);
    EXPECT_EQ(geo::fill_from_borough_totals(london.wards, population, join), 26u);
    EXPECT_TRUE(join.unmatched_units.empty());
    // Tower Hamlets (E09000030): none of its 20 wards of 2014 is in the profiles; each gets a
    // twentieth of the borough's 2015 population, and the wards add up to the borough again.
    const auto borough = std::find_if(population.rows.begin(), population.rows.end(), [](const geo::WardValue& row) { return row.code == "E09000030"; });
    ASSERT_NE(borough, population.rows.end());
    double total = 0;
    for (std::size_t u = 0; u < london.wards.units.size(); ++u)
        if (london.wards.units[u].parent_code == "E09000030") total += join.value_of_unit[u].value();
    EXPECT_NEAR(total, borough->value, 1e-6);
}

TEST(AttributesJoin, PtaiMatchesEvery2014Ward) {
    const auto& london = london_2014();
    const geo::WardValues access = geo::read_ward_column(shared_data("london/ward-2014-ptai-2015.csv"), {"", "AvPTAI2015", ""});
    const geo::JoinResult join = geo::join_by_code(london.wards, london.grouping, access);
    EXPECT_EQ(join.by_code, 629u);
    EXPECT_EQ(join.non_ward_rows, 1u);  // the City merged, E09000001
}

TEST(AttributesCrime, MonthsAndCategoriesAreChosen) {
    const geo::CrimeSelection one_month{"201703", "201703", {"violence against the person"}};
    const geo::WardValues crime = geo::read_crime(shared_data("london/mps-ward-crime-2017-03-to-2019-02.csv"), one_month);
    const auto abbey = std::find_if(crime.rows.begin(), crime.rows.end(), [](const geo::WardValue& row) { return row.code == "E05000026"; });
    ASSERT_NE(abbey, crime.rows.end());
    EXPECT_DOUBLE_EQ(abbey->value, 56.0);
    EXPECT_EQ(crime.rows.size(), 629u);
    EXPECT_THAT(crime.measure, HasSubstr("201703-201703"));
}

TEST(AttributesCrime, UnknownMonthOrCategorySaysWhatTheFileHas) {
    const std::string path = shared_data("london/mps-ward-crime-2017-03-to-2019-02.csv");
    EXPECT_THAT([&] { geo::read_crime(path, {"201601", "", {}}); },
                ::testing::ThrowsMessage<geo::InputError>(HasSubstr("201703-201902")));
    EXPECT_THAT([&] { geo::read_crime(path, {"", "", {"Fraud"}}); },
                ::testing::ThrowsMessage<geo::InputError>(HasSubstr("Burglary")));
}

TEST(AttributesJoin, EmptyValuesAreListedNotZero) {
    TempDir dir;
    write_text(dir.path() / "t.csv", "Ward Code,Ward Name,value\nE05000001,A,3\nE05000002,B,\n");
    const geo::WardValues table = geo::read_ward_column((dir.path() / "t.csv").string(), {"", "value", ""});
    ASSERT_EQ(table.rows.size(), 1u);
    ASSERT_EQ(table.without_value.size(), 1u);
    EXPECT_THAT(table.without_value[0], HasSubstr("E05000002"));
}

}  // namespace

namespace {

TEST(AttributesJoin, Crime2022MatchesAll679WardsOf2022) {
    geo::LoadOptions options;
    options.sources = {shared_data("london/wards-2022-wgs84.geojson")};
    const geo::WardSet wards = geo::load_units(options);
    const geo::Grouping boroughs = geo::group_by_parent(wards);
    const geo::WardValues crime = geo::read_crime(shared_data("london/mps-ward-crime-2024-03-to-2026-03.csv"), {"202503", "202602", {}});
    const geo::JoinResult join = geo::join_by_code(wards, boroughs, crime);
    EXPECT_EQ(join.considered, 679u);
    EXPECT_EQ(join.by_code, 679u);
    EXPECT_TRUE(join.unmatched_units.empty());
    EXPECT_TRUE(join.unmatched_codes.empty());
}

// The 2015 profiles have the codes of 2014: on the 2022 wards not one row matches. Weighting by
// them would drop population from every share, so the join is refused and says why; with the name
// fallback 414 wards match and it goes ahead.
TEST(AttributesJoin, ATableMatchingNoWardIsRefused) {
    geo::LoadOptions options;
    options.sources = {shared_data("london/wards-2022-wgs84.geojson")};
    const geo::WardSet wards = geo::load_units(options);
    const geo::Grouping boroughs = geo::group_by_parent(wards);
    const geo::WardValues population =
        geo::read_ward_column(shared_data("london/ward-profiles-2015.csv"), {"", "Population - 2015", "Ward name"});
    try {
        geo::join_measure_tables(wards, boroughs, {{"population", population}});
        FAIL() << "a table matching none of the 679 wards was joined";
    } catch (const geo::InputError& error) {
        EXPECT_THAT(error.what(), HasSubstr("none of the 679 wards of the plan is in the table"));
        EXPECT_THAT(error.what(), HasSubstr("--population"));
    }
    const geo::JoinedMeasures by_name =
        geo::join_measure_tables(wards, boroughs, {{"population", population, geo::JoinFallback::name_and_borough}});
    ASSERT_EQ(by_name.joins.size(), 1u);
    EXPECT_EQ(by_name.joins[0].by_code, 0u);
    EXPECT_EQ(by_name.joins[0].by_fallback.size(), 414u);
}

}  // namespace
