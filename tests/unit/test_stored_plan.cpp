// geo/store/stored_plan: a plan file's text as loaded from or saved to the store.
#include "geo/store/stored_plan.h"

#include <gtest/gtest.h>

TEST(StoredPlan, OnlyTheVersionLineChanges) {
    const std::string text = "# comment\nname = \"x\"\nversion = 3\nauthor = \"a\"\n[assignment]\nE05000026 = \"EA\"  # Abbey\n";
    EXPECT_EQ(geo::store::with_version(text, 12),
              "# comment\nname = \"x\"\nversion = 12\nauthor = \"a\"\n[assignment]\nE05000026 = \"EA\"  # Abbey\n");
    EXPECT_EQ(geo::store::with_version("version = 1\nname = \"x\"\n", 2), "version = 2\nname = \"x\"\n");
    EXPECT_EQ(geo::store::with_version("name = \"x\"\n", 4), "version = 4\nname = \"x\"\n");
}
