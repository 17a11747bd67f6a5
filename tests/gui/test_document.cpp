// The window's document without a window: autosave after an edit, recovery after a "crash",
// and saving clears the autosave.
#include "geo/source/load.h"
#include "geo/core/read_text.h"
#include "ui/planner/document.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace {

namespace fs = std::filesystem;

TEST(Document, AutosaveIsRecoveredAfterACrash) {
    std::string pattern = (fs::temp_directory_path() / "wardmap-doc-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    const fs::path dir = pattern;
    setenv("XDG_STATE_HOME", dir.c_str(), 1);  // the autosave of a CSV-opened plan goes here

    geo::LoadOptions load;
    load.sources = {WARDMAP_SOURCE_DIR "/shapes/london-wards-2014.gpkg"};
    const geo::WardSet wards = geo::load_units(load);
    const std::string csv = WARDMAP_SOURCE_DIR "/datasets/plans/mps-12-bcu-2018.csv";
    ui::Document document = ui::open_document(wards, csv, load.sources[0]);
    EXPECT_FALSE(ui::autosave(wards, document)) << "nothing changed yet";
    EXPECT_EQ(ui::recoverable_autosave(document), "");

    std::size_t abbey = 0;
    while (wards.units[abbey].code != "E05000026") ++abbey;
    ASSERT_TRUE(document.session->apply(geo::MoveWards{{abbey}, "CN"}).applied);
    EXPECT_TRUE(document.modified());
    EXPECT_TRUE(ui::autosave(wards, document));

    // The window is killed here; the next start opens the same plan and finds the autosave.
    const ui::Document reopened = ui::open_document(wards, csv, load.sources[0]);
    const std::string autosave = ui::recoverable_autosave(reopened);
    ASSERT_NE(autosave, "");
    ui::Document recovered = ui::recover(wards, reopened, autosave);
    const geo::Assignment& assignment = recovered.session->assignment();
    EXPECT_EQ(assignment.units[static_cast<std::size_t>(assignment.unit_of[abbey])].code, "CN");
    EXPECT_TRUE(recovered.modified()) << "recovered changes are not on disk yet";
    EXPECT_NE(recovered.title().find('*'), std::string::npos);

    ui::save_document(wards, recovered, (dir / "plan.toml").string());
    EXPECT_FALSE(recovered.modified());
    EXPECT_FALSE(fs::exists(autosave)) << "saving keeps no stale autosave";
    unsetenv("XDG_STATE_HOME");
    fs::remove_all(dir);
}

}  // namespace

namespace {

// A line of a signed-off plan changed by hand: the document says so in its title, and the plan
// still opens (read-only) so that the planner can see what it holds.
TEST(Document, ALineChangedAfterSignOffIsReportedOnOpening) {
    std::string pattern = (fs::temp_directory_path() / "wardmap-doc-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    const fs::path dir = pattern;
    geo::LoadOptions load;
    load.sources = {WARDMAP_SOURCE_DIR "/shapes/london-wards-2014.gpkg"};
    const geo::WardSet wards = geo::load_units(load);
    ui::Document document = ui::open_document(wards, WARDMAP_SOURCE_DIR "/datasets/plans/mps-12-bcu-2018.csv", load.sources[0]);
    const std::string plan = (dir / "plan.wardplan").string();
    ui::save_document(wards, document, plan);
    geo::write_plan_file(plan, geo::sign_off(geo::read_plan_file(plan), "Smith", "2026-12-07T01:00:00Z", ""));

    const ui::Document intact = ui::open_document(wards, plan, load.sources[0]);
    EXPECT_TRUE(intact.read_only());
    EXPECT_EQ(intact.integrity_problem, "");
    EXPECT_NE(intact.title().find("v1 signed off by Smith: read-only"), std::string::npos) << intact.title();

    std::string text = geo::read_text(plan, "plan", "");
    const std::string line = "E05000026 = \"EA\"";
    ASSERT_NE(text.find(line), std::string::npos);
    text.replace(text.find(line), line.size(), "E05000026 = \"CN\"");
    std::ofstream(plan, std::ios::binary) << text;
    const ui::Document tampered = ui::open_document(wards, plan, load.sources[0]);
    EXPECT_NE(tampered.integrity_problem.find("a line has been changed since it was signed"), std::string::npos);
    EXPECT_NE(tampered.title().find("CHANGED SINCE SIGN-OFF"), std::string::npos) << tampered.title();
    fs::remove_all(dir);
}

}  // namespace
