// What stops the ward chain before it starts, in the planner's words: which unit, which measure,
// by how much. A chain from a plan that breaks its own rules would never reach a valid one.
#include "geo/candidates/ward_chain.h"
#include "geo/candidates/ward_chain_graph.h"

#include <fmt/format.h>

#include <cmath>
#include <map>
#include <stdexcept>

namespace geo {

namespace {

std::string ward_label(const WardChainInput& input, std::size_t ward) {
    return ward < input.ward_names.size() ? input.ward_names[ward] : fmt::format("ward {}", ward);
}

void check_sizes(const WardChainInput& input) {
    const std::size_t wards = input.start.size();
    auto fits = [](std::size_t size, std::size_t wanted) { return size == 0 || size == wanted; };
    if (input.neighbours.size() != wards || !fits(input.locked_ward.size(), wards) ||
        !fits(input.ward_names.size(), wards) || !fits(input.locked_unit.size(), input.units) ||
        !fits(input.unit_names.size(), input.units))
        throw std::invalid_argument("ward chain input: per-ward or per-unit vectors of different sizes");
    for (const BalanceMeasure& measure : input.balance)
        if (measure.weight.size() != wards)
            throw std::invalid_argument("ward chain input: measure " + measure.name + " has " +
                                        std::to_string(measure.weight.size()) + " weights for " +
                                        std::to_string(wards) + " wards");
    for (std::size_t w = 0; w < wards; ++w) {
        if (input.start[w] >= static_cast<int>(input.units))
            throw std::invalid_argument(fmt::format("ward chain input: ward {} is in unit {} of {}", w, input.start[w],
                                                    input.units));
        for (std::size_t x : input.neighbours[w])
            if (x >= wards) throw std::invalid_argument(fmt::format("ward chain input: ward {} has neighbour {}", w, x));
    }
}

void check_weights(const WardChainInput& input, std::vector<ChainProblem>& problems) {
    for (const BalanceMeasure& measure : input.balance)
        for (std::size_t w = 0; w < input.start.size(); ++w)
            if (input.start[w] >= 0 && !(measure.weight[w] >= 0 && std::isfinite(measure.weight[w]))) {
                problems.push_back({ChainProblemKind::bad_weight, input.start[w], measure.name, 0, measure.tolerance,
                                    fmt::format("{} has {} {}: a weight must be a number, 0 or more",
                                                ward_label(input, w), measure.name, measure.weight[w])});
                break;
            }
}

void check_units(const WardChainInput& input, std::vector<ChainProblem>& problems) {
    std::vector<std::size_t> wards(input.units, 0);
    for (int unit : input.start)
        if (unit >= 0) ++wards[static_cast<std::size_t>(unit)];
    for (std::size_t u = 0; u < input.units; ++u)
        if (wards[u] == 0)
            problems.push_back({ChainProblemKind::empty_unit, static_cast<int>(u), "", 0, 0,
                                unit_label(input, u) + " has no ward in the start plan"});
}

void check_groups(const WardChainInput& input, std::vector<ChainProblem>& problems) {
    const std::vector<std::int32_t> group = group_of_wards(input);
    for (std::size_t g = 0; g < input.keep_whole.size(); ++g) {
        const WardGroup& whole = input.keep_whole[g];
        std::map<int, std::size_t> wards_in;  // unit (negative: left out) -> wards
        for (std::size_t w : whole.wards) {
            ++wards_in[input.start[w]];
            if (group[w] != static_cast<std::int32_t>(g))
                problems.push_back({ChainProblemKind::split_group, -1, "", 0, 0,
                                    fmt::format("{} is in two keep-whole groups, {} and {}", ward_label(input, w),
                                                input.keep_whole[static_cast<std::size_t>(group[w])].name, whole.name)});
        }
        if (wards_in.size() < 2) continue;
        std::string where;
        for (const auto& [unit, count] : wards_in)
            where += fmt::format("{}{} ({} ward{})", where.empty() ? "" : ", ",
                                 unit < 0 ? "left out" : unit_label(input, static_cast<std::size_t>(unit)), count,
                                 count == 1 ? "" : "s");
        problems.push_back({ChainProblemKind::split_group, wards_in.rbegin()->first, "", 0, 0,
                            fmt::format("{} is to be kept whole but the start plan splits it: {}", whole.name, where)});
    }
}

// Breadth-first over the wards of each unit: a unit in two pieces cannot be merged and re-split.
void check_contiguity(const WardChainInput& input, std::vector<ChainProblem>& problems) {
    const std::size_t wards = input.start.size();
    std::vector<std::int32_t> piece(wards, -1);
    std::vector<std::size_t> pieces(input.units, 0), first_ward(input.units, wards), queue;
    for (std::size_t w = 0; w < wards; ++w) {
        if (input.start[w] < 0 || piece[w] >= 0) continue;
        const auto unit = static_cast<std::size_t>(input.start[w]);
        if (pieces[unit]++ == 1) first_ward[unit] = w;  // a ward of the second piece, to name
        piece[w] = static_cast<std::int32_t>(pieces[unit]);
        queue.assign(1, w);
        while (!queue.empty()) {
            const std::size_t at = queue.back();
            queue.pop_back();
            for (std::size_t x : input.neighbours[at])
                if (input.start[x] == input.start[w] && piece[x] < 0) {
                    piece[x] = piece[w];
                    queue.push_back(x);
                }
        }
    }
    for (std::size_t u = 0; u < input.units; ++u)
        if (pieces[u] > 1)
            problems.push_back({ChainProblemKind::not_contiguous, static_cast<int>(u), "", 0, 0,
                                fmt::format("{} is in {} pieces in the start plan ({} is not joined to the rest)",
                                            unit_label(input, u), pieces[u], ward_label(input, first_ward[u]))});
}

std::string percent(double fraction) { return fmt::format("{:.1f} %", 100 * fraction); }

void check_balance(const WardChainInput& input, std::vector<ChainProblem>& problems) {
    std::vector<double> mean, low, high;
    balance_limits(input, mean, low, high);
    const std::vector<std::int32_t> group = group_of_wards(input);
    for (std::size_t m = 0; m < input.balance.size(); ++m) {
        const BalanceMeasure& measure = input.balance[m];
        if (!(mean[m] > 0)) continue;
        std::vector<double> unit_weight(input.units, 0), group_weight(input.keep_whole.size(), 0);
        for (std::size_t w = 0; w < input.start.size(); ++w) {
            if (input.start[w] < 0) continue;
            unit_weight[static_cast<std::size_t>(input.start[w])] += measure.weight[w];
            if (group[w] >= 0) group_weight[static_cast<std::size_t>(group[w])] += measure.weight[w];
            else if (measure.weight[w] > high[m])
                problems.push_back({ChainProblemKind::too_heavy, input.start[w], measure.name, measure.weight[w] / mean[m],
                                    measure.tolerance,
                                    fmt::format("{} alone holds {:.2f} times the mean {}: any command unit holding it is "
                                                "over the limit of +{}", ward_label(input, w), measure.weight[w] / mean[m],
                                                measure.name, percent(measure.tolerance))});
        }
        for (std::size_t g = 0; g < group_weight.size(); ++g)
            if (group_weight[g] > high[m])
                problems.push_back({ChainProblemKind::too_heavy, -1, measure.name, group_weight[g] / mean[m],
                                    measure.tolerance,
                                    fmt::format("{} (kept whole) alone holds {:.2f} times the mean {}: any command unit "
                                                "holding it is over the limit of +{}", input.keep_whole[g].name,
                                                group_weight[g] / mean[m], measure.name, percent(measure.tolerance))});
        for (std::size_t u = 0; u < input.units; ++u) {
            if (unit_weight[u] >= low[m] && unit_weight[u] <= high[m]) continue;
            const double ratio = unit_weight[u] / mean[m];
            const bool locked = !input.locked_unit.empty() && input.locked_unit[u];
            problems.push_back({ChainProblemKind::out_of_balance, static_cast<int>(u), measure.name, ratio,
                                measure.tolerance,
                                fmt::format("{} holds {:.3f} times the mean {} in the start plan, {} {}; the tolerance is "
                                            "±{}{}", unit_label(input, u), ratio, measure.name, percent(std::abs(ratio - 1)),
                                            ratio > 1 ? "over" : "under", percent(measure.tolerance),
                                            locked ? " (the unit is locked, so no plan keeping it can meet it)" : "")});
        }
    }
}

void check_movable(const WardChainInput& input, std::vector<ChainProblem>& problems) {
    const ChainGraph graph = contract_wards(input);
    for (std::size_t e = 0; e < graph.edge_ends.size(); e += 2)
        if (graph.start_unit[graph.edge_ends[e]] != graph.start_unit[graph.edge_ends[e + 1]]) return;
    std::size_t locked = 0;
    for (bool lock : input.locked_unit) locked += lock;
    problems.push_back({ChainProblemKind::nothing_to_move, -1, "", 0, 0,
                        fmt::format("no two neighbouring command units are free to change ({} units, {} locked): "
                                    "nothing can move", input.units, locked)});
}

}  // namespace

std::vector<ChainProblem> ward_chain_problems(const WardChainInput& input) {
    check_sizes(input);
    std::vector<ChainProblem> problems;
    check_weights(input, problems);
    check_units(input, problems);
    check_groups(input, problems);
    check_contiguity(input, problems);
    if (!problems.empty()) return problems;
    check_balance(input, problems);
    check_movable(input, problems);
    return problems;
}

namespace {

std::string describe(const std::vector<ChainProblem>& problems) {
    std::string text = "the ward chain cannot run:";
    for (const ChainProblem& problem : problems) text += "\n  " + problem.message;
    return text;
}

}  // namespace

ChainInfeasible::ChainInfeasible(std::vector<ChainProblem> problems)
    : InputError("", "", describe(problems), "loosen the tolerance, unlock a unit or start from a plan that meets the rules"),
      problems_(std::move(problems)) {}

}  // namespace geo
