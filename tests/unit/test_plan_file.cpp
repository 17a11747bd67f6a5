// The plan file: what the planner saves, read back exactly; refused on another ward set; every
// error with its line.
#include "geo/planner/plan_file.h"

#include "geo/core/errors.h"
#include "geo/planner/session.h"
#include "geo/source/load.h"
#include "support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <sstream>

using testing::HasSubstr;

namespace {

geo::WardSet three_wards() {
    return wardmap_test::row_of_wards({{"E05000001", "Abbey", "E09000001", "Alpha"},
                                       {"E05000002", "Bridge \"North\"", "E09000001", "Alpha"},
                                       {"E05000003", "Castle", "E09000002", "Beta"}});
}

geo::Assignment sample_assignment() {
    geo::Assignment a;
    a.units = {{"NW", "North West", "#1f78b4", "2018-01", true}, {"SE", "South & East", "#33a02c", "", false}};
    a.unit_of = {0, geo::left_out, 1};
    return a;
}

std::string message_of(const std::function<void()>& run) {
    try {
        run();
    } catch (const geo::InputError& error) {
        return error.what();
    }
    return "(no error)";
}

TEST(PlanFile, RoundTripsUnitsAssignmentAndLeftOutWards) {
    const geo::WardSet wards = three_wards();
    geo::PlanFile meta;
    meta.name = "Test plan";
    meta.author = "A. Planner";
    meta.status = "review";
    meta.version = 4;
    meta.boundary_path = "shapes/x.gpkg";
    const geo::PlanFile file = geo::plan_file_from(wards, sample_assignment(), meta);
    const std::string text = geo::format_plan_file(file);
    EXPECT_THAT(text, HasSubstr("E05000002 = \"-\"  # Bridge \"North\", Alpha\n"));
    EXPECT_THAT(text, HasSubstr("locked = true"));

    const geo::PlanFile back = geo::parse_plan_file(text, "test.wardplan");
    EXPECT_EQ(back.name, "Test plan");
    EXPECT_EQ(back.author, "A. Planner");
    EXPECT_EQ(back.status, "review");
    EXPECT_EQ(back.version, 4);
    EXPECT_EQ(back.boundary_wards, 3u);
    EXPECT_EQ(back.boundary_fingerprint, geo::ward_set_fingerprint(wards));
    const geo::Assignment again = geo::assignment_from(wards, back);
    EXPECT_EQ(again.unit_of, sample_assignment().unit_of);
    ASSERT_EQ(again.units.size(), 2u);
    EXPECT_EQ(again.units[0].phase, "2018-01");
    EXPECT_TRUE(again.units[0].locked);
    EXPECT_EQ(again.units[1].name, "South & East");
}

TEST(PlanFile, AssignmentLinesAreSortedByWardCodeSoAMoveIsOneLineOfDiff) {
    const geo::WardSet wards = three_wards();
    geo::Assignment a = sample_assignment();
    const std::string before = geo::format_plan_file(geo::plan_file_from(wards, a, {}));
    a.unit_of[2] = 0;
    const std::string after = geo::format_plan_file(geo::plan_file_from(wards, a, {}));
    std::istringstream x(before), y(after);
    std::string l1, l2;
    int differing = 0;
    while (std::getline(x, l1) && std::getline(y, l2)) differing += l1 != l2;
    EXPECT_EQ(differing, 1);
    EXPECT_LT(before.find("E05000001 ="), before.find("E05000003 ="));
}

TEST(PlanFile, OpeningOnAnotherWardSetIsRefusedNamingTheBoundaries) {
    const geo::WardSet wards = three_wards();
    geo::PlanFile meta;
    meta.boundary_path = "shapes/london-wards-2014.gpkg";
    geo::PlanFile file = geo::plan_file_from(wards, sample_assignment(), meta);
    file.path = "plan.wardplan";
    geo::WardSet other = three_wards();
    other.units[2].code = "E05009999";
    const std::string message = message_of([&] { geo::assignment_from(other, file); });
    EXPECT_THAT(message, HasSubstr("plan.wardplan"));
    EXPECT_THAT(message, HasSubstr("made on another ward set (3 wards from shapes/london-wards-2014.gpkg)"));
    EXPECT_THAT(message, HasSubstr("Open the plan with the boundaries it names"));
}

TEST(PlanFile, ErrorsNameTheLine) {
    EXPECT_THAT(message_of([] { geo::parse_plan_file("name = \"x\"\nversion = = 2\n", "p.wardplan"); }),
                HasSubstr("p.wardplan: line 2"));
    const std::string unit = "[[command_units]]\ncode = \"A\"\n\n[assignment]\nE1 = \"A\"\nE2 = \"B\"\n";
    EXPECT_THAT(message_of([&] { geo::parse_plan_file(unit, "p.wardplan"); }),
                HasSubstr("line 6: ward E2 is given to B, which is not among the [[command_units]]"));
    const std::string twice = "[[command_units]]\ncode = \"A\"\n[[command_units]]\ncode = \"A\"\n";
    EXPECT_THAT(message_of([&] { geo::parse_plan_file(twice, "p.wardplan"); }), HasSubstr("command unit A is defined twice"));
    const std::string colour = "[[command_units]]\ncode = \"A\"\ncolour = \"red\"\n";
    EXPECT_THAT(message_of([&] { geo::parse_plan_file(colour, "p.wardplan"); }), HasSubstr("colour red of A is not #RRGGBB"));
    EXPECT_THAT(message_of([] { geo::parse_plan_file("name = 3\n", "p.wardplan"); }),
                HasSubstr("line 1: `name` must be text in quotes"));
}

// An empty file, or one of comments only, is not a plan that leaves every ward out (issue #15).
TEST(PlanFile, EmptyIsRefused) {
    EXPECT_THAT(message_of([] { geo::parse_plan_file("", "p.wardplan"); }), HasSubstr("p.wardplan: the plan file is empty"));
    EXPECT_THAT(message_of([] { geo::parse_plan_file("# just this\n\n", "p.wardplan"); }), HasSubstr("the plan file is empty"));
    const geo::PlanFile unassigned = geo::parse_plan_file("name = \"x\"\n[[command_units]]\ncode = \"A\"\n", "p.wardplan");
    EXPECT_EQ(unassigned.units.size(), 1u);  // read: the planner opens it to assign wards
    EXPECT_THAT(message_of([&] { geo::plan_from_file(unassigned); }),
                HasSubstr("p.wardplan: [assignment]: the plan gives no ward to a command unit"));
}

TEST(PlanFile, WriteIsAtomicAndReadBack) {
    wardmap_test::TempDir dir;
    const geo::WardSet wards = three_wards();
    const std::string path = (dir.path() / "plan.wardplan").string();
    wardmap_test::write_text(path, "old contents");
    geo::write_plan_file(path, geo::plan_file_from(wards, sample_assignment(), {}));
    EXPECT_EQ(geo::assignment_from(wards, geo::read_plan_file(path)).unit_of, sample_assignment().unit_of);
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()), {}), 1);  // no temporary left
    EXPECT_THROW(geo::write_plan_file((dir.path() / "missing" / "p.wardplan").string(), {}), geo::Error);
    EXPECT_THAT(message_of([&] { geo::read_plan_file((dir.path() / "none.wardplan").string()); }),
                HasSubstr("cannot open the plan file"));
}

TEST(PlanFile, TheBoundaryPathIsWrittenRelativeToThePlansFolder) {
    wardmap_test::TempDir dir;
    geo::PlanFile meta;
    meta.boundary_path = (dir.path() / "shapes" / "wards.gpkg").string();
    const geo::PlanFile file = geo::plan_file_from(three_wards(), sample_assignment(), meta);
    const std::string path = (dir.path() / "plans" / "p.wardplan").string();
    std::filesystem::create_directories(dir.path() / "plans");
    geo::write_plan_file(path, file);
    EXPECT_EQ(geo::read_plan_file(path).boundary_path, "../shapes/wards.gpkg");
}

TEST(PlanFile, AutosaveIsRecoverableOnlyWhenNewerThanThePlan) {
    wardmap_test::TempDir dir;
    const std::string plan = (dir.path() / "p.wardplan").string();
    EXPECT_EQ(geo::autosave_path(plan), (dir.path() / ".p.wardplan.autosave").string());
    const geo::WardSet wards = three_wards();
    const geo::PlanFile file = geo::plan_file_from(wards, sample_assignment(), {});
    geo::write_plan_file(plan, file);
    EXPECT_EQ(geo::recoverable_autosave(plan), "");
    geo::write_autosave(plan, file);
    std::filesystem::last_write_time(geo::autosave_path(plan),
                                     std::filesystem::last_write_time(plan) + std::chrono::seconds(5));
    EXPECT_EQ(geo::recoverable_autosave(plan), geo::autosave_path(plan));
    geo::discard_autosave(plan);
    EXPECT_EQ(geo::recoverable_autosave(plan), "");
}

TEST(PlanFile, TheLondonPlanSurvivesEditSaveAndReopen) {
    geo::LoadOptions options;
    options.sources = {wardmap_test::source_dir("shapes/london-wards-2014.gpkg")};
    const geo::WardSet wards = geo::load_units(options);
    geo::PlanFile meta;
    const geo::Assignment start = geo::open_plan(wards, wardmap_test::source_dir("datasets/plans/mps-12-bcu-2018.csv"), &meta);
    EXPECT_EQ(meta.name, "mps-12-bcu-2018");
    geo::PlanSession session(wards, start);
    ASSERT_EQ(session.assignment().units.size(), 12u);
    std::size_t kept_out = 0;
    for (int unit : session.assignment().unit_of) kept_out += unit == geo::left_out;
    EXPECT_EQ(kept_out, 25u);  // the City's 25 wards of 2014
    for (const geo::UnitStats& row : session.stats()) {
        EXPECT_TRUE(row.contiguous) << row.code;
        EXPECT_TRUE(row.whole_parents) << row.code;
    }
    double total = 0;
    for (const geo::UnitStats& row : session.stats()) total += row.area;

    // Colville (Kensington and Chelsea, Central West) to the unit of its neighbour borough's wards.
    std::size_t colville = 0;
    while (wards.units[colville].name != "Colville") ++colville;
    const int from = session.assignment().unit_of[colville];
    const std::string to = session.assignment().units[from == 0 ? 1 : 0].code;
    const geo::EditOutcome moved = session.apply(geo::MoveWards{{colville}, to});
    ASSERT_TRUE(moved.applied) << moved.refused;
    EXPECT_EQ(moved.changed_units.size(), 2u);
    double after = 0;
    for (const geo::UnitStats& row : session.stats()) after += row.area;
    EXPECT_NEAR(after, total, total * 1e-6);

    wardmap_test::TempDir dir;
    const std::string path = (dir.path() / "london.wardplan").string();
    geo::PlanFile out = meta;
    out.boundary_path = "shapes/london-wards-2014.gpkg";
    geo::write_plan_file(path, geo::plan_file_from(wards, session.assignment(), out));
    geo::PlanFile reread;
    EXPECT_EQ(geo::open_plan(wards, path, &reread).unit_of, session.assignment().unit_of);
    EXPECT_EQ(reread.boundary_wards, 654u);
}

}  // namespace
