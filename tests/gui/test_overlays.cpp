// The planner's officers, rollout and map fills without a window, on the bundled London 2014 wards
// and 12-BCU plan with the real crime and population tables: recomputed on an edit and only then,
// phases coloured in order, and the timeline greying what is not live yet.
#include "geo/rollout/generators.h"
#include "geo/source/load.h"
#include "ui/map/colour_modes.h"
#include "ui/planner/document.h"
#include "ui/planner/figures.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace {

std::string source(const std::string& relative) { return std::string(WARDMAP_SOURCE_DIR "/") + relative; }

const geo::UnitSet& london() {
    static const geo::UnitSet wards = [] {
        geo::LoadOptions load;
        load.sources = {source("shapes/london-wards-2014.gpkg")};
        return geo::load_units(load);
    }();
    return wards;
}

std::size_t ward_index(const std::string& code) {
    const auto& units = london().units;
    return static_cast<std::size_t>(std::find_if(units.begin(), units.end(), [&](const geo::Unit& u) { return u.code == code; }) - units.begin());
}

ui::FigureInputs slp_inputs() {
    ui::FigureInputs inputs;
    inputs.rules = geo::read_rules(source("datasets/officers/mps-2018.toml"));
    inputs.tables.push_back({"crime", geo::read_crime(WARDMAP_SHARED_DATA "/london/mps-ward-crime-2017-03-to-2019-02.csv"), geo::JoinFallback::none});
    inputs.tables.push_back({"population", geo::read_ward_column(WARDMAP_SHARED_DATA "/london/ward-profiles-2015.csv", {"", "Population - 2015", ""}),
                             geo::JoinFallback::name_and_borough});
    inputs.make_rollout = [](const geo::UnitSet& set, const geo::Grouping& grouping, const geo::Adjacency&) {
        return geo::by_command_unit(set, grouping, geo::read_tranches(source("datasets/rollout/slp-2017-2019.csv")));
    };
    return inputs;
}

const geo::CommandUnitPosts& posts_of(const geo::Allocation& allocation, const std::string& code) {
    return *std::find_if(allocation.units.begin(), allocation.units.end(), [&](const auto& u) { return u.code == code; });
}

// The bundled plan as opened in the window, its figures computed once.
class Overlays : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(ui::refresh_figures(figures, inputs, london(), *document.session, adjacency));
        ASSERT_TRUE(figures.allocation) << figures.officers_error;
        ASSERT_TRUE(figures.rollout) << figures.rollout_error;
    }
    ui::Document document = ui::open_document(london(), source("datasets/plans/mps-12-bcu-2018.csv"), "");
    const ui::FigureInputs inputs = slp_inputs();
    ui::Figures figures;
    std::optional<geo::Adjacency> adjacency;
};

TEST_F(Overlays, RecomputedOnEditOnly) {
    EXPECT_EQ(figures.allocation->dwo, 1258);  // 2 in each of the 629 wards
    EXPECT_EQ(figures.rollout->phases.size(), 6u);
    EXPECT_FALSE(ui::refresh_figures(figures, inputs, london(), *document.session, adjacency)) << "recomputed with no edit";

    const std::size_t cn_wards = posts_of(*figures.allocation, "CN").wards;
    const geo::EditOutcome moved = document.session->apply(geo::Edit{geo::MoveWards{{ward_index("E05000026")}, "CN"}});
    ASSERT_TRUE(moved.applied) << moved.refused;
    ASSERT_TRUE(ui::refresh_figures(figures, inputs, london(), *document.session, adjacency));
    EXPECT_EQ(posts_of(*figures.allocation, "CN").wards, cn_wards + 1);
    EXPECT_EQ(posts_of(*figures.allocation, "CN").dwo, 2 * static_cast<int>(cn_wards + 1));
    // Abbey now goes live with Central North; both pathfinders, so still January 2017.
    EXPECT_EQ(figures.rollout->phase_of_unit[ward_index("E05000026")], 0);
}

TEST_F(Overlays, PhasesInOrderAndTheTimelineGreysWhatIsNotLive) {
    ui::Colouring colouring = ui::phase_colouring(*figures.rollout);
    ASSERT_EQ(colouring.legend.size(), 7u);  // six phases and the City of London, not scheduled
    EXPECT_EQ(colouring.legend[0].detail, "90 wards");  // East and Central North
    const std::size_t alibon = ward_index("E05000027"), tooting = ward_index("E05000626");
    EXPECT_EQ(colouring.ward[alibon], colouring.legend[0].colour);
    EXPECT_EQ(colouring.ward[tooting], colouring.legend[1].colour);

    const ui::LiveOn live = ui::live_on(figures, *geo::parse_date("2017-06-01"));
    EXPECT_EQ(live.wards_live, 90u);
    ASSERT_NE(live.phase, nullptr);
    EXPECT_EQ(live.phase->units_live, (std::vector<std::string>{"CN", "EA"}));
    ui::grey_not_live(colouring.ward, *figures.rollout, live.ward);
    EXPECT_EQ(colouring.ward[alibon], colouring.legend[0].colour);
    EXPECT_EQ(colouring.ward[tooting], ui::not_live_grey);
    EXPECT_EQ(ui::live_on(figures, *geo::parse_date("2016-12-31")).phase, nullptr);
}

TEST_F(Overlays, OfficersPerCommandUnitShareAClass) {
    const ui::Colouring colouring = ui::officers_colouring(*figures.allocation, figures.grouping, true);
    // Two wards of one command unit have one colour; the City of London is in no command unit.
    EXPECT_EQ(colouring.ward[ward_index("E05000026")], colouring.ward[ward_index("E05000027")]);
    EXPECT_EQ(colouring.legend.back().label, "In no command unit");
    std::size_t counted = 0;
    for (const auto& entry : colouring.legend) counted += std::stoul(entry.detail);
    EXPECT_EQ(counted, london().units.size());
}

}  // namespace
