#include "geo/core/name_pattern.h"

#include <gtest/gtest.h>

using geo::name_matches;

TEST(NamePattern, DigitsStandForOneDigitEach) {
    EXPECT_TRUE(name_matches("WD13CD", "WD##CD"));
    EXPECT_TRUE(name_matches("wd22cd", "WD##CD"));  // ONS 2022 files are lower case
    EXPECT_FALSE(name_matches("WD1CD", "WD##CD"));
    EXPECT_FALSE(name_matches("WD133CD", "WD##CD"));
    EXPECT_FALSE(name_matches("WDXXCD", "WD##CD"));
}

TEST(NamePattern, StarIsOneOrMoreLetters) {
    EXPECT_TRUE(name_matches("LSOA11CD", "*##CD"));
    EXPECT_TRUE(name_matches("OA11CD", "*##CD"));
    EXPECT_FALSE(name_matches("11CD", "*##CD"));
    EXPECT_FALSE(name_matches("LSOA11NM", "*##CD"));
}

TEST(NamePattern, WholeNamesOnly) {
    EXPECT_FALSE(name_matches("GSS_CODE_OLD", "GSS_CODE"));
    EXPECT_FALSE(name_matches("X_GSS_CODE", "GSS_CODE"));
    EXPECT_TRUE(name_matches("gss_code", "GSS_CODE"));
    EXPECT_FALSE(name_matches("", "CODE"));
}
