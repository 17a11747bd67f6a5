// The planner's side of the team plan store, without a window, against a real PostgreSQL + PostGIS
// (tests/gui/with_pg.sh starts one and names it in WARDMAP_TEST_STORE; label pg). The work runs on
// the worker thread as in the window; the test waits for it where the window would draw frames.
#include "geo/core/errors.h"
#include "geo/source/load.h"
#include "geo/store/plan_store.h"
#include "ui/planner/store_work.h"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>

namespace {

namespace fs = std::filesystem;

const char* const london_2014 = WARDMAP_SOURCE_DIR "/shapes/london-wards-2014.gpkg";
const char* const mps_plan = WARDMAP_SOURCE_DIR "/datasets/plans/mps-12-bcu-2018.csv";

const geo::WardSet& wards_2014() {
    static const geo::WardSet wards = [] {
        geo::LoadOptions load;
        load.sources = {london_2014};
        return geo::load_units(load);
    }();
    return wards;
}

std::size_t ward(const std::string& code) {
    const geo::WardSet& wards = wards_2014();
    for (std::size_t i = 0; i < wards.units.size(); ++i)
        if (wards.units[i].code == code) return i;
    throw std::runtime_error("no ward " + code);
}

// Each ward's command unit code ("" unassigned): what two documents are compared by.
std::map<std::string, std::string> units_by_ward(const ui::Document& document) {
    const geo::Assignment& assignment = document.session->assignment();
    std::map<std::string, std::string> out;
    for (std::size_t i = 0; i < assignment.unit_of.size(); ++i) {
        const int unit = assignment.unit_of[i];
        out[wards_2014().units[i].code] = unit >= 0 ? assignment.units[static_cast<std::size_t>(unit)].code : unit == geo::left_out ? "-" : "";
    }
    return out;
}

std::string unit_of(const ui::Document& document, const std::string& code) { return units_by_ward(document).at(code); }

class StoreDocument : public ::testing::Test {
protected:
    void SetUp() override {
        const char* store = std::getenv("WARDMAP_TEST_STORE");
        if (!store || !*store) GTEST_SKIP() << "no test PostgreSQL: run through tests/gui/with_pg.sh (ctest -L pg)";
        std::string pattern = (fs::temp_directory_path() / "wardmap-store-XXXXXX").string();
        ASSERT_NE(mkdtemp(pattern.data()), nullptr);
        dir = pattern;
        setenv("XDG_STATE_HOME", dir.c_str(), 1);  // autosaves of documents from the store go here
        connection = store;
    }
    void TearDown() override {
        unsetenv("XDG_STATE_HOME");
        if (!dir.empty()) fs::remove_all(dir);
    }

    // As the window does: start, then take the outcome when the worker is done.
    ui::StoreFinished finish(ui::StoreState& state, ui::Document& document) {
        EXPECT_TRUE(state.busy());
        EXPECT_FALSE(state.working.empty()) << "the window shows what is being done";
        std::optional<ui::StoreFinished> finished = ui::finish_store_work(state, wards_2014(), document, true);
        EXPECT_FALSE(state.busy());
        if (!finished) throw std::runtime_error("no work was finished");
        if (finished->document) document = std::move(*finished->document);
        return std::move(*finished);
    }
    ui::Document open(ui::StoreState& state, const std::string& plan, std::optional<int> version) {
        ui::Document document = ui::open_document(wards_2014(), mps_plan, london_2014);
        ui::start_open(state, plan, version);
        finish(state, document);
        return document;
    }

    fs::path dir;
    std::string connection;
};

// Save, edit, save: v2 made from v1; opening v1 and v2 gives back exactly what was saved.
TEST_F(StoreDocument, OpenedVersionsAreWhatWasSavedAndSavesNameTheirParent) {
    ui::StoreState state;
    state.connection = connection;
    ui::Document document = ui::open_document(wards_2014(), mps_plan, london_2014);
    const auto saved_v1 = units_by_ward(document);
    ui::start_save(state, wards_2014(), document, "Team plan", "Ann", "draft");
    EXPECT_EQ(finish(state, document).status, "Saved \"Team plan\" v1 to the store");
    ASSERT_TRUE(document.stored);
    EXPECT_EQ(document.stored->version, 1);
    EXPECT_FALSE(document.modified()) << "saved to the store is saved";
    EXPECT_NE(document.title().find("(v1 in the store)"), std::string::npos) << document.title();

    ASSERT_NE(unit_of(document, "E05000026"), "CN");
    ASSERT_TRUE(document.session->apply(geo::MoveWards{{ward("E05000026")}, "CN"}).applied);
    const auto saved_v2 = units_by_ward(document);
    ui::start_save(state, wards_2014(), document, "", "", "proposed");
    EXPECT_EQ(finish(state, document).status, "Saved \"Team plan\" v2 to the store");
    EXPECT_EQ(document.stored->version, 2);

    geo::store::PlanStore store(connection);
    const auto versions = store.versions("Team plan");
    ASSERT_EQ(versions.size(), 2u);
    EXPECT_EQ(versions[0].version, 2);
    EXPECT_EQ(versions[0].parent, 1);
    EXPECT_EQ(versions[0].author, "Ann") << "the document's author, kept";
    EXPECT_EQ(versions[0].status, "proposed");
    EXPECT_TRUE(versions[0].current);
    EXPECT_EQ(versions[1].parent, std::nullopt);

    ui::Document v1 = open(state, "Team plan", 1);
    EXPECT_EQ(units_by_ward(v1), saved_v1);
    EXPECT_EQ(v1.stored->version, 1);
    EXPECT_EQ(v1.meta.version, 1);
    EXPECT_FALSE(v1.modified());
    ui::Document current = open(state, "Team plan", std::nullopt);
    EXPECT_EQ(units_by_ward(current), saved_v2);
    EXPECT_EQ(unit_of(current, "E05000026"), "CN");
    EXPECT_EQ(current.stored->version, 2);

    // Listed for the Open dialog: the plan, its current version and both versions.
    ui::start_listing(state);
    finish(state, current);
    ASSERT_TRUE(state.listing);
    ASSERT_EQ(state.listing->plans.size(), 1u);
    EXPECT_EQ(state.listing->plans[0].name, "Team plan");
    EXPECT_EQ(state.listing->plans[0].current_version, 2);
    EXPECT_EQ(state.listing->versions[0].size(), 2u);

    // A save from v1 now is overtaken: v2 was saved since.
    ASSERT_TRUE(v1.session->apply(geo::MoveWards{{ward("E05000027")}, "NE"}).applied);
    ui::start_save(state, wards_2014(), v1, "", "Bob", "");
    EXPECT_EQ(finish(state, v1).status, "Ann saved v2 first; yours is kept as v3 beside it");
    EXPECT_TRUE(state.overtaken);
}

// Two planners on v1 at once: Ann saves first, Bob is told, merges, and both moves are in the
// version now current.
TEST_F(StoreDocument, AnOvertakenSaveIsToldAndTheMergeKeepsBothEdits) {
    ui::StoreState ann_window, bob_window;
    ann_window.connection = bob_window.connection = connection;
    ui::Document first = ui::open_document(wards_2014(), mps_plan, london_2014);
    ui::start_save(ann_window, wards_2014(), first, "Shared plan", "Ann", "draft");
    finish(ann_window, first);

    ui::Document ann = open(ann_window, "Shared plan", 1);
    ui::Document bob = open(bob_window, "Shared plan", 1);
    const std::string abbey_was = unit_of(bob, "E05000026"), hornsey_was = unit_of(bob, "E05000272");
    ASSERT_TRUE(ann.session->apply(geo::MoveWards{{ward("E05000026")}, "CN"}).applied);
    ASSERT_TRUE(bob.session->apply(geo::MoveWards{{ward("E05000272")}, "AW"}).applied);
    ASSERT_NE(abbey_was, "CN");
    ASSERT_NE(hornsey_was, "AW");

    ui::start_save(ann_window, wards_2014(), ann, "", "Ann", "");
    EXPECT_EQ(finish(ann_window, ann).status, "Saved \"Shared plan\" v2 to the store");
    ui::start_save(bob_window, wards_2014(), bob, "", "Bob", "");
    EXPECT_EQ(finish(bob_window, bob).status, "Ann saved v2 first; yours is kept as v3 beside it");
    ASSERT_TRUE(bob_window.overtaken) << "the window asks Merge / Keep both";
    EXPECT_FALSE(bob_window.overtaken->outcome.saved.current);
    EXPECT_EQ(bob.stored->kept_as, 3);
    EXPECT_EQ(bob.stored->version, 1) << "still made from v1: a merge merges against it";
    EXPECT_NE(bob.title().find("kept as v3 beside v2 in the store"), std::string::npos) << bob.title();

    ui::start_merge(bob_window, wards_2014());
    EXPECT_FALSE(bob_window.overtaken) << "answered";
    EXPECT_EQ(finish(bob_window, bob).status, "Saved \"Shared plan\" v4: your moves on top of Ann's v2");
    EXPECT_EQ(unit_of(bob, "E05000026"), "CN") << "Ann's move";
    EXPECT_EQ(unit_of(bob, "E05000272"), "AW") << "Bob's move";
    EXPECT_EQ(bob.stored->version, 4);
    EXPECT_EQ(bob.stored->kept_as, 0);
    EXPECT_FALSE(bob.modified());

    // Carol, also from v1, moved Abbey elsewhere: a merge would lose one of the two moves, so it
    // is refused, naming the ward, and hers stays beside (not asked again).
    ui::StoreState carol_window;
    carol_window.connection = connection;
    ui::Document carol = open(carol_window, "Shared plan", 1);
    ASSERT_TRUE(carol.session->apply(geo::MoveWards{{ward("E05000026")}, "NE"}).applied);
    ui::start_save(carol_window, wards_2014(), carol, "", "Carol", "");
    EXPECT_EQ(finish(carol_window, carol).status, "Bob saved v4 first; yours is kept as v5 beside it");
    ui::start_merge(carol_window, wards_2014());
    EXPECT_EQ(finish(carol_window, carol).status,
              "Bob saved v4 first; yours is kept as v6 beside it. Not merged: E05000026 moved by both (from " + abbey_was +
                  " to CN and to NE)");
    EXPECT_FALSE(carol_window.overtaken);
    EXPECT_EQ(unit_of(carol, "E05000026"), "NE") << "her plan stays hers";

    geo::store::PlanStore store(connection);
    const auto versions = store.versions("Shared plan");
    ASSERT_EQ(versions.size(), 6u);
    EXPECT_EQ(versions[0].saved_over, 4);
    EXPECT_EQ(versions[1].saved_over, 4);
    EXPECT_EQ(store.plans().front().current_version, 4) << "Bob's merge stays current";
    const auto rest = std::vector(versions.begin() + 2, versions.end());
    EXPECT_EQ(rest[0].version, 4);
    EXPECT_EQ(rest[0].parent, 2);
    EXPECT_EQ(rest[0].author, "Bob");
    EXPECT_TRUE(rest[0].current);
    EXPECT_EQ(rest[1].saved_over, 2) << "Bob's own save, kept beside";
    ui::Document merged = open(ann_window, "Shared plan", 4);
    auto expected = units_by_ward(first);
    expected["E05000026"] = "CN";
    expected["E05000272"] = "AW";
    EXPECT_EQ(units_by_ward(merged), expected) << "both moves and nothing else";
}

// The window never crashes or hangs on the store: each failure is a message.
TEST_F(StoreDocument, ProblemsAreMessages) {
    ui::StoreState state;
    ui::Document document = ui::open_document(wards_2014(), mps_plan, london_2014);
    try {
        ui::start_listing(state);
        FAIL() << "listed with no store set";
    } catch (const geo::InputError& error) {
        EXPECT_NE(std::string(error.what()).find("no plan store is set"), std::string::npos) << error.what();
        EXPECT_NE(std::string(error.what()).find("settings.toml"), std::string::npos) << error.what();
    }
    EXPECT_FALSE(state.busy());

    // A server that is not there: said, on the frame thread, within the connection timeout.
    state.connection = "PG:dbname=wardmap host=" + dir.string() + " port=1 password=hunter2";
    const auto start = std::chrono::steady_clock::now();
    ui::start_listing(state);
    try {
        ui::finish_store_work(state, wards_2014(), document, true);
        FAIL() << "listed a store that is not there";
    } catch (const geo::InputError& error) {
        const std::string what = error.what();
        EXPECT_NE(what.find("cannot connect to the plan store"), std::string::npos) << what;
        EXPECT_EQ(what.find("hunter2"), std::string::npos) << "the password is never shown";
    }
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
    EXPECT_FALSE(state.busy()) << "the window can try again";

    // A server that takes the connection and never answers: given up after libpq's connect_timeout,
    // which wardmap sets to 5 s when the connection string does not.
    const int silent = socket(AF_INET, SOCK_STREAM, 0);
    ASSERT_GE(silent, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    ASSERT_EQ(bind(silent, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    ASSERT_EQ(listen(silent, 4), 0);
    ASSERT_EQ(getsockname(silent, reinterpret_cast<sockaddr*>(&address), &length), 0);
    unsetenv("PGCONNECT_TIMEOUT");
    state.connection = "PG:dbname=wardmap host=127.0.0.1 port=" + std::to_string(ntohs(address.sin_port));
    const auto asked = std::chrono::steady_clock::now();
    ui::start_listing(state);
    EXPECT_TRUE(state.busy());
    EXPECT_FALSE(ui::finish_store_work(state, wards_2014(), document)) << "not done yet, and the frame was not held";
    EXPECT_THROW(ui::finish_store_work(state, wards_2014(), document, true), geo::InputError);
    const double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - asked).count();
    EXPECT_GT(waited, 3.5);  // libpq counts whole seconds: 4 to 5
    EXPECT_LT(waited, 8.0);
    close(silent);

    // A plan made on other wards is refused, saying so.
    state.connection = connection;
    ui::start_save(state, wards_2014(), document, "London 2014", "Ann", "draft");
    finish(state, document);
    geo::LoadOptions load;
    load.sources = {WARDMAP_SOURCE_DIR "/shapes/london-wards-2018.gpkg"};
    const geo::WardSet wards_2018 = geo::load_units(load);
    ui::StoreState other;
    other.connection = connection;
    ui::start_open(other, "London 2014", 1);
    try {
        ui::finish_store_work(other, wards_2018, document, true);
        FAIL() << "opened a plan of the 2014 wards on the 2018 wards";
    } catch (const geo::InputError& error) {
        const std::string what = error.what();
        EXPECT_NE(what.find("\"London 2014\" v1 in the store"), std::string::npos) << what;
        EXPECT_NE(what.find("made on another ward set (654 wards"), std::string::npos) << what;
        EXPECT_NE(what.find("the window has 657 wards open"), std::string::npos) << what;
        EXPECT_NE(what.find("london-wards-2014.gpkg"), std::string::npos) << what;
    }
    EXPECT_EQ(document.stored->plan, "London 2014") << "the document is left as it was";
}

}  // namespace
