// geo/planner/plan_version: versions, sign-off, a new draft from a signed plan, and a line changed
// after sign-off found on reading. Plan files as text: no boundaries needed.
#include "geo/core/errors.h"
#include "geo/planner/plan_file.h"
#include "geo/planner/plan_version.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using testing::HasSubstr;

geo::PlanFile small_plan() {
    geo::PlanFile plan;
    plan.name = "test plan";
    plan.boundary_fingerprint = "fnv1a64:0000000000000001";
    plan.boundary_wards = 3;
    plan.units = {{"EA", "East", "#112233", "", false}, {"CN", "Central North", "", "", false}};
    plan.assignment = {{"E05000026", "EA"}, {"E05000027", "EA"}, {"E05000028", "CN"}};
    return plan;
}

// The text of a plan with one assignment line changed by hand.
std::string changed_line(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return text.replace(at, from.size(), to);
}

TEST(PlanVersion, SignOffRecordsWhoWhenAndTheContent) {
    const geo::PlanFile signed_off = geo::sign_off(small_plan(), "Ch Supt Smith", "2026-12-07T01:00:00Z", "fnv1a64:00000000000000ff");
    ASSERT_EQ(signed_off.versions.size(), 1u);
    const geo::PlanVersion& v = signed_off.versions[0];
    EXPECT_EQ(v.status, "signed-off");
    EXPECT_EQ(v.signed_by, "Ch Supt Smith");
    EXPECT_EQ(v.content, geo::content_checksum(small_plan()));
    EXPECT_EQ(signed_off.status, "signed-off");  // the top-level fields follow, for older readers
    // Written and read back: the same record, and unchanged since.
    const geo::PlanFile back = geo::parse_plan_file(geo::format_plan_file(signed_off), "p.wardplan");
    ASSERT_EQ(back.versions.size(), 1u);
    EXPECT_EQ(back.versions[0].signed_by, "Ch Supt Smith");
    EXPECT_EQ(back.versions[0].boundary_checksum, "fnv1a64:00000000000000ff");
    EXPECT_TRUE(geo::check_integrity(back).signed_off);
    EXPECT_FALSE(geo::check_integrity(back).changed);
    EXPECT_THROW(geo::sign_off(back, "again", "t", ""), geo::InputError);  // signed once
}

TEST(PlanVersion, ALineChangedAfterSignOffIsFound) {
    const std::string text = geo::format_plan_file(geo::sign_off(small_plan(), "Smith", "t", ""));
    const std::string tampered = changed_line(text, "E05000026 = \"EA\"", "E05000026 = \"CN\"");
    const geo::Integrity integrity = geo::check_integrity(geo::parse_plan_file(tampered, "p.wardplan"));
    EXPECT_TRUE(integrity.changed);
    EXPECT_THAT(integrity.message(), HasSubstr("a line has been changed since it was signed"));
    // Comments and blank lines are not content.
    EXPECT_FALSE(geo::check_integrity(geo::parse_plan_file("# a note\n\n" + text, "p.wardplan")).changed);
    // Nor is a unit renamed: it is.
    EXPECT_TRUE(geo::check_integrity(geo::parse_plan_file(changed_line(text, "\"Central North\"", "\"Central Nth\""), "p.wardplan")).changed);
}

TEST(PlanVersion, AnEditOfASignedPlanIsANewDraftWhoseParentIsTheSignedOne) {
    const geo::PlanFile signed_off = geo::sign_off(small_plan(), "Smith", "t1", "");
    geo::PlanFile edited = signed_off;
    edited.assignment[0].second = "CN";
    const geo::PlanFile saved = geo::record_save(edited, "Jones", "t2");
    ASSERT_EQ(saved.versions.size(), 2u);
    EXPECT_EQ(saved.versions[0].status, "signed-off");
    EXPECT_EQ(saved.versions[0].content, signed_off.versions[0].content);  // the signed record is kept as it was
    EXPECT_EQ(saved.versions[1].version, 2);
    EXPECT_EQ(saved.versions[1].status, "draft");
    EXPECT_EQ(saved.versions[1].author, "Jones");
    EXPECT_EQ(saved.versions[1].parent, signed_off.versions[0].content);
    EXPECT_EQ(saved.versions[1].content, geo::content_checksum(edited));
    EXPECT_FALSE(geo::check_integrity(saved).signed_off);
    // Saved again after another edit: still version 2, its content follows.
    geo::PlanFile again = saved;
    again.assignment[1].second = "CN";
    const geo::PlanFile resaved = geo::record_save(again, "", "t3");
    ASSERT_EQ(resaved.versions.size(), 2u);
    EXPECT_EQ(resaved.versions[1].content, geo::content_checksum(again));
    EXPECT_EQ(resaved.versions[1].time, "t3");
}

TEST(PlanVersion, OlderFilesReadAsBeforeAndDraftsKeepNoHistory) {
    const std::string old = "name = \"old\"\nversion = 4\nauthor = \"A\"\nstatus = \"draft\"\n[boundaries]\npath = \"w.gpkg\"\nwards = 1\n"
                            "fingerprint = \"fnv1a64:0000000000000001\"\n[[command_units]]\ncode = \"EA\"\nname = \"East\"\n"
                            "[assignment]\nE05000026 = \"EA\"\n";
    const geo::PlanFile plan = geo::parse_plan_file(old, "old.wardplan");
    EXPECT_TRUE(plan.versions.empty());
    EXPECT_EQ(geo::current_version(plan).version, 4);
    EXPECT_TRUE(geo::record_save(plan, "B", "t").versions.empty());
    EXPECT_EQ(geo::format_plan_file(geo::record_save(plan, "B", "t")), geo::format_plan_file(plan));
    const geo::PlanFile proposed = geo::propose(plan, "B", "t", "");
    ASSERT_EQ(proposed.versions.size(), 1u);
    EXPECT_EQ(proposed.versions[0].version, 4);
    EXPECT_EQ(proposed.versions[0].status, "proposed");
}

TEST(PlanVersion, AnUnknownStatusIsRefusedWithItsLine) {
    try {
        geo::parse_plan_file("name = \"x\"\n[[versions]]\nversion = 1\nstatus = \"approved\"\n", "x.wardplan");
        FAIL() << "read";
    } catch (const geo::InputError& error) {
        EXPECT_THAT(error.what(), HasSubstr("status approved is not draft, proposed or signed-off"));
    }
}

}  // namespace
