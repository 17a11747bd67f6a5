// Officer rules and allocation: fixed posts per ward, leadership per command unit, pools that add
// up exactly and follow the data, the establishment checked.
#include "test_officers_support.h"

#include "geo/attributes/join.h"
#include "geo/core/errors.h"
#include "geo/officers/allocation.h"
#include "geo/officers/apportion.h"

#include <gmock/gmock.h>

#include <numeric>

using namespace wardmap_test;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

namespace {

int sum(const std::vector<int>& posts) { return std::accumulate(posts.begin(), posts.end(), 0); }

TEST(OfficersApportion, AddsUpExactlyAndFollowsTheWeights) {
    EXPECT_THAT(geo::apportion(488, {3, 1}), ElementsAre(366, 122));
    // 100 over thirds: 33.33 each, the one left over to the first of the tied remainders.
    EXPECT_THAT(geo::apportion(100, {1, 1, 1}), ElementsAre(34, 33, 33));
    // Largest remainder, not the first: quotas 1.4, 2.6, 6.0 -> 1, 3, 6.
    EXPECT_THAT(geo::apportion(10, {14, 26, 60}), ElementsAre(1, 3, 6));
    const std::vector<int> uneven = geo::apportion(488, {0.31, 0.17, 0.05, 0.29, 0.18});
    EXPECT_EQ(sum(uneven), 488);
}

TEST(OfficersApportion, MinimumsComeFirst) {
    EXPECT_THAT(geo::apportion(100, {1, 0, 0}, 20), ElementsAre(60, 20, 20));
    EXPECT_THAT(geo::apportion(9, {0, 0, 0}), ElementsAre(3, 3, 3));  // no weight at all: equal
    EXPECT_THROW(geo::apportion(50, {1, 1, 1}, 20), std::invalid_argument);
}

TEST(OfficersRules, DefaultsAndOverrides) {
    const geo::OfficerRules rules = geo::parse_rules(R"(
establishment = 100
[ward.by_borough.E09000002]
dwo = 3
[ward.by_code.E05000026]
pcso = 4
[[pool]]
name = "Response"
posts = 10
weight = { crime = 0.75, equal = 0.25 }
)", "rules.toml");
    EXPECT_EQ(rules.posts_for("E05000999", "E09000007").dwo, 2);
    EXPECT_EQ(rules.posts_for("E05000999", "E09000007").pcso, 1);
    EXPECT_EQ(rules.posts_for("E05000027", "E09000002").dwo, 3);
    EXPECT_EQ(rules.posts_for("E05000026", "E09000002").pcso, 4);
    EXPECT_EQ(rules.posts_for("E05000026", "E09000002").dwo, 2);  // a ward override starts from the defaults
    EXPECT_EQ(rules.leadership.superintendents, 5);
    ASSERT_EQ(rules.pools.size(), 1u);
    EXPECT_EQ(rules.measures_used(), (std::vector<std::string>{"crime", "equal"}));
}

TEST(OfficersRules, MistakesAreNamed) {
    auto message = [](const std::string& text) {
        try {
            geo::parse_rules(text, "rules.toml");
        } catch (const geo::InputError& error) {
            return std::string(error.what());
        }
        return std::string("no error");
    };
    EXPECT_THAT(message("[ward]\ndwos = 2\n"), HasSubstr("ward.dwos: unknown key"));
    EXPECT_THAT(message("[[pool]]\nname = \"R\"\nposts = 5\nweight = \"calls\"\n"), HasSubstr("unknown measure 'calls'"));
    EXPECT_THAT(message("[[pool]]\nname = \"R\"\nposts = 5\nweight = { crime = 0.5, area = 0.4 }\n"), HasSubstr("add up to 0.9"));
    EXPECT_THAT(message("[ward]\ndwo = -1\n"), HasSubstr("ward.dwo"));
    EXPECT_THAT(message("establishment = \n"), HasSubstr("line 1"));
}

// Five wards in two command units: A (3 wards) and B (2 wards).
struct Small {
    geo::WardSet wards = row_of_wards({{"W1", "One", "B1", "Borough 1"}, {"W2", "Two", "B1", "Borough 1"}, {"W3", "Three", "B1", "Borough 1"},
                                       {"W4", "Four", "B2", "Borough 2"}, {"W5", "Five", "B2", "Borough 2"}});
    geo::Grouping grouping{{{"A", "Unit A", "", ""}, {"B", "Unit B", "", ""}}, {0, 0, 0, 1, 1}};
};

TEST(OfficersAllocate, WardPostsLeadershipAndPoolsFromTheData) {
    const Small small;
    const geo::OfficerRules rules = geo::parse_rules(R"(
establishment = 100
[[pool]]
name = "Response"
posts = 101
weight = "crime"
[[pool]]
name = "Safeguarding"
posts = 488
weight = "equal"
)", "rules.toml");
    const geo::Measure crime{"crime", "test", {10.0, 20.0, 30.0, 40.0, 100.0}};  // A 60, B 140
    const geo::Allocation allocation = geo::allocate(small.wards, small.grouping, rules, {crime});
    ASSERT_EQ(allocation.units.size(), 2u);
    EXPECT_EQ(allocation.units[0].dwo, 2 * 3);
    EXPECT_EQ(allocation.units[1].dwo, 2 * 2);
    EXPECT_EQ(allocation.pcsos, 5);
    EXPECT_EQ(allocation.leadership, 2 * 6);
    EXPECT_THAT(allocation.units[0].pool_posts, ElementsAre(30, 244));  // 101 x 0.3 = 30.3
    EXPECT_THAT(allocation.units[1].pool_posts, ElementsAre(71, 244));  // 101 x 0.7 = 70.7
    EXPECT_EQ(allocation.officers, 10 + 12 + 101 + 488);
    ASSERT_TRUE(allocation.surplus());
    EXPECT_EQ(*allocation.surplus(), 100 - 611);  // a shortfall
}

TEST(OfficersAllocate, MinimumsPerCommandUnit) {
    const Small small;
    const geo::OfficerRules rules = geo::parse_rules(R"(
[[pool]]
name = "Response"
posts = 100
weight = "crime"
minimum = 5
minimums = { B = 40 }
)", "rules.toml");
    const geo::Measure crime{"crime", "test", {100.0, 100.0, 100.0, 0.0, 0.0}};  // all the crime in A
    const geo::Allocation allocation = geo::allocate(small.wards, small.grouping, rules, {crime});
    EXPECT_THAT(allocation.units[0].pool_posts, ElementsAre(60));
    EXPECT_THAT(allocation.units[1].pool_posts, ElementsAre(40));
    const geo::OfficerRules unknown = geo::parse_rules("[[pool]]\nname = \"R\"\nposts = 10\nminimums = { ZZ = 1 }\n", "rules.toml");
    EXPECT_THAT([&] { geo::allocate(small.wards, small.grouping, unknown, {}); },
                ::testing::ThrowsMessage<geo::InputError>(HasSubstr("no command unit ZZ in the plan")));
    const geo::OfficerRules too_many = geo::parse_rules("[[pool]]\nname = \"R\"\nposts = 10\nminimum = 6\n", "rules.toml");
    EXPECT_THAT([&] { geo::allocate(small.wards, small.grouping, too_many, {}); },
                ::testing::ThrowsMessage<geo::InputError>(HasSubstr("add up to 12, more than its 10 posts")));
}

TEST(OfficersAllocate, MissingValuesAreReportedAndAMissingMeasureRefused) {
    const Small small;
    const geo::OfficerRules rules = geo::parse_rules("[[pool]]\nname = \"P\"\nposts = 10\nweight = \"population\"\n", "rules.toml");
    const geo::Measure population{"population", "test", {100.0, std::nullopt, 100.0, 100.0, 100.0}};
    const geo::Allocation allocation = geo::allocate(small.wards, small.grouping, rules, {population});
    ASSERT_EQ(allocation.findings.size(), 1u);
    EXPECT_EQ(allocation.findings[0].kind, geo::FindingKind::missing_value);
    EXPECT_THAT(allocation.findings[0].message, HasSubstr("1 ward(s) have no value"));
    EXPECT_THAT(allocation.findings[0].message, HasSubstr("W2 Two"));
    EXPECT_EQ(allocation.findings[0].codes, std::vector<std::string>{"W2"});
    EXPECT_THAT(allocation.units[0].pool_posts, ElementsAre(5));
    EXPECT_THAT([&] { geo::allocate(small.wards, small.grouping, rules, {}); },
                ::testing::ThrowsMessage<geo::InputError>(HasSubstr("weights by population but no population figures")));
}

TEST(OfficersAllocate, Bundled2018RulesOnThe2014Wards) {
    const auto& london = london_2014();
    const geo::OfficerRules rules = geo::read_rules(source_dir("datasets/officers/mps-2018.toml"));
    const geo::WardValues crime = geo::read_crime(shared_data("london/mps-ward-crime-2017-03-to-2019-02.csv"));
    const geo::WardValues profiles = geo::read_ward_column(shared_data("london/ward-profiles-2015.csv"), {"", "Population - 2015", ""});
    const std::vector<geo::Measure> measures{
        {"crime", crime.measure, geo::join_by_code(london.wards, london.grouping, crime).value_of_unit},
        {"population", profiles.measure, geo::join_by_code(london.wards, london.grouping, profiles).value_of_unit}};
    const geo::Allocation allocation = geo::allocate(london.wards, london.grouping, rules, measures);
    EXPECT_EQ(allocation.dwo, 1258);  // 2 x 629 wards, as promised in December 2017
    EXPECT_EQ(allocation.pcsos, 629);
    EXPECT_EQ(allocation.leadership, 72);  // 12 x (1 + 5)
    for (std::size_t p = 0; p < allocation.pools.size(); ++p) {
        int posts = 0;
        for (const auto& unit : allocation.units) posts += unit.pool_posts[p];
        EXPECT_EQ(posts, allocation.pool_sizes[p]) << allocation.pools[p];
    }
    EXPECT_EQ(allocation.officers, 1258 + 72 + 442 + 488);
    EXPECT_EQ(*allocation.surplus(), 30136 - allocation.officers);
    // Central West (Westminster) has more recorded crime than East: more demand-led posts.
    const auto& west_end = allocation.units[group_index(london.grouping, "AW")];
    const auto& east = allocation.units[group_index(london.grouping, "EA")];
    EXPECT_GT(west_end.pool_posts[0], east.pool_posts[0]);
    ASSERT_EQ(allocation.findings.size(), 1u);  // population: the 59 wards the profiles do not have
    EXPECT_THAT(allocation.findings[0].message, HasSubstr("population: 59 ward(s)"));
    EXPECT_EQ(allocation.findings[0].codes.size(), 59u);
}

}  // namespace
