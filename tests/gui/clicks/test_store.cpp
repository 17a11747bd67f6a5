// File > Save to store and Open from store clicked as a planner clicks them, against a PostgreSQL
// of the test's own (run through tests/gui/with_pg.sh: ctest -R gui.clicks.store; skipped
// without it). Save v1, move a ward and save v2 (parent v1), open v1 from the dialog's list of
// versions: the window shows v1's plan, and saving it is told that v2 was saved first.
#include "tests/gui/clicks/click_test.h"

#include "geo/planner/plan_file.h"

#include <cstdlib>
#include <fstream>

namespace clicks {

namespace {

const std::string abbey = "E05000026";  // Abbey, Barking and Dagenham (East)

class StoreClicks : public ClickTest {
protected:
    void SetUp() override {
        ClickTest::SetUp();
        const char* store = std::getenv("WARDMAP_TEST_STORE");
        if (!store || !*store) GTEST_SKIP() << "no test PostgreSQL: run through tests/gui/with_pg.sh (ctest -R gui.clicks.store)";
        connection = store;
    }
    // A version as the store keeps it, through `wardmap plan show`.
    WardUnits stored(const std::string& plan, int version) {
        const std::string path = (dir / ("v" + std::to_string(version) + ".wardplan")).string();
        const std::string command = std::string(WARDMAP_BINARY) + " plan show '" + plan + "' --version " + std::to_string(version) +
                                    " --store '" + connection + "' > '" + path + "'";
        EXPECT_EQ(std::system(command.c_str()), 0) << command;
        return saved_plan(path);
    }
    static void open_menu_item(PlannerUnderTest& window, const std::string& item) {
        window.click(window.item("File"));
        window.wait_for("the File menu", [&](const nlohmann::json& r) { return r["items"].contains(item); });
        window.click(window.item(item));
    }
    static void save_to_store(PlannerUnderTest& window, const std::string& said) {
        open_menu_item(window, "Save to store...");
        window.wait_for("the Save to store dialog", [](const nlohmann::json& r) { return r["question"] == "Save to store"; });
        window.click(window.item("Save"));
        window.wait_for("\"" + said + "\"", [&](const nlohmann::json& r) {
            return r["status"].get<std::string>().find(said) != std::string::npos;
        });
    }
    std::string connection;
};

TEST_F(StoreClicks, SaveTwoVersionsThenOpenTheFirstFromTheList) {
    const std::string plan_path = start_plan();
    const std::string name = geo::read_plan_file(plan_path).name;
    PlannerUnderTest window(dir, {"--plan", plan_path, "--store", connection});
    save_to_store(window, "Saved \"" + name + "\" v1 to the store");
    const std::string active = window.report()["active_unit"];
    ASSERT_NE(london().bundled.at(abbey), active);
    window.click(window.ward(abbey));
    save_to_store(window, "Saved \"" + name + "\" v2 to the store");
    window.wait_for_title("v2 in the store", [](const std::string& t) { return t.find("(v2 in the store)") != std::string::npos; });
    EXPECT_EQ(moved_between(stored(name, 1), stored(name, 2)), std::set<std::string>{abbey});
    EXPECT_EQ(stored(name, 2).at(abbey), active);

    open_menu_item(window, "Open from store...");
    const std::string plan_row = "store plan " + name, v1_row = "store version " + name + " v1";
    window.wait_for("the store's plans listed", [&](const nlohmann::json& r) { return r["items"].contains(plan_row); });
    window.click(window.item(plan_row));  // opens its versions
    window.wait_for("its versions", [&](const nlohmann::json& r) { return r["items"].contains(v1_row); });
    window.click(window.item(v1_row));
    window.click(window.item("Open"));
    window.wait_for_title("v1 from the store", [](const std::string& t) {
        return t.find("(v1 in the store)") != std::string::npos && t.find('*') == std::string::npos;
    });

    // The window holds v1 now: saved again, it is v1's plan, made from v1, and told v2 came first.
    open_menu_item(window, "Save to store...");
    window.wait_for("the Save to store dialog", [](const nlohmann::json& r) { return r["question"] == "Save to store"; });
    window.click(window.item("Save"));
    window.wait_for("the question \"Someone saved first\"", [](const nlohmann::json& r) { return r["question"] == "Someone saved first"; });
    EXPECT_NE(window.report()["status"].get<std::string>().find("saved v2 first; yours is kept as v3 beside it"), std::string::npos)
        << window.report()["status"];
    window.click(window.item("Keep both"));
    window.wait_for("the question to close", [](const nlohmann::json& r) { return r["question"] == ""; });
    EXPECT_EQ(stored(name, 3), stored(name, 1)) << "v3 is v1's plan as opened";
    EXPECT_EQ(stored(name, 3), london().bundled);
}

}  // namespace

}  // namespace clicks
