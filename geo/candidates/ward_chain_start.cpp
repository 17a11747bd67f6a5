// A start plan within the tolerances, found from the plan the planner has (balanced_start in
// ward_chain.h): the chain itself, in balance-seeking mode, so that the start keeps the same rules
// (contiguity, locks, whole boroughs) by the same construction.
#include "geo/candidates/ward_chain.h"
#include "geo/candidates/ward_chain_graph.h"
#include "geo/candidates/ward_chain_walk.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace geo {

namespace {

bool mendable(const WardChainInput& input, const ChainProblem& problem) {
    return problem.kind == ChainProblemKind::out_of_balance &&
           (input.locked_unit.empty() || !input.locked_unit[static_cast<std::size_t>(problem.unit)]);
}

// The unit furthest out of tolerance (in tolerances), with its measure.
struct Worst {
    double excess = 0;
    std::int32_t unit = -1;
};

Worst worst_unit(const ReComWalk& walk, const ChainGraph& graph, const std::vector<bool>& in_chain) {
    Worst worst;
    for (std::size_t u = 0; u < graph.units; ++u)
        if (in_chain[u] && walk.excess(static_cast<std::int32_t>(u)) > worst.excess)
            worst = {walk.excess(static_cast<std::int32_t>(u)), static_cast<std::int32_t>(u)};
    return worst;
}

bool within(const ReComWalk& walk, const ChainGraph& graph, const std::vector<bool>& in_chain) {
    for (std::size_t u = 0; u < graph.units; ++u)
        for (std::size_t j = 0; in_chain[u] && j < graph.measures; ++j) {
            const double weight = walk.unit_weight(static_cast<std::int32_t>(u), j);
            if (weight < graph.low[j] || weight > graph.high[j]) return false;
        }
    return true;
}

ChainProblem not_reached(const WardChainInput& input, const ChainGraph& graph, const std::vector<int>& plan,
                         std::size_t steps) {
    // The closest plan's units, summed from its wards.
    std::string limits, worst;
    ChainProblem problem{ChainProblemKind::not_reached, -1, "", 0, 0, ""};
    double worst_excess = 0;
    for (std::size_t j = 0; j < input.balance.size(); ++j) {
        const BalanceMeasure& measure = input.balance[j];
        limits += fmt::format("{}±{:.1f} % {}", limits.empty() ? "" : ", ", 100 * measure.tolerance, measure.name);
        std::vector<double> weight(input.units, 0);
        for (std::size_t w = 0; w < plan.size(); ++w)
            if (plan[w] >= 0) weight[static_cast<std::size_t>(plan[w])] += measure.weight[w];
        for (std::size_t u = 0; u < input.units; ++u) {
            const double ratio = weight[u] / graph.mean[j];
            const double excess = measure.tolerance > 0 ? std::abs(ratio - 1) / measure.tolerance : std::abs(ratio - 1) * 1e300;
            if (!(graph.mean[j] > 0) || excess <= worst_excess) continue;
            worst_excess = excess;
            problem = {ChainProblemKind::not_reached, static_cast<int>(u), measure.name, ratio, measure.tolerance, ""};
            worst = fmt::format("{} at {:.1f} % {} the mean {}", unit_label(input, u), 100 * std::abs(ratio - 1),
                                ratio > 1 ? "over" : "under", measure.name);
        }
    }
    problem.message = fmt::format("no plan within {} was found in {} steps from the start plan: in the closest, {}",
                                  limits, steps, worst);
    return problem;
}

}  // namespace

std::vector<int> balanced_start(const WardChainInput& input, std::uint64_t seed, std::size_t max_steps) {
    std::vector<ChainProblem> problems = ward_chain_problems(input);
    if (problems.empty()) return input.start;
    if (!std::all_of(problems.begin(), problems.end(), [&](const ChainProblem& p) { return mendable(input, p); })) {
        std::erase_if(problems, [&](const ChainProblem& p) { return mendable(input, p); });
        throw ChainInfeasible(std::move(problems));
    }
    const ChainGraph graph = contract_wards(input);
    std::vector<bool> in_chain(graph.units, false);
    for (std::int32_t unit : graph.start_unit) in_chain[static_cast<std::size_t>(unit)] = true;
    ReComWalk walk(graph, seed, 0);
    walk.seek_balance(true);
    std::vector<int> plan;
    std::vector<std::int32_t> closest = walk.unit_of_node();
    double closest_excess = worst_unit(walk, graph, in_chain).excess;
    for (std::size_t step = 0; step < max_steps; ++step) {
        walk.step(1);
        if (within(walk, graph, in_chain)) {
            expand_plan(graph, input.start, walk.unit_of_node(), plan);
            return plan;
        }
        if (const Worst worst = worst_unit(walk, graph, in_chain); worst.excess < closest_excess) {
            closest_excess = worst.excess;
            closest = walk.unit_of_node();
        }
    }
    expand_plan(graph, input.start, closest, plan);
    throw ChainInfeasible({not_reached(input, graph, plan, max_steps)});
}

}  // namespace geo
