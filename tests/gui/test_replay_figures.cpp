// The replay's actions for map colours, the timeline and briefing maps, as plain data: no window.
#include "geo/core/errors.h"
#include "ui/planner/replay.h"

#include <gtest/gtest.h>

namespace {

// These actions name no ward: an empty set will do.
const geo::WardSet no_wards;

TEST(ReplayFigures, ColourTimelineAndExportMap) {
    const auto steps = ui::parse_replay("colour phase\ncolour officers-unit\ntimeline 2017-06-01\ntimeline off\n"
                                        "export map out.pdf phase\nexport map out.png\n",
                                        "demo.txt", no_wards);
    ASSERT_EQ(steps.size(), 6u);
    EXPECT_EQ(std::get<ui::ColourBy>(steps[0].command).mode, ui::ColourMode::phase);
    EXPECT_EQ(std::get<ui::ColourBy>(steps[1].command).mode, ui::ColourMode::officers_unit);
    const auto date = std::get<ui::Timeline>(steps[2].command).date;
    ASSERT_TRUE(date);
    EXPECT_EQ(date->iso(), "2017-06-01");
    EXPECT_FALSE(std::get<ui::Timeline>(steps[3].command).date);
    EXPECT_EQ(std::get<ui::ExportMap>(steps[4].command).path, "out.pdf");
    EXPECT_EQ(std::get<ui::ExportMap>(steps[4].command).theme, "phase");
    EXPECT_EQ(std::get<ui::ExportMap>(steps[5].command).theme, "bcu");
}

TEST(ReplayFigures, BadModeOrDateNamesTheLine) {
    for (const char* text : {"undo\ncolour rainbow\n", "undo\ntimeline next-tuesday\n"}) {
        try {
            ui::parse_replay(text, "demo.txt", no_wards);
            ADD_FAILURE() << "accepted: " << text;
        } catch (const geo::InputError& error) {
            EXPECT_EQ(error.where(), "line 2") << text;
        }
    }
}

}  // namespace
