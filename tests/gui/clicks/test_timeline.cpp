// The rollout timeline in the Map colours and rollout panel: tick Timeline, click Play, and the
// date shown advances while the map greys fewer wards (those not live yet on the date).
#include "tests/gui/clicks/click_test.h"

#include <cstdio>

namespace clicks {

namespace {

constexpr std::uint32_t not_live_grey = 0x9a9a9a;  // ui/map/colour_modes.h

// The wards drawn grey at their label points (most of a 3x3 patch: a line or label may cross it).
int grey_wards(const PlannerUnderTest::Snapshot& shot, const nlohmann::json& wards) {
    int grey = 0;
    for (const auto& [code, p] : wards.items()) {
        int matching = 0;
        for (int dy = -1; dy <= 1; ++dy)
            for (int dx = -1; dx <= 1; ++dx) matching += shot.at(p[0].get<double>() + dx, p[1].get<double>() + dy) == not_live_grey;
        grey += matching >= 5;
    }
    return grey;
}

std::string date_shown(const nlohmann::json& report) { return report["items"]["date"]["text"].get<std::string>().substr(0, 10); }

using Timeline = ClickTest;

TEST_F(Timeline, PlayAdvancesTheDateAndTheMapFollows) {
    PlannerUnderTest window(dir, {});
    window.click(window.item("Timeline"));
    const nlohmann::json ticked = window.wait_for("the timeline's date", [](const nlohmann::json& r) { return r["items"].contains("date"); });
    const std::string first = date_shown(ticked);
    const nlohmann::json& wards = ticked["wards"];  // the map does not move: label points stay put
    int grey_at_first = 0;
    window.wait_for_screen("wards not live on " + first + " in grey", [&](const PlannerUnderTest::Snapshot& shot) {
        return (grey_at_first = grey_wards(shot, wards)) > 0;
    });

    window.click(window.item("Play"));
    const nlohmann::json later = window.wait_for("the date to advance from " + first,
                                                 [&](const nlohmann::json& r) { return r["items"].contains("date") && date_shown(r) != first; });
    const std::string next = date_shown(later);
    EXPECT_GT(next, first) << "Play went back in time";  // ISO dates sort as text
    EXPECT_TRUE(later["items"].contains("Pause")) << "Play did not turn into Pause";
    int grey_later = grey_at_first;
    window.wait_for_screen("fewer wards in grey on " + next + " than the " + std::to_string(grey_at_first) + " on " + first,
                           [&](const PlannerUnderTest::Snapshot& shot) { return (grey_later = grey_wards(shot, wards)) < grey_at_first; });
    std::printf("grey wards: %d on %s, %d on %s\n", grey_at_first, first.c_str(), grey_later, next.c_str());
}

}  // namespace

}  // namespace clicks
