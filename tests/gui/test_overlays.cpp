// The planner's officers, rollout and map fills without a window, on the bundled London 2014 wards
// and 12-BCU plan with the real crime and population tables: recomputed on an edit and only then,
// phases coloured in order, and the timeline greying what is not live yet.
#include "geo/model/plan_figures.h"
#include "geo/source/load.h"
#include "ui/map/colour_modes.h"
#include "ui/planner/document.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace {

std::string source(const std::string& relative) { return std::string(WARDMAP_SOURCE_DIR "/") + relative; }

const geo::WardSet& london() {
    static const geo::WardSet wards = [] {
        geo::LoadOptions load;
        load.sources = {source("shapes/london-wards-2014.gpkg")};
        return geo::load_units(load);
    }();
    return wards;
}

std::size_t ward_index(const std::string& code) {
    const auto& units = london().units;
    return static_cast<std::size_t>(std::find_if(units.begin(), units.end(), [&](const geo::Ward& u) { return u.code == code; }) - units.begin());
}

std::shared_ptr<const geo::PlanInputs> slp_inputs() {
    geo::PlanInputs inputs;
    inputs.rules = geo::read_rules(source("datasets/officers/mps-2018.toml"));
    inputs.tables.push_back({"crime", geo::read_crime(WARDMAP_SHARED_DATA "/london/mps-ward-crime-2017-03-to-2019-02.csv"), geo::JoinFallback::none});
    inputs.tables.push_back({"population", geo::read_ward_column(WARDMAP_SHARED_DATA "/london/ward-profiles-2015.csv", {"", "Population - 2015", ""}),
                             geo::JoinFallback::name_and_borough});
    inputs.rollout = geo::RolloutRecipe{};  // the SLP tranches
    inputs.rollout->tranches = source("datasets/rollout/slp-2017-2019.csv");
    return std::make_shared<const geo::PlanInputs>(std::move(inputs));
}

const geo::CommandUnitPosts& posts_of(const geo::Allocation& allocation, const std::string& code) {
    return *std::find_if(allocation.units.begin(), allocation.units.end(), [&](const auto& u) { return u.code == code; });
}

// The bundled plan as opened in the window, with the session working out its figures.
class Overlays : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(figures().allocation) << figures().officers_error;
        ASSERT_TRUE(figures().rollout) << figures().rollout_error;
    }
    const geo::PlanFigures& figures() const { return document.session->figures(); }
    geo::Grouping grouping() const { return geo::grouping_of(document.session->assignment()); }
    ui::Document document = ui::open_document(london(), source("datasets/plans/mps-12-bcu-2018.csv"), "", {}, {}, slp_inputs());
};

// Officers and rollout follow an edit, its undo and its redo, from the one model the CLI uses:
// the same numbers as geo::allocate_plan on the plan as it stands.
TEST_F(Overlays, FollowEditsUndoAndRedo) {
    EXPECT_EQ(figures().allocation->dwo, 1258);  // 2 in each of the 629 wards
    EXPECT_EQ(figures().rollout->phases.size(), 6u);
    const std::size_t cn_wards = posts_of(*figures().allocation, "CN").wards;
    const std::size_t ea_wards = posts_of(*figures().allocation, "EA").wards;
    const std::size_t abbey = ward_index("E05000026");
    EXPECT_EQ(figures().rollout->phase_of_unit[abbey], 0);  // East: a pathfinder

    ASSERT_TRUE(document.session->apply(geo::Edit{geo::MoveWards{{abbey}, "SW"}}).applied);
    EXPECT_EQ(posts_of(*figures().allocation, "EA").wards, ea_wards - 1);
    EXPECT_EQ(figures().rollout->phase_of_unit[abbey], figures().rollout->phase_of_unit[ward_index("E05000626")])
        << "Abbey goes live with South West, its new command unit";
    EXPECT_NE(figures().rollout->phase_of_unit[abbey], 0);
    const geo::PlanInputs& inputs = *document.session->inputs();
    const geo::OfficerFigures direct = geo::allocate_plan(london(), grouping(), *inputs.rules, inputs.tables);
    for (const auto& unit : direct.allocation.units) {
        EXPECT_EQ(posts_of(*figures().allocation, unit.code).officers(), unit.officers()) << unit.code;
        EXPECT_EQ(posts_of(*figures().allocation, unit.code).wards, unit.wards) << unit.code;
    }

    ASSERT_TRUE(document.session->undo().applied);
    EXPECT_EQ(posts_of(*figures().allocation, "CN").wards, cn_wards);
    EXPECT_EQ(figures().rollout->phase_of_unit[abbey], 0);
    ASSERT_TRUE(document.session->apply(geo::Edit{geo::MoveWards{{abbey}, "CN"}}).applied);
    EXPECT_EQ(posts_of(*figures().allocation, "CN").wards, cn_wards + 1);
    EXPECT_EQ(posts_of(*figures().allocation, "CN").dwo, 2 * static_cast<int>(cn_wards + 1));
    // Abbey now goes live with Central North; both pathfinders, so still January 2017.
    EXPECT_EQ(figures().rollout->phase_of_unit[abbey], 0);
}

TEST_F(Overlays, PhasesInOrderAndTheTimelineGreysWhatIsNotLive) {
    ui::Colouring colouring = ui::phase_colouring(*figures().rollout);
    ASSERT_EQ(colouring.legend.size(), 7u);  // six phases and the City of London, not scheduled
    EXPECT_EQ(colouring.legend[0].detail, "90 wards");  // East and Central North
    const std::size_t alibon = ward_index("E05000027"), tooting = ward_index("E05000626");
    EXPECT_EQ(colouring.ward[alibon], colouring.legend[0].colour);
    EXPECT_EQ(colouring.ward[tooting], colouring.legend[1].colour);

    const geo::LiveOn live = geo::live_on(figures(), *geo::parse_date("2017-06-01"));
    EXPECT_EQ(live.wards_live, 90u);
    ASSERT_NE(live.phase, nullptr);
    EXPECT_EQ(live.phase->units_live, (std::vector<std::string>{"CN", "EA"}));
    ui::grey_not_live(colouring.ward, *figures().rollout, live.ward);
    EXPECT_EQ(colouring.ward[alibon], colouring.legend[0].colour);
    EXPECT_EQ(colouring.ward[tooting], ui::not_live_grey);
    EXPECT_EQ(geo::live_on(figures(), *geo::parse_date("2016-12-31")).phase, nullptr);
}

TEST_F(Overlays, OfficersPerCommandUnitShareAClass) {
    const ui::Colouring colouring = ui::officers_colouring(*figures().allocation, grouping(), true);
    // Two wards of one command unit have one colour; the City of London is in no command unit.
    EXPECT_EQ(colouring.ward[ward_index("E05000026")], colouring.ward[ward_index("E05000027")]);
    EXPECT_EQ(colouring.legend.back().label, "In no command unit");
    std::size_t counted = 0;
    for (const auto& entry : colouring.legend) counted += std::stoul(entry.detail);
    EXPECT_EQ(counted, london().units.size());
}

}  // namespace
