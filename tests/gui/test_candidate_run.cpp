// The Candidates panel's model without a window: a search on another thread gives the same
// groupings as geo::search_borough_candidates, its rows and percentiles read from them, Cancel ends
// it early, and a candidate adopted is one undo step (undo gives back the plan as it was).
#include "geo/core/wording.h"
#include "geo/model/plan_inputs.h"
#include "geo/source/load.h"
#include "ui/panels/figure_panels.h"
#include "ui/planner/candidate_run.h"
#include "ui/planner/document.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace {

// The MPS plan's units outside the south-west: locked, they leave 12 boroughs for 4 units, and
// few enough groupings (581) to score every one in well under a second.
const std::vector<std::string> outside_south_west = {"CE", "CN", "EA", "NA", "NE", "NW", "SE", "WA"};

struct London {
    geo::WardSet wards;
    ui::Document document;
};

London& london() {
    static London* city = [] {
        geo::LoadOptions load;
        load.sources = {WARDMAP_SOURCE_DIR "/shapes/london-wards-2014.gpkg"};
        auto* c = new London{geo::load_units(load), {}};
        const std::string csv = WARDMAP_SOURCE_DIR "/datasets/plans/mps-12-bcu-2018.csv";
        auto inputs = std::make_shared<const geo::PlanInputs>(geo::read_plan_inputs({}, {}, csv));
        c->document = ui::open_document(c->wards, csv, load.sources[0], {}, {}, inputs);
        return c;
    }();
    return *city;
}

ui::CandidateRequest south_west_request() {
    ui::CandidateRequest request;
    request.rules.locks = outside_south_west;
    return request;
}

void search_south_west(ui::CandidateRun& run, const geo::PlanSession& session) {
    run.start(session.scorer(), south_west_request());
    run.wait();
}

std::map<std::string, std::string> unit_of_ward(const geo::WardSet& wards, const geo::Assignment& a) {
    std::map<std::string, std::string> out;
    for (std::size_t w = 0; w < wards.units.size(); ++w)
        out[wards.units[w].code] = a.unit_of[w] >= 0 ? a.units[static_cast<std::size_t>(a.unit_of[w])].code : std::to_string(a.unit_of[w]);
    return out;
}

TEST(CandidatePanelModel, SearchInTheBackgroundGivesTheRowsOfTheSearch) {
    London& city = london();
    const auto scorer = city.document.session->scorer();
    ASSERT_TRUE(scorer) << city.document.session->figures().scores_error;
    ui::CandidateRun run;
    run.start(scorer, south_west_request());
    EXPECT_TRUE(run.running());
    run.wait();
    ASSERT_FALSE(run.running());
    ASSERT_TRUE(run.result()) << run.error();
    EXPECT_FALSE(run.cancelled());
    const geo::CandidateSearch& search = *run.result();
    // The same search run here directly: the panel shows what the CLI's search finds.
    const geo::CandidateSearch direct = geo::search_borough_candidates(*scorer, south_west_request().rules, {});
    EXPECT_EQ(search.valid, direct.valid);
    EXPECT_EQ(search.valid, 581u);
    EXPECT_TRUE(search.exhaustive);
    EXPECT_EQ(ui::search_summary(search), "581 valid groupings, all scored");

    const std::vector<ui::CandidateRow> rows = ui::candidate_rows(search, ui::CandidateList::best);
    ASSERT_EQ(rows.size(), direct.best.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        EXPECT_EQ(rows[i].rank, i + 1);
        EXPECT_DOUBLE_EQ(rows[i].workload_ratio, direct.best[i].scores.workload_ratio);
        EXPECT_NEAR(rows[i].retention_pct, 100 * direct.best[i].scores.retained_population, 1e-9);
        if (i > 0) { EXPECT_GE(rows[i].workload_ratio, rows[i - 1].workload_ratio) << "ranked by workload, lowest first"; }
        // Locked units are the reference's: never listed as differing; some of the four free ones are.
        for (const std::string& code : rows[i].differs)
            EXPECT_EQ(std::find(outside_south_west.begin(), outside_south_west.end(), code), outside_south_west.end()) << code;
    }
    EXPECT_FALSE(rows.front().differs.empty()) << "the best plan by workload is not the MPS plan";
    const std::vector<ui::CandidateRow> front = ui::candidate_rows(search, ui::CandidateList::pareto);
    ASSERT_EQ(front.size(), direct.pareto.size());
    for (const ui::CandidateRow& row : front) EXPECT_TRUE(row.pareto);

    // The MPS plan meets these rules: its percentiles are the reference's.
    const std::vector<double> percentiles = ui::percentiles_among_scored(search, direct.reference->scores);
    ASSERT_EQ(percentiles.size(), direct.reference_percentile.size());
    for (std::size_t c = 0; c < percentiles.size(); ++c)
        if (std::isfinite(percentiles[c])) { EXPECT_DOUBLE_EQ(percentiles[c], direct.reference_percentile[c]) << geo::score_columns()[c].key; }
}

TEST(CandidatePanelModel, CancelEndsTheSearchWithoutAResult) {
    London& city = london();
    ui::CandidateRun run;
    ui::CandidateRequest many;  // 5.3 billion groupings: a sample of 300,000, half a minute of work
    many.options.samples = 300000;
    run.start(city.document.session->scorer(), many);
    run.cancel();
    run.wait();
    EXPECT_TRUE(run.cancelled());
    EXPECT_FALSE(run.result());
    EXPECT_LT(run.cancel_ms(), 2000) << "Cancel is heard within a few hundred plans";
}

TEST(CandidatePanelModel, AdoptingIsOneUndoStep) {
    London& city = london();
    geo::PlanSession& session = *city.document.session;
    ui::CandidateRun run;
    search_south_west(run, session);
    ASSERT_TRUE(run.result());
    const geo::Candidate* best = run.candidate({ui::CandidateList::best, 0});
    ASSERT_NE(best, nullptr);
    const auto before = unit_of_ward(city.wards, session.assignment());
    const bool could_undo = session.can_undo();
    const geo::EditOutcome adopted = session.apply(ui::adopt_edit(*best, "Use candidate ranked 1"));
    ASSERT_TRUE(adopted.applied) << adopted.refused;
    EXPECT_EQ(session.undo_label(), "Use candidate ranked 1");
    // Every ward in the candidate's unit, by code.
    const std::vector<std::string> codes = ui::candidate_ward_codes(*best);
    const auto after = unit_of_ward(city.wards, session.assignment());
    std::size_t moved = 0;
    for (std::size_t w = 0; w < city.wards.units.size(); ++w) {
        const std::string& code = city.wards.units[w].code;
        if (!codes[w].empty()) { EXPECT_EQ(after.at(code), codes[w]) << code; }
        moved += after.at(code) != before.at(code);
    }
    EXPECT_GT(moved, 0u);
    EXPECT_EQ(session.assignment().units.size(), 12u);
    // The plan's scores are now the candidate's.
    EXPECT_DOUBLE_EQ(session.figures().scores->workload_ratio, best->scores.workload_ratio);

    ASSERT_TRUE(session.undo().applied);
    EXPECT_EQ(unit_of_ward(city.wards, session.assignment()), before) << "one undo gives back the plan as it was";
    EXPECT_EQ(session.can_undo(), could_undo);
    ASSERT_TRUE(session.redo().applied);
    EXPECT_EQ(unit_of_ward(city.wards, session.assignment()), after);
    ASSERT_TRUE(session.undo().applied);
}

TEST(CandidatePanelModel, ALockedUnitTheCandidateChangesIsRefused) {
    London& city = london();
    geo::PlanSession& session = *city.document.session;
    ui::CandidateRun run;
    search_south_west(run, session);
    ASSERT_TRUE(run.result());
    const geo::Candidate& best = run.result()->best.front();
    ASSERT_FALSE(ui::candidate_rows(*run.result(), ui::CandidateList::best).front().differs.empty());
    const std::string changed = ui::candidate_rows(*run.result(), ui::CandidateList::best).front().differs.front();
    // The unit the candidate changes locked in the plan: adopting would move its wards.
    const std::string locked = session.assignment().find(changed) >= 0 ? changed : "SW";
    ASSERT_TRUE(session.apply(geo::LockUnit{locked, true}).applied);
    const geo::EditOutcome refused = session.apply(ui::adopt_edit(best, "Use candidate ranked 1"));
    EXPECT_FALSE(refused.applied);
    EXPECT_NE(refused.refused.find("locked"), std::string::npos) << refused.refused;
    ASSERT_TRUE(session.undo().applied);  // the lock
}

TEST(CandidatePanelModel, WardCandidatesFromTheChainAreRowsAndAdoptable) {
    London& city = london();
    geo::PlanSession& session = *city.document.session;
    ui::CandidateRun run;
    ui::CandidateRequest request;
    request.unit = "ward";
    request.rules.parent_sizes = false;
    request.options.samples = 200, request.options.burn_in = 100, request.options.thin = 5;
    run.start(session.scorer(), request);
    run.wait();
    ASSERT_TRUE(run.result()) << run.error();
    const geo::CandidateSearch& search = *run.result();
    EXPECT_TRUE(search.chain);
    EXPECT_GT(search.valid, 0u);
    EXPECT_NE(ui::search_summary(search).find("ReCom"), std::string::npos) << ui::search_summary(search);
    const std::vector<ui::CandidateRow> rows = ui::candidate_rows(search, ui::CandidateList::best);
    ASSERT_FALSE(rows.empty());
    EXPECT_FALSE(rows.front().differs.empty()) << "a chain's plan moves wards of some unit";
    const geo::Candidate& best = search.best.front();
    EXPECT_TRUE(best.groups.empty());
    ASSERT_TRUE(session.apply(ui::adopt_edit(best, "Use ward candidate 1")).applied);
    EXPECT_EQ(ui::candidate_ward_codes(best).size(), city.wards.units.size());
    for (std::size_t w = 0; w < city.wards.units.size(); ++w)
        if (best.unit_of_ward[w] >= 0) {
            const int unit = session.assignment().unit_of[w];
            ASSERT_GE(unit, 0);
            EXPECT_EQ(session.assignment().units[static_cast<std::size_t>(unit)].code, ui::candidate_ward_codes(best)[w]);
        }
    ASSERT_TRUE(session.undo().applied);
}

TEST(CandidatePanelModel, SummaryOfASample) {
    geo::CandidateSearch search;
    search.valid = 5313515783;
    search.scored = 20000;
    EXPECT_EQ(ui::search_summary(search), "5,313,515,783 valid groupings, a uniform sample of 20,000 scored");
    search.valid = 0;
    EXPECT_EQ(ui::search_summary(search), "No valid grouping");
    EXPECT_EQ(geo::with_commas(999), "999");
    EXPECT_EQ(geo::with_commas(1000), "1,000");
}

// A search started otherwise than by Generate (a replay's "candidates generate ...") shows its rules
// in the tab's controls, and those controls ask for the same search again.
TEST(CandidatePanelModel, TheControlsShowTheRulesOfASearchAndAskForItAgain) {
    const std::vector<std::string> measures = {"crime", "population", "area"};
    for (const std::string unit : {"borough", "ward"}) {
        ui::CandidateRequest asked;
        asked.unit = unit;
        asked.rules.units = 10, asked.rules.min_parents = 1, asked.rules.max_parents = 5;
        asked.rules.balance = {{"population", 30}, {"crime", 12.5}};
        asked.rules.locks = {"CN", "EA"};
        asked.rules.parent_sizes = true;
        asked.rules.keep_all_whole = unit == "ward";
        asked.options.rank_by = "workload_cv";
        asked.options.samples = 5000, asked.options.exhaustive_limit = 1000;
        ui::CandidatesPanelState state;
        ui::show_request(asked, measures, state);
        const ui::CandidateRequest again = ui::candidate_request(state, measures);
        EXPECT_EQ(again.unit, unit);
        EXPECT_EQ(again.rules.units, 10);
        EXPECT_EQ(again.rules.min_parents, 1);
        EXPECT_EQ(again.rules.max_parents, 5);
        ASSERT_EQ(again.rules.balance.size(), 2u);
        EXPECT_EQ(again.rules.balance[0].measure, "population");
        EXPECT_DOUBLE_EQ(again.rules.balance[0].percent, 30);
        EXPECT_EQ(again.rules.balance[1].measure, "crime");
        EXPECT_DOUBLE_EQ(again.rules.balance[1].percent, 12.5);
        EXPECT_EQ(again.rules.locks, asked.rules.locks);
        EXPECT_TRUE(again.rules.parent_sizes);
        EXPECT_EQ(again.rules.keep_all_whole, unit == "ward");
        EXPECT_EQ(again.options.rank_by, "workload_cv");
        EXPECT_EQ(again.options.samples, 5000u);
        EXPECT_EQ(again.options.exhaustive_limit, 1000u);
    }
    // Ward candidates with the boroughs per unit left free: the box unticked, and asked so again.
    ui::CandidateRequest free;
    free.unit = "ward";
    free.rules.parent_sizes = false;
    ui::CandidatesPanelState state;
    ui::show_request(free, measures, state);
    EXPECT_FALSE(state.ward_parent_sizes);
    EXPECT_FALSE(ui::candidate_request(state, measures).rules.parent_sizes);
}

}  // namespace
