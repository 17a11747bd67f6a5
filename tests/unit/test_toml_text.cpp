// geo/core/toml_text: every TOML file (officer rules, plan files) is checked before toml++ sees it,
// and every number is range-checked and named with its file, key and line when refused.
// Under the ASan+UBSan build toml++ is compiled in with its assertions on, so an input reaching
// its undefined behaviour fails there instead of being refused by luck.
#include "geo/core/errors.h"
#include "geo/officers/rules.h"
#include "geo/planner/plan_file.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using ::testing::HasSubstr;

template <typename Read>
std::string message_of(Read read) {
    try {
        read();
    } catch (const geo::InputError& error) {
        return error.what();
    }
    return "no error";
}

std::string rules_message(const std::string& text) {
    return message_of([&] { geo::parse_rules(text, "rules.toml"); });
}

TEST(TomlText, OfficerCountsOutOfRangeAreRefusedWithFileKeyAndLine) {
    // 4294967298 was read as 2 (cut to 32 bits); 2147483647 DWOs per ward summed to a negative force.
    EXPECT_THAT(rules_message("# rules\n[ward]\ndwo = 4294967298\n"),
                HasSubstr("rules.toml: ward.dwo (line 3): 4294967298 is out of range: expected a whole number from 0 to 1000"));
    EXPECT_THAT(rules_message("[ward]\ndwo = 2147483647\n"), HasSubstr("rules.toml: ward.dwo (line 2): 2147483647 is out of range"));
    EXPECT_THAT(rules_message("[ward]\npcso = -1\n"), HasSubstr("rules.toml: ward.pcso (line 2): -1 is out of range"));
    EXPECT_THAT(rules_message("[ward.by_code.E05000026]\ndwo = 1001\n"),
                HasSubstr("rules.toml: ward.by_code.E05000026.dwo (line 2): 1001 is out of range"));
    EXPECT_THAT(rules_message("establishment = 9999999999\n"), HasSubstr("rules.toml: establishment (line 1): 9999999999 is out of range"));
    EXPECT_THAT(rules_message("[[pool]]\nname = \"R\"\nposts = 3000000000\n"), HasSubstr("rules.toml: pool R.posts (line 3)"));
    EXPECT_THAT(rules_message("[[pool]]\nname = \"R\"\nposts = 10\nminimums = { CW = 4294967296 }\n"),
                HasSubstr("rules.toml: pool R.minimums.CW (line 4)"));
    EXPECT_THAT(rules_message("[ward]\ndwo = 2.5\n"), HasSubstr("rules.toml: ward.dwo (line 2): 2.5 is not allowed"));
    EXPECT_THAT(rules_message("[ward]\ndwo = \"2\"\n"), HasSubstr("rules.toml: ward.dwo (line 2): expected a whole number"));
}

TEST(TomlText, OfficerCountsInRangeAreReadAsWritten) {
    const geo::OfficerRules rules = geo::parse_rules("[ward]\ndwo = 1000\npcso = 0\n[[pool]]\nname = \"R\"\nposts = 1000000\n", "rules.toml");
    EXPECT_EQ(rules.ward.dwo, 1000);
    EXPECT_EQ(rules.ward.pcso, 0);
    ASSERT_EQ(rules.pools.size(), 1u);
    EXPECT_EQ(rules.pools[0].posts, 1000000);
}

TEST(TomlText, PoolsAddingUpPastAnyForceAreRefused) {
    std::string text;
    for (int i = 0; i < 3; ++i) text += "[[pool]]\nname = \"P" + std::to_string(i) + "\"\nposts = 600000\n";
    EXPECT_THAT(rules_message(text), HasSubstr("pool P1.posts: the pools add up to 1200000 posts, more than 1000000"));
}

TEST(TomlText, WeightSharesMustBeFiniteFromZeroToOne) {
    // A NaN share passed the old "< 0" check, and the NaN weights then stopped the CLI with exit 1
    // and no file named.
    const std::string pool = "[[pool]]\nname = \"R\"\nposts = 5\n";
    EXPECT_THAT(rules_message(pool + "weight = { crime = nan, population = 1 }\n"),
                HasSubstr("rules.toml: pool R.weight.crime (line 4): nan is not allowed: expected a number from 0 to 1"));
    EXPECT_THAT(rules_message(pool + "weight = { crime = inf }\n"), HasSubstr("pool R.weight.crime (line 4): inf is not allowed"));
    EXPECT_THAT(rules_message(pool + "weight = { crime = -0.5, population = 1.5 }\n"), HasSubstr("pool R.weight.crime (line 4): -0.5 is not allowed"));
    const geo::OfficerRules rules = geo::parse_rules(pool + "weight = { crime = 1, population = 0 }\n", "rules.toml");
    ASSERT_EQ(rules.pools[0].weight.size(), 2u);
    EXPECT_EQ(rules.pools[0].weight[0].measure, "crime");
    EXPECT_DOUBLE_EQ(rules.pools[0].weight[0].share, 1.0);
}

TEST(TomlText, InputsReachingTomlPlusPlusUndefinedBehaviourAreRefusedFirst) {
    // toml++ 3.3.0 asserts (or, built without checks, assumes) a key after "[", and reaches
    // __builtin_unreachable() classifying a letter such as é outside quotes.
    EXPECT_THAT(rules_message("[\n"), HasSubstr("rules.toml: line 1: a table header with no name"));
    EXPECT_THAT(rules_message("establishment = 1\n[[ \n"), HasSubstr("rules.toml: line 2: a table header with no name"));
    EXPECT_THAT(rules_message("establishment = 1\n\xC3\xA9\n"), HasSubstr("rules.toml: line 2: '\xC3\xA9' outside quotes"));
    EXPECT_THAT(rules_message("\xC3\xA9"), HasSubstr("rules.toml: line 1: '\xC3\xA9' outside quotes"));
    EXPECT_THAT(rules_message("a = \"\xC3\x28\"\n"), HasSubstr("rules.toml: line 1: the file is not UTF-8 text"));
    // Found by fuzz_rules_toml (tests/fuzz/corpus/fuzz_rules_toml/ub-*): each asserts or reaches
    // __builtin_unreachable() in toml++ 3.3.0.
    EXPECT_THAT(rules_message("a = [ [ }\n"), HasSubstr("rules.toml: line 1: '}' closes a '['"));
    EXPECT_THAT(rules_message("a = 01'x\xC3\xA9'\n"), HasSubstr("rules.toml: line 1: '\xC3\xA9' outside quotes"));
    EXPECT_THAT(rules_message("a = \"\"\"x\\\xC3\xBC\"\"\"\n"), HasSubstr("rules.toml: line 1: a backslash before a character it cannot escape"));
    EXPECT_THAT(rules_message("a = \"\"\"x\\\n\t\xEF\xB9\xBF\"\"\"\n"),
                HasSubstr("rules.toml: line 1: a line-ending backslash before a line that starts with a letter other than A-Z"));
    EXPECT_THAT(rules_message("d = 1979-05-27 0\n"), HasSubstr("rules.toml: line 1: a time of one digit after a date"));
    // Found by fuzz_plan_file (tests/fuzz/corpus/fuzz_plan_file/ub-date-with-underscores-one-digit-time.wardplan):
    // the parser leaves the underscores out when it looks for a date, and asserts on the time.
    EXPECT_THAT(rules_message("d = 7____________///-13-27 0\n"), HasSubstr("rules.toml: line 1: a time of one digit after a date"));
    // Found by fuzz_rules_toml (ub-comment-in-array.toml): after a comment in an array the next
    // line's value is a bare value, quote and all, and the parser tests the letter after it.
    EXPECT_THAT(rules_message("a=[#\n1'\xC3\xA9"), HasSubstr("rules.toml: line 2: '\xC3\xA9' outside quotes"));
    EXPECT_THAT(rules_message("a = \"x\x01\"\n"), HasSubstr("rules.toml: line 1: a control character (byte 0x01)"));
    EXPECT_THAT(message_of([] { geo::parse_plan_file("name = \"x\"\n[\n", "p.wardplan"); }),
                HasSubstr("p.wardplan: line 2: a table header with no name"));
    EXPECT_THAT(message_of([] { geo::parse_plan_file("name = \"x\"\n\xC3\xA9 = 1\n", "p.wardplan"); }),
                HasSubstr("p.wardplan: line 2: '\xC3\xA9' outside quotes"));
}

TEST(TomlText, LettersInQuotesAndCommentsAndArraysOfArraysStillRead) {
    const geo::PlanFile plan = geo::parse_plan_file(
        "\xEF\xBB\xBF# Müller\nname = \"Plan é\"\nauthor = '''Zoë'''\n[[command_units]]\ncode = \"A\"\nname = \"\"\"Ynys Môn\"\"\"\n"
        "[assignment]\n\"W\xC3\xA9\" = \"A\"  # Gwynedd ŵ\n",
        "p.wardplan");
    EXPECT_EQ(plan.name, "Plan \xC3\xA9");
    EXPECT_EQ(plan.author, "Zo\xC3\xAB");
    ASSERT_EQ(plan.units.size(), 1u);
    EXPECT_EQ(plan.units[0].name, "Ynys M\xC3\xB4n");
    ASSERT_EQ(plan.assignment.size(), 1u);
    EXPECT_EQ(plan.assignment[0].first, "W\xC3\xA9");
}

TEST(TomlText, PlanFileNumbersAreRangeChecked) {
    EXPECT_THAT(message_of([] { geo::parse_plan_file("version = 4294967298\n", "p.wardplan"); }),
                HasSubstr("p.wardplan: version (line 1): 4294967298 is out of range"));
    EXPECT_THAT(message_of([] { geo::parse_plan_file("[boundaries]\nwards = -1\n", "p.wardplan"); }),
                HasSubstr("p.wardplan: boundaries.wards (line 2): -1 is out of range"));
    EXPECT_THAT(message_of([] { geo::parse_plan_file("[boundaries]\nwards = \"654\"\n", "p.wardplan"); }),
                HasSubstr("p.wardplan: boundaries.wards (line 2): expected a whole number"));
}

}  // namespace
