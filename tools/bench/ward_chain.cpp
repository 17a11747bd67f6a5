// ward_chain: ReCom steps per second (geo/candidates/ward_chain.h) on the bundled London 2014
// wards from the MPS 12-BCU plan, on one chain and on one chain per core, against issue 17's
// target of 20,000 steps a second in all; then how far the chain has moved from the MPS plan
// after a given number of steps (share of wards in another command unit).
//
// When the plan breaks the tolerance (the MPS plan is 51.5 % over the mean crime in Central West),
// the chain starts from balanced_start's plan, and the time to find it is printed.
//
//   wardmap_ward_chain [--steps N] [--tolerance 0.10] [--measure crime|wards] [--keep-boroughs-whole]
//                      [--lock EA,CN] [--tree-tries 10] [--seed 1] [SOURCE [PLAN]]
#include "geo/attributes/join.h"
#include "geo/attributes/ward_values.h"
#include "geo/candidates/ward_chain_input.h"
#include "geo/core/bundled.h"
#include "geo/planner/plan_file.h"
#include "geo/source/load.h"

#include <CLI/CLI.hpp>
#include <chrono>
#include <ctime>
#include <fstream>
#include <cstdio>
#include <span>
#include <thread>

namespace {

constexpr double target_steps_per_second = 20000;

double since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::vector<double> crime_of(const geo::WardSet& wards, const geo::Assignment& plan) {
    const geo::WardValues crime = geo::read_crime(geo::bundled("datasets/demand/mps-ward-crime-2017-03-to-2019-02.csv"));
    const geo::JoinResult joined = geo::join_by_code(wards, geo::grouping_of(plan), crime);
    std::vector<double> weight(wards.units.size(), 0);
    for (std::size_t w = 0; w < weight.size(); ++w) weight[w] = joined.value_of_unit[w].value_or(0);
    return weight;
}

void time_chains(const geo::WardChainInput& input, geo::WardChainOptions options, std::size_t chains) {
    options.chains = chains;
    const auto start = std::chrono::steady_clock::now();
    const std::clock_t cpu_start = std::clock();
    const geo::WardChainResult result = geo::run_ward_chain(input, options);
    const double seconds = since(start);
    const double cpu_seconds = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
    const geo::WardChainCounts all = result.total();
    const double rate = static_cast<double>(all.steps()) / seconds;
    std::printf("%6zu %9zu %9zu %9zu %10zu %8.3f %10.0f %11.0f %8.3f %12.0f   %s\n", chains, all.steps(), all.accepted,
                all.rejected, all.trees, seconds, rate, static_cast<double>(all.accepted) / seconds, cpu_seconds,
                static_cast<double>(all.steps()) / cpu_seconds, rate >= target_steps_per_second ? "MET" : "NOT MET");
}

// The machine is shared: the figures mean little without how busy it was.
std::string load_average() {
    std::ifstream in("/proc/loadavg");
    std::string line;
    std::getline(in, line);
    return line + "\n";
}

// Wards outside the unit matched to their start unit, units matched one to one by largest
// overlap first (greedy): a measure that does not depend on which name a unit keeps.
std::size_t moved_after_matching(const geo::WardChainInput& input, std::span<const int> plan) {
    const std::size_t k = input.units;
    std::vector<std::size_t> overlap(k * k, 0);
    for (std::size_t w = 0; w < plan.size(); ++w)
        if (plan[w] >= 0) ++overlap[static_cast<std::size_t>(input.start[w]) * k + static_cast<std::size_t>(plan[w])];
    std::vector<bool> start_used(k, false), now_used(k, false);
    std::size_t kept = 0;
    for (std::size_t round = 0; round < k; ++round) {
        std::size_t best = 0, at = k * k;
        for (std::size_t i = 0; i < k * k; ++i)
            if (!start_used[i / k] && !now_used[i % k] && (at == k * k || overlap[i] > best)) best = overlap[i], at = i;
        start_used[at / k] = now_used[at % k] = true;
        kept += best;
    }
    std::size_t in_plan = 0;
    for (int unit : plan) in_plan += unit >= 0;
    return in_plan - kept;
}

// Share of the chain's wards in another unit than at the start, after each of `checkpoints` steps:
// by unit name (each re-split keeps a name on the side holding more of its wards) and with units
// matched to the start's by overlap.
void print_mixing(const geo::WardChainInput& input, geo::WardChainOptions options) {
    const std::size_t checkpoints[] = {1, 10, 100, 1000, 10000, 100000};
    options.chains = 1;
    options.steps = checkpoints[std::size(checkpoints) - 1];
    std::size_t next = 0, in_plan = 0;
    for (int unit : input.start) in_plan += unit >= 0;
    std::printf("moved from the start (one chain, seed %llu): share of its %zu wards in another command unit, by name / "
                "units matched by overlap\n",
                static_cast<unsigned long long>(options.seed), in_plan);
    geo::run_ward_chain(input, options, [&](const geo::WardChainSample& sample) {
        if (next >= std::size(checkpoints) || sample.step != checkpoints[next]) return;
        std::size_t moved = 0;
        for (std::size_t w = 0; w < input.start.size(); ++w) moved += sample.unit_of[w] != input.start[w];
        const auto share = [&](std::size_t wards) { return 100.0 * static_cast<double>(wards) / static_cast<double>(in_plan); };
        std::printf("  after %6zu steps: %5.1f %% / %5.1f %%\n", sample.step, share(moved),
                    share(moved_after_matching(input, sample.unit_of)));
        ++next;
    });
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Times the ward-mode ReCom chain on the bundled London wards"};
    std::string source = geo::bundled("shapes/london-wards-2014.gpkg");
    std::string plan_path = geo::bundled("datasets/plans/mps-12-bcu-2018.csv");
    std::string measure = "crime", locks;
    double tolerance = 0.10;
    bool keep_whole = false;
    geo::WardChainOptions options;
    options.steps = 20000;
    app.add_option("source", source);
    app.add_option("plan", plan_path);
    app.add_option("--steps", options.steps, "steps per chain");
    app.add_option("--tolerance", tolerance, "each command unit within ±this of the mean (0.25 = 25 %)");
    app.add_option("--measure", measure, "crime (MPS recorded crime 2017-03 to 2019-02) or wards")->check(CLI::IsMember({"crime", "wards"}));
    app.add_option("--lock", locks, "command unit codes kept as they are, comma-separated");
    app.add_flag("--keep-boroughs-whole", keep_whole);
    app.add_option("--tree-tries", options.tree_tries);
    app.add_option("--seed", options.seed);
    CLI11_PARSE(app, argc, argv);

    try {
        auto start = std::chrono::steady_clock::now();
        geo::LoadOptions load;
        load.sources = {source};
        const geo::WardSet wards = geo::load_units(load);
        const geo::Assignment plan = geo::open_plan(wards, plan_path);
        const geo::Adjacency adjacency = geo::ward_adjacency(wards);
        geo::WardChainSetup setup;
        setup.keep_boroughs_whole = keep_whole;
        for (std::size_t at = 0; !locks.empty() && at != std::string::npos;) {
            const std::size_t comma = locks.find(',', at);
            setup.locked_units.push_back(locks.substr(at, comma == std::string::npos ? comma : comma - at));
            at = comma == std::string::npos ? comma : comma + 1;
        }
        setup.balance.push_back({measure, measure == "crime" ? crime_of(wards, plan) : std::vector<double>(wards.units.size(), 1.0),
                                 tolerance});
        geo::WardChainInput input = geo::ward_chain_input(wards, adjacency, plan, setup);
        std::size_t in_plan = 0;
        for (int unit : input.start) in_plan += unit >= 0;
        std::printf("%zu wards loaded, %zu in the plan's %zu command units, adjacency built, in %.2f s\n", wards.units.size(),
                    in_plan, input.units, since(start));
        std::printf("ReCom: %s within ±%.1f %% of the mean, %zu spanning trees at most per step, seed %llu%s%s%s, %u cores\n",
                    measure.c_str(), 100 * tolerance, options.tree_tries, static_cast<unsigned long long>(options.seed),
                    keep_whole ? ", boroughs kept whole" : "", locks.empty() ? "" : ", locked: ", locks.c_str(),
                    std::thread::hardware_concurrency());
        if (!geo::ward_chain_problems(input).empty()) {
            start = std::chrono::steady_clock::now();
            input.start = geo::balanced_start(input, options.seed);
            std::printf("the plan breaks the tolerance: balanced_start found a plan within it in %.3f s\n", since(start));
        }
        std::printf("target: %.0f steps/s in all (issue 17; GerryChain 1.0 ~25-30/s on Pennsylvania, frcw ~18,000/s on 4 threads "
                    "on Virginia's 2,400 precincts)\n",
                    target_steps_per_second);
        std::printf("load average %s", load_average().c_str());
        std::printf("chains     steps  accepted  rejected      trees  seconds    steps/s  accepted/s  cpu s  steps/cpu s   target\n");
        time_chains(input, options, 1);
        time_chains(input, options, 2);
        print_mixing(input, options);
    } catch (const std::exception& error) {
        std::fprintf(stderr, "ward_chain: %s\n", error.what());
        return 1;
    }
}
