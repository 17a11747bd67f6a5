#pragma once
// What every click test shares: a scratch folder (kept when the test fails), the London data,
// and the plan file a window starts on.
#include "tests/gui/clicks/london_plans.h"
#include "tests/gui/clicks/planner_under_test.h"
#include "tests/gui/scratch_dir.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace clicks {

class ClickTest : public wardmap_test::ScratchDirTest {
protected:
    // Loaded on first use: a test that reads no plan does not wait for London.
    static const London& london() { return London::get(); }
    // The bundled plan as a plan file in the scratch folder: Ctrl+S saves there without asking.
    std::string start_plan() {
        const std::string plan = (dir / "plan.wardplan").string();
        write_start_plan(plan);
        return plan;
    }
    void save(PlannerUnderTest& window) {
        window.chord(keys::ctrl, keys::letter('s'));
        window.wait_for_title("without unsaved changes", [](const std::string& t) { return t.find('*') == std::string::npos; });
    }
};

}  // namespace clicks
