// A signed-off plan in the planner: it opens read-only (the title says so), the first edit makes a
// new draft version whose parent is the signed one, and Ctrl+S then asks for a new file, so that the
// signed file stays as it was signed. Checked on the title, the files and their [[versions]].
#include "geo/core/read_text.h"
#include "geo/planner/plan_file.h"
#include "tests/gui/clicks/click_test.h"

#include <filesystem>

namespace clicks {

namespace {

const std::string abbey = "E05000026";  // Abbey, Barking and Dagenham (East)

using SignedOff = ClickTest;

TEST_F(SignedOff, OpensReadOnlyAndAnEditBecomesANewDraftSavedElsewhere) {
    const std::string plan = start_plan();
    geo::write_plan_file(plan, geo::sign_off(geo::read_plan_file(plan), "Ch Supt Smith", "2026-12-07T01:00:00Z", ""));
    const std::string signed_text = geo::read_text(plan, "the signed plan", "");
    const std::string signed_content = geo::read_plan_file(plan).versions.back().content;

    PlannerUnderTest window(dir, {"--plan", plan});
    window.wait_for_title("read-only, signed off", [](const std::string& t) {
        return t.find("v1 signed off by Ch Supt Smith: read-only") != std::string::npos && t.find('*') == std::string::npos;
    });
    const std::string active = window.report()["active_unit"];
    window.click(window.ward(abbey));
    window.wait_for_title("a new draft version, changed", [](const std::string& t) {
        return t.find("v2 draft from signed-off v1") != std::string::npos && t.find('*') != std::string::npos;
    });

    // Ctrl+S does not write over the signed file: it asks where the draft goes.
    window.chord(keys::ctrl, keys::letter('s'));
    window.wait_for("the question \"File path\"", [](const nlohmann::json& r) { return r["question"] == "File path"; });
    const std::string draft = (dir / "draft.wardplan").string();
    window.type(draft);
    window.tap(keys::enter);
    window.wait_for("the question to close", [](const nlohmann::json& r) { return r["question"] == ""; });
    window.wait_for_title("saved", [](const std::string& t) { return t.find('*') == std::string::npos; });

    EXPECT_EQ(geo::read_text(plan, "the signed plan", ""), signed_text) << "the signed file was written over";
    ASSERT_TRUE(std::filesystem::exists(draft));
    const geo::PlanFile saved = geo::read_plan_file(draft);
    ASSERT_EQ(saved.versions.size(), 2u);
    EXPECT_EQ(saved.versions[0].status, "signed-off");
    EXPECT_EQ(saved.versions[0].content, signed_content);
    EXPECT_EQ(saved.versions[1].status, "draft");
    EXPECT_EQ(saved.versions[1].version, 2);
    EXPECT_EQ(saved.versions[1].parent, signed_content);
    EXPECT_EQ(saved.versions[1].content, geo::content_checksum(saved));
    EXPECT_FALSE(geo::check_integrity(saved).changed);
    EXPECT_EQ(moved_between(london().bundled, saved_plan(draft)), std::set<std::string>{abbey});
    // The draft keeps what it changed from the signed version: `wardmap diff DRAFT@1 DRAFT@2` rebuilds version 1.
    EXPECT_TRUE(saved.versions[1].moves_kept);
    EXPECT_EQ(saved.versions[1].moves, (std::vector<geo::WardMove>{{abbey, london().bundled.at(abbey), active}}));
    EXPECT_EQ(saved_plan(draft).at(abbey), active);
}

}  // namespace

}  // namespace clicks
