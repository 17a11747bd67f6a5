// Benchmark of the candidates search on the bundled London 2014 wards, as the README's build
// makes it: measuring the wards once, counting every whole-borough grouping, listing them, drawing
// them uniformly, and scoring one plan (target: under 1 ms). Prints each figure with its target.
//   build/tools/wardmap_bench_candidates [--list-seconds S]
#include "geo/candidates/borough_search.h"
#include "geo/candidates/scoring_setup.h"
#include "geo/core/bundled.h"
#include "geo/planner/assignment.h"
#include "geo/planner/plan_file.h"
#include "geo/source/load.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <random>
#include <thread>

namespace {

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"wardmap candidates benchmark (London 2014 wards, 12 units of 2-4 boroughs)"};
    double list_seconds = 10;
    app.add_option("--list-seconds", list_seconds, "How long to list groupings for the listing rate");
    CLI11_PARSE(app, argc, argv);

    geo::LoadOptions load;
    load.sources = {geo::bundled("shapes/london-wards-2014.gpkg")};
    const geo::WardSet wards = geo::load_units(load);
    const geo::Grouping reference = geo::grouping_of(geo::open_plan(wards, geo::bundled("datasets/plans/mps-12-bcu-2018.csv")));

    auto start = Clock::now();
    geo::WardFacts facts = geo::ward_facts(wards);
    const double facts_s = seconds_since(start);
    start = Clock::now();
    geo::ScoringSources sources = geo::read_scoring_sources(wards, reference, {}, "");
    const double tables_s = seconds_since(start);
    const geo::PlanScorer scorer(wards, std::move(facts), std::move(sources.setup));
    fmt::print("wards {}: measured (areas, perimeters, {} shared borders) in {:.2f} s; tables read and joined in {:.2f} s\n", wards.units.size(),
               scorer.facts().borders.size(), facts_s, tables_s);

    // One plan scored, median of 2,000.
    std::vector<double> times;
    for (int i = 0; i < 2000; ++i) {
        start = Clock::now();
        const geo::PlanScores scores = scorer.score(reference.group_of_unit, reference.groups);
        times.push_back(seconds_since(start) * 1e3);
        if (scores.units.size() != reference.groups.size()) return 1;
    }
    std::nth_element(times.begin(), times.begin() + 1000, times.end());
    const double score_ms = times[1000];
    fmt::print("score one plan:     {:8.3f} ms median   target <= 1 ms: {}\n", score_ms, score_ms <= 1 ? "met" : "MISSED");

    const geo::BoroughGraph graph = geo::borough_graph(wards, scorer.facts().adjacency, reference.group_of_unit);
    start = Clock::now();
    geo::GroupingSpace space(graph.neighbours, {12, 2, 4}, {});
    const std::uint64_t count = space.count();
    const double count_s = seconds_since(start);
    fmt::print("count:              {} groupings of {} boroughs in {:.3f} s ({} states)\n", count, graph.codes.size(), count_s, space.states());

    std::uint64_t listed = 0;
    start = Clock::now();
    space.for_each([&](const std::vector<geo::NodeSet>&) { return ++listed % 65536 != 0 || seconds_since(start) < list_seconds; });
    const double list_s = seconds_since(start);
    const double per_second = static_cast<double>(listed) / list_s;
    fmt::print("list:               {:.3g} plans/s (one core; all {} would take {:.0f} s)\n", per_second, count, static_cast<double>(count) / per_second);

    std::mt19937_64 random(1);
    start = Clock::now();
    const int draws = 20000;
    for (int i = 0; i < draws; ++i) space.draw(random);
    fmt::print("uniform draw:       {:.3g} plans/s\n", draws / seconds_since(start));

    geo::CandidateRules rules;
    geo::SearchOptions options;
    options.samples = 20000;
    start = Clock::now();
    const geo::CandidateSearch sampled = geo::search_borough_candidates(scorer, rules, options);
    fmt::print("search, sampled:    {} plans drawn and scored in {:.2f} s ({:.0f} plans/s on {} threads)\n", sampled.scored, seconds_since(start),
               static_cast<double>(sampled.scored) / sampled.score_seconds, std::max(1u, std::thread::hardware_concurrency()));
    rules.balance = {{"crime", 25}, {"population", 40}};
    rules.locks = {"EA", "CN"};
    start = Clock::now();
    const geo::CandidateSearch all = geo::search_borough_candidates(scorer, rules, options);
    fmt::print("search, exhaustive: {} plans (crime 25%, population 40%, EA and CN locked) counted, listed and scored in {:.2f} s\n", all.scored,
               seconds_since(start));
    return 0;
}
