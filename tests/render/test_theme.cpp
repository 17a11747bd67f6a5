// render/style/theme: the counts and legend details every theme (and each atlas legend) is given.
#include "render/style/theme.h"

#include <gtest/gtest.h>

TEST(ThemeCounts, OneWardIsSingular) {
    // The phase atlas built its legend details by hand and said "1 wards".
    render::Theme theme;
    theme.entries = {{"Live", "", {}, 0}, {"Not yet live", "", {}, 0}};
    theme.class_of_unit = {0, 1, 1, -1, 1};
    render::count_classes(theme);
    EXPECT_EQ(theme.entries[0].count, 1u);
    EXPECT_EQ(theme.entries[0].detail, "1 ward");
    EXPECT_EQ(theme.entries[1].count, 3u);
    EXPECT_EQ(theme.entries[1].detail, "3 wards");
    EXPECT_EQ(theme.unclassed, 1u);
}

TEST(ThemeCounts, DatedPhasesAreDistinctAndInTimeOrder) {
    geo::Grouping grouping;
    grouping.groups = {{"E", "East", "", "2017-01"}, {"S", "South", "", "2018-06"}, {"N", "North", "", ""},
                       {"CN", "Central North", "", "2017-01"}, {"W", "West", "", "2018-02"}};
    EXPECT_EQ(render::dated_phases(grouping), (std::vector<std::string>{"2017-01", "2018-02", "2018-06"}));
}
