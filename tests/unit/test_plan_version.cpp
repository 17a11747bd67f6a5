// geo/planner/plan_version and plan_at_version: versions, sign-off, a new draft from a signed plan,
// a line changed after sign-off found on reading; every version rebuilt from the wards each later
// version moved, files written before moves were kept still read, a history changed by hand found.
// Plan files as text: no boundaries needed.
#include "geo/core/errors.h"
#include "geo/planner/plan_at_version.h"
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
    const geo::PlanFile saved = geo::record_save(edited, signed_off, "Jones", "t2");
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
    const geo::PlanFile resaved = geo::record_save(again, saved, "", "t3");
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
    EXPECT_TRUE(geo::record_save(plan, plan, "B", "t").versions.empty());
    EXPECT_EQ(geo::format_plan_file(geo::record_save(plan, plan, "B", "t")), geo::format_plan_file(plan));
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

// Versions kept (plan_at_version.h).

geo::PlanFile moved(geo::PlanFile plan, const std::string& ward, const std::string& to) {
    for (auto& [code, unit] : plan.assignment)
        if (code == ward) unit = to;
    return plan;
}

geo::PlanFile read_back(const geo::PlanFile& plan) { return geo::parse_plan_file(geo::format_plan_file(plan), "p.wardplan"); }

// v1 signed off; v2 (a draft from it) moves Abbey to Central North, saved twice; v2 proposed; v3
// (a draft) renames a unit and moves E05000027.
geo::PlanFile three_versions() {
    const geo::PlanFile v1 = geo::sign_off(small_plan(), "Smith", "t1", "");
    const geo::PlanFile v2 = read_back(geo::record_save(moved(v1, "E05000026", "CN"), v1, "Jones", "t2"));
    const geo::PlanFile v2_again = read_back(geo::record_save(moved(v2, "E05000028", "-"), v2, "", "t3"));
    const geo::PlanFile v2_back = read_back(geo::record_save(moved(v2_again, "E05000028", "CN"), v2_again, "", "t4"));
    const geo::PlanFile proposed = read_back(geo::propose(v2_back, "Jones", "t5", ""));
    geo::PlanFile edited = moved(proposed, "E05000027", "CN");
    edited.units[1].name = "Central Nth";
    return read_back(geo::record_save(edited, proposed, "Brown", "t6"));
}

TEST(PlanAtVersion, EachVersionKeepsTheWardsMovedSinceItsParent) {
    const geo::PlanFile plan = three_versions();
    ASSERT_EQ(plan.versions.size(), 3u);
    EXPECT_FALSE(plan.versions[0].moves_kept);  // the first has no parent
    ASSERT_TRUE(plan.versions[1].moves_kept);
    // Saved three times as a draft: its moves follow its content, not each save's.
    EXPECT_EQ(plan.versions[1].moves, (std::vector<geo::WardMove>{{"E05000026", "EA", "CN"}}));
    EXPECT_EQ(plan.versions[2].moves, (std::vector<geo::WardMove>{{"E05000027", "EA", "CN"}}));
    ASSERT_TRUE(plan.versions[2].parent_units);  // the unit renamed since
    EXPECT_EQ((*plan.versions[2].parent_units)[1].name, "Central North");
    EXPECT_FALSE(plan.versions[1].parent_units);
    EXPECT_EQ(geo::check_history(plan), "");
}

TEST(PlanAtVersion, AnyVersionIsRebuiltToTheContentRecordedForIt) {
    const geo::PlanFile plan = three_versions();
    const geo::PlanFile v1 = geo::plan_at_version(plan, 1);
    EXPECT_EQ(v1.assignment, small_plan().assignment);
    EXPECT_EQ(geo::content_checksum(v1), plan.versions[0].content);
    EXPECT_EQ(v1.units[1].name, "Central North");
    EXPECT_EQ(v1.version, 1);
    EXPECT_EQ(v1.status, "signed-off");
    const geo::PlanFile v2 = geo::plan_at_version(plan, 2);
    EXPECT_EQ(v2.assignment, moved(small_plan(), "E05000026", "CN").assignment);
    EXPECT_EQ(geo::content_checksum(v2), plan.versions[1].content);
    EXPECT_EQ(geo::content_checksum(geo::plan_at_version(plan, 3)), geo::content_checksum(plan));
    try {
        geo::plan_at_version(plan, 7);
        FAIL() << "version 7 was rebuilt";
    } catch (const geo::InputError& error) {
        EXPECT_THAT(error.what(), HasSubstr("the plan has no version 7 (versions 1 to 3)"));
    }
}

// Each of a move's three fields changed by hand: where it came from (the version rebuilt is not the
// content recorded), which ward, where it went (not where the later version has the ward).
TEST(PlanAtVersion, AMoveChangedByHandInTheHistoryIsFound) {
    const std::string text = geo::format_plan_file(three_versions());
    const std::string line = "{ ward = \"E05000026\", from = \"EA\", to = \"CN\" }";
    ASSERT_NE(text.find(line), std::string::npos) << text;
    const auto with_move = [&](const std::string& move) {
        std::string tampered = text;
        return geo::parse_plan_file(tampered.replace(tampered.find(line), line.size(), move), "p.wardplan");
    };
    const geo::PlanFile from_changed = with_move("{ ward = \"E05000026\", from = \"-\", to = \"CN\" }");
    EXPECT_THAT(geo::check_history(from_changed), HasSubstr("version 1 rebuilt from the later versions' moves has content"));
    try {
        geo::plan_at_version(from_changed, 1);
        FAIL() << "a changed history was read as it was";
    } catch (const geo::InputError& error) {
        EXPECT_THAT(error.what(), HasSubstr("the history has been changed by hand"));
    }
    EXPECT_NO_THROW(geo::plan_at_version(from_changed, 2));  // the later versions are as recorded
    const geo::PlanFile ward_changed = with_move("{ ward = \"E05000027\", from = \"EA\", to = \"CN\" }");
    EXPECT_THAT(geo::check_history(ward_changed), HasSubstr("the history has been changed by hand"));
    EXPECT_THROW(geo::plan_at_version(ward_changed, 1), geo::InputError);
    // Undoing a move reads only where it came from: where it went is checked apart.
    const geo::PlanFile to_changed = with_move("{ ward = \"E05000026\", from = \"EA\", to = \"EA\" }");
    EXPECT_THAT(geo::check_history(to_changed), HasSubstr("version 2 records E05000026 moved to \"EA\", but the version has it in \"CN\""));
    EXPECT_THROW(geo::plan_at_version(to_changed, 1), geo::InputError);
}

TEST(PlanAtVersion, AFileWrittenBeforeMovesWereKeptStillReads) {
    // As `wardmap plan sign-off` and the planner wrote it before: no moves, no parent_units.
    const std::string old = "name = \"old\"\nversion = 2\nauthor = \"B\"\nstatus = \"draft\"\n"
                            "[[versions]]\nversion = 1\nstatus = \"signed-off\"\nauthor = \"A\"\nsigned_by = \"A\"\ntime = \"t\"\nparent = \"\"\n"
                            "content = \"fnv1a64:0000000000000002\"\n"
                            "[[versions]]\nversion = 2\nstatus = \"draft\"\nauthor = \"B\"\ntime = \"t\"\nparent = \"fnv1a64:0000000000000002\"\n"
                            "content = \"\"\n"
                            "[boundaries]\npath = \"w.gpkg\"\nwards = 1\nfingerprint = \"fnv1a64:0000000000000001\"\n"
                            "[[command_units]]\ncode = \"EA\"\nname = \"East\"\n[assignment]\nE05000026 = \"EA\"\n";
    const geo::PlanFile plan = geo::parse_plan_file(old, "old.wardplan");
    ASSERT_EQ(plan.versions.size(), 2u);
    EXPECT_FALSE(plan.versions[1].moves_kept);
    EXPECT_EQ(geo::check_history(plan), "");  // nothing to check, nothing wrong
    EXPECT_EQ(geo::plan_at_version(plan, 2).assignment, plan.assignment);
    try {
        geo::plan_at_version(plan, 1);
        FAIL() << "version 1 was made up";
    } catch (const geo::InputError& error) {
        EXPECT_THAT(error.what(), HasSubstr("version 2 does not keep what it changed from version 1"));
    }
    // Written again: still no moves (none are made up), and the same records.
    EXPECT_FALSE(read_back(plan).versions[1].moves_kept);
    EXPECT_EQ(geo::format_plan_file(read_back(plan)), geo::format_plan_file(plan));
}

TEST(PlanAtVersion, TamperingWithASignedPlanIsStillFound) {
    const geo::PlanFile plan = three_versions();
    const geo::PlanFile signed_v3 = geo::sign_off(plan, "Smith", "t7", "");
    std::string text = geo::format_plan_file(signed_v3);
    text.replace(text.find("E05000028 = \"CN\""), 16, "E05000028 = \"EA\"");
    const geo::PlanFile tampered = geo::parse_plan_file(text, "p.wardplan");
    EXPECT_TRUE(geo::check_integrity(tampered).changed);
    EXPECT_FALSE(geo::check_integrity(signed_v3).changed);
    EXPECT_EQ(geo::check_history(signed_v3), "");
}

TEST(PlanAtVersion, AVersionArgumentIsAPlanFileWithANumber) {
    EXPECT_EQ(geo::versioned_path("plans/p.wardplan@3").path, "plans/p.wardplan");
    EXPECT_EQ(geo::versioned_path("plans/p.wardplan@3").version, 3);
    EXPECT_FALSE(geo::versioned_path("plans/p.wardplan").version);
    EXPECT_FALSE(geo::versioned_path("plans/p.csv@3").version);  // a table keeps no versions
    EXPECT_FALSE(geo::versioned_path("plans/p.wardplan@x").version);
}

}  // namespace
