#include "geo/candidates/borough_search.h"

#include "geo/candidates/candidate_ranking.h"

#include "geo/core/errors.h"
#include "geo/core/parallel.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <bit>
#include <chrono>
#include <cmath>
#include <map>
#include <mutex>
#include <numeric>

namespace geo {
namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

NodeSet bit(std::size_t node) { return NodeSet{1} << node; }

// Each limit's value per borough and the mean unit's value.
struct BalanceTable {
    std::vector<BalanceLimit> limits;
    std::vector<std::vector<double>> of_borough;  // [limit][borough]
    std::vector<double> mean;                     // [limit]
    double of(std::size_t limit, NodeSet group) const {
        double sum = 0;
        for (; group; group &= group - 1) sum += of_borough[limit][static_cast<std::size_t>(std::countr_zero(group))];
        return sum;
    }
    // How far the group is from the mean, in % of it.
    double deviation(std::size_t limit, NodeSet group) const {
        return mean[limit] > 0 ? 100 * std::abs(of(limit, group) - mean[limit]) / mean[limit] : 0;
    }
};

BalanceTable balance_table(const PlanScorer& scorer, const BoroughGraph& graph, const CandidateRules& rules) {
    BalanceTable table;
    table.limits = rules.balance;
    for (const BalanceLimit& limit : rules.balance) {
        const std::vector<double>& values = ward_measure(scorer, limit.measure);
        std::vector<double> sums(graph.codes.size(), 0.0);
        for (std::size_t b = 0; b < graph.codes.size(); ++b)
            for (std::size_t w : graph.wards[b]) sums[b] += values[w];
        table.mean.push_back(std::accumulate(sums.begin(), sums.end(), 0.0) / rules.units);
        table.of_borough.push_back(std::move(sums));
    }
    return table;
}

std::string percent(double value) { return fmt::format("{:.1f}%", value); }

std::string borough_list(const BoroughGraph& graph, NodeSet group) {
    std::string names;
    for (; group; group &= group - 1) names += (names.empty() ? "" : ", ") + graph.names[static_cast<std::size_t>(std::countr_zero(group))];
    return names;
}

// The boroughs of a reference unit, when it is made of whole boroughs.
NodeSet reference_group(const PlanScorer& scorer, const BoroughGraph& graph, int unit, std::string* split) {
    const std::vector<int>& reference = scorer.setup().reference_unit;
    NodeSet group = 0;
    for (std::size_t b = 0; b < graph.codes.size(); ++b) {
        std::size_t inside = 0;
        for (std::size_t w : graph.wards[b]) inside += reference[w] == unit ? 1 : 0;
        if (inside == graph.wards[b].size()) group |= bit(b);
        else if (inside > 0 && split && split->empty())
            *split = fmt::format("{} is split: {} of its {} wards are in {}", graph.names[b], inside, graph.wards[b].size(),
                                 scorer.setup().reference_units[static_cast<std::size_t>(unit)].code);
    }
    return group;
}

// What the search works on: the boroughs left once the locked units are taken out.
struct FreeGraph {
    std::vector<std::size_t> borough;   // free node -> borough
    std::vector<NodeSet> neighbours;    // over free nodes
    std::vector<NodeSet> locked;        // over boroughs, one per locked unit
    std::vector<int> locked_reference;  // its reference unit
};

FreeGraph free_graph(const PlanScorer& scorer, const BoroughGraph& graph, const CandidateRules& rules) {
    FreeGraph free;
    const ScoringSetup& setup = scorer.setup();
    NodeSet taken = 0;
    for (const std::string& code : rules.locks) {
        const auto found = std::find_if(setup.reference_units.begin(), setup.reference_units.end(), [&](const GroupInfo& g) { return g.code == code; });
        if (found == setup.reference_units.end()) {
            std::string codes;
            for (const GroupInfo& g : setup.reference_units) codes += (codes.empty() ? "" : ", ") + g.code;
            throw InputError("", "--lock " + code, "is not a command unit of the reference plan", "Lock one of: " + codes + ".");
        }
        const int unit = static_cast<int>(found - setup.reference_units.begin());
        std::string split;
        const NodeSet group = reference_group(scorer, graph, unit, &split);
        if (!split.empty()) throw InputError("", "--lock " + code, "is not made of whole boroughs: " + split, "Lock units of whole boroughs.");
        if (group == 0) throw InputError("", "--lock " + code, "has no wards in the reference plan", "Lock a unit that has wards.");
        free.locked.push_back(group);
        free.locked_reference.push_back(unit);
        taken |= group;
    }
    std::vector<int> free_index(graph.codes.size(), -1);
    for (std::size_t b = 0; b < graph.codes.size(); ++b)
        if (!(taken & bit(b))) free_index[b] = static_cast<int>(free.borough.size()), free.borough.push_back(b);
    for (std::size_t b : free.borough) {
        NodeSet n = 0;
        for (NodeSet m = graph.neighbours[b]; m; m &= m - 1)
            if (const int f = free_index[static_cast<std::size_t>(std::countr_zero(m))]; f >= 0) n |= bit(static_cast<std::size_t>(f));
        free.neighbours.push_back(n);
    }
    return free;
}

NodeSet to_boroughs(const FreeGraph& free, NodeSet group) {
    NodeSet out = 0;
    for (; group; group &= group - 1) out |= bit(free.borough[static_cast<std::size_t>(std::countr_zero(group))]);
    return out;
}

GroupLimits free_limits(const FreeGraph& free, const CandidateRules& rules) {
    return {rules.units - static_cast<int>(free.locked.size()), rules.min_parents, rules.max_parents};
}

std::uint64_t count_with(const FreeGraph& free, const CandidateRules& rules, const BalanceTable& balance) {
    const GroupLimits limits = free_limits(free, rules);
    if (limits.groups < 1) return 0;
    GroupingSpace space(free.neighbours, limits, [&](NodeSet group) {
        const NodeSet boroughs = to_boroughs(free, group);
        for (std::size_t l = 0; l < balance.limits.size(); ++l)
            if (balance.deviation(l, boroughs) > balance.limits[l].percent) return false;
        return true;
    });
    return space.count();
}

// Why nothing meets the rules, and by how much.
std::string explain_none(const PlanScorer& scorer, const BoroughGraph& graph, const FreeGraph& free, const CandidateRules& rules,
                         const BalanceTable& balance) {
    const std::size_t n = free.borough.size();
    const int k = rules.units - static_cast<int>(free.locked.size());
    std::string locked = free.locked.empty() ? "" : fmt::format(" (after the {} locked unit(s))", free.locked.size());
    if (k < 1 || static_cast<int>(n) < k * rules.min_parents || static_cast<int>(n) > k * rules.max_parents)
        return fmt::format("{} boroughs{} cannot make {} units of {} to {} boroughs: that needs {} to {} boroughs", n, locked, k,
                           rules.min_parents, rules.max_parents, k * rules.min_parents, k * rules.max_parents);
    for (std::size_t l = 0; l < balance.limits.size(); ++l)
        for (std::size_t i = 0; i < free.locked.size(); ++i)
            if (const double d = balance.deviation(l, free.locked[i]); d > balance.limits[l].percent)
                return fmt::format("the locked unit {} is {} from the mean {} (the limit is {})",
                                   scorer.setup().reference_units[static_cast<std::size_t>(free.locked_reference[i])].code, percent(d),
                                   balance.limits[l].measure, percent(balance.limits[l].percent));
    CandidateRules unbalanced = rules;
    unbalanced.balance.clear();
    if (count_with(free, unbalanced, balance_table(scorer, graph, unbalanced)) == 0)
        return fmt::format("the {} boroughs{} cannot be cut into {} connected units of {} to {} boroughs, whatever the balance", n, locked, k,
                           rules.min_parents, rules.max_parents);
    // Each limit alone: the tightest that any grouping meets, found by halving.
    std::string said;
    for (std::size_t l = 0; l < balance.limits.size(); ++l) {
        CandidateRules alone = unbalanced;
        alone.balance = {balance.limits[l]};
        const BalanceTable table = balance_table(scorer, graph, alone);
        double lo = 0, hi = 200;
        BalanceTable trial = table;
        trial.limits[0].percent = hi;
        if (count_with(free, alone, trial) == 0) {
            trial.limits[0].percent = hi = 1e9;
            if (count_with(free, alone, trial) == 0) continue;
            lo = 200;
        }
        // To 0.1%: 11 halvings of 200%.
        for (int step = 0; step < 11 || hi - lo > 0.1; ++step) {
            const double mid = (lo + hi) / 2;
            trial.limits[0].percent = mid;
            (count_with(free, alone, trial) > 0 ? hi : lo) = mid;
        }
        const BalanceLimit& limit = balance.limits[l];
        std::string line = fmt::format("no grouping into {} units keeps {} within {} of the mean: the closest is {}", rules.units, limit.measure,
                                       percent(limit.percent), percent(std::ceil(hi * 10) / 10));
        std::size_t largest = 0;
        for (std::size_t b = 1; b < graph.codes.size(); ++b)
            if (table.of_borough[0][b] > table.of_borough[0][largest]) largest = b;
        // A borough too big for any unit is the reason itself.
        if (table.mean[0] > 0 && table.of_borough[0][largest] > table.mean[0] * (1 + limit.percent / 100))
            line += fmt::format("; {} alone holds {:.2f} times the mean", graph.names[largest], table.of_borough[0][largest] / table.mean[0]);
        if (hi > limit.percent) said += (said.empty() ? "" : "\n") + line;
    }
    if (said.empty()) said = "each balance limit can be met on its own, but not all of them together";
    return said;
}

std::vector<int> ward_units(const BoroughGraph& graph, std::size_t wards, const std::vector<NodeSet>& groups) {
    std::vector<int> unit_of_ward(wards, -1);
    for (std::size_t u = 0; u < groups.size(); ++u)
        for (NodeSet g = groups[u]; g; g &= g - 1)
            for (std::size_t w : graph.wards[static_cast<std::size_t>(std::countr_zero(g))]) unit_of_ward[w] = static_cast<int>(u);
    return unit_of_ward;
}

Candidate make_candidate(const PlanScorer& scorer, const BoroughGraph& graph, std::vector<NodeSet> groups) {
    std::vector<int> unit_of_ward = ward_units(graph, scorer.wards().units.size(), groups);
    return scored_candidate(scorer, std::move(unit_of_ward), std::move(groups));
}

}  // namespace

BoroughGraph borough_graph(const WardSet& wards, const Adjacency& adjacency, const std::vector<int>& reference_unit) {
    BoroughGraph graph;
    std::map<std::string, std::size_t> index;
    for (std::size_t w = 0; w < wards.units.size(); ++w)
        if (reference_unit.empty() || reference_unit[w] >= 0) index.emplace(wards.units[w].parent_code, 0);
    if (index.size() > 64)
        throw InputError("", "--unit borough", fmt::format("there are {} boroughs; whole-borough search takes at most 64", index.size()),
                         "Use --unit ward, or fewer boroughs.");
    for (auto& [code, i] : index) i = graph.codes.size(), graph.codes.push_back(code), graph.names.emplace_back(), graph.wards.emplace_back();
    std::vector<int> borough_of(wards.units.size(), -1);
    for (std::size_t w = 0; w < wards.units.size(); ++w) {
        const auto found = index.find(wards.units[w].parent_code);
        if (found == index.end() || (!reference_unit.empty() && reference_unit[w] < 0)) continue;
        borough_of[w] = static_cast<int>(found->second);
        graph.wards[found->second].push_back(w);
        if (graph.names[found->second].empty()) graph.names[found->second] = wards.units[w].parent_name;
    }
    const auto neighbours = command_unit_neighbours(adjacency, borough_of, graph.codes.size());
    for (const auto& list : neighbours) {
        NodeSet n = 0;
        for (std::size_t b : list) n |= bit(b);
        graph.neighbours.push_back(n);
    }
    return graph;
}

std::string breaks_rules(const PlanScorer& scorer, const BoroughGraph& graph, const CandidateRules& rules, const std::vector<NodeSet>& groups) {
    if (static_cast<int>(groups.size()) != rules.units) return fmt::format("it has {} units, not {}", groups.size(), rules.units);
    const BalanceTable balance = balance_table(scorer, graph, rules);
    const std::vector<GroupInfo>& names = scorer.setup().reference_units;
    for (std::size_t u = 0; u < groups.size(); ++u) {
        const std::string unit = u < names.size() ? names[u].code : fmt::format("unit {}", u + 1);
        const int size = std::popcount(groups[u]);
        if (size < rules.min_parents || size > rules.max_parents)
            return fmt::format("{} has {} borough(s), outside {} to {}", unit, size, rules.min_parents, rules.max_parents);
        if (connected_parts(groups[u], graph.neighbours).size() != 1) return unit + " is not connected (" + borough_list(graph, groups[u]) + ")";
        for (std::size_t l = 0; l < balance.limits.size(); ++l)
            if (const double d = balance.deviation(l, groups[u]); d > balance.limits[l].percent)
                return fmt::format("{} is {} from the mean {} (the limit is {})", unit, percent(d), balance.limits[l].measure, percent(balance.limits[l].percent));
    }
    return "";
}

CandidateSearch search_borough_candidates(const PlanScorer& scorer, const CandidateRules& rules, const SearchOptions& options,
                                          const Progress& progress) {
    const ScoringSetup& setup = scorer.setup();
    // The workers report in turn: a progress bar or a window's model need not lock for them.
    std::mutex reporting;
    const auto tell = [&](std::string_view stage, double fraction) {
        std::lock_guard lock(reporting);
        report(progress, stage, fraction);
    };
    tell("Counting groupings", 0);
    if (setup.reference_unit.empty())
        throw InputError("", "--reference", "a borough search needs a reference plan for the boroughs it covers", "Give --reference PLAN.");
    CandidateSearch search;
    search.graph = borough_graph(scorer.wards(), scorer.facts().adjacency, setup.reference_unit);
    const BoroughGraph& graph = search.graph;
    score_column(options.rank_by);  // an unknown ranking is refused before the counting
    const FreeGraph free = free_graph(scorer, graph, rules);
    const BalanceTable balance = balance_table(scorer, graph, rules);

    // The reference plan, placed the same way.
    {
        std::vector<NodeSet> groups;
        std::string split;
        for (std::size_t u = 0; u < setup.reference_units.size(); ++u) groups.push_back(reference_group(scorer, graph, static_cast<int>(u), &split));
        Candidate reference;
        reference.groups = groups;
        reference.unit_of_ward = setup.reference_unit;
        reference.units = setup.reference_units;
        reference.scores = scorer.score(reference.unit_of_ward, reference.units);
        search.reference_breaks = split.empty() ? breaks_rules(scorer, graph, rules, groups) : split;
        search.reference_valid = search.reference_breaks.empty();
        search.reference = std::move(reference);
    }

    const auto counting = std::chrono::steady_clock::now();
    const GroupLimits limits = free_limits(free, rules);
    std::optional<GroupingSpace> space;
    if (limits.groups >= 1)
        space.emplace(free.neighbours, limits, [&](NodeSet group) {
            const NodeSet boroughs = to_boroughs(free, group);
            for (std::size_t l = 0; l < balance.limits.size(); ++l)
                if (balance.deviation(l, boroughs) > balance.limits[l].percent) return false;
            return true;
        });
    search.valid = space ? space->count() : 0;
    search.count_seconds = seconds_since(counting);
    if (search.valid == 0) {
        search.explanation = explain_none(scorer, graph, free, rules, balance);
        return search;
    }
    if (space->count_saturated()) throw InputError("", "candidates", "more groupings than 2^64 to count", "Add constraints.");

    // The plans to score: all of them, or a uniform sample.
    const auto scoring = std::chrono::steady_clock::now();
    std::vector<std::vector<NodeSet>> plans;
    const auto with_locks = [&](const std::vector<NodeSet>& free_groups) {
        std::vector<NodeSet> groups = free.locked;
        for (NodeSet g : free_groups) groups.push_back(to_boroughs(free, g));
        return groups;
    };
    search.exhaustive = search.valid <= options.exhaustive_limit;
    constexpr std::size_t report_every = 1024;  // a draw from billions takes tens of microseconds
    if (search.exhaustive) {
        plans.reserve(search.valid);
        space->for_each([&](const std::vector<NodeSet>& groups) {
            if (plans.size() % report_every == 0) tell("Listing groupings", static_cast<double>(plans.size()) / static_cast<double>(search.valid));
            return plans.push_back(with_locks(groups)), true;
        });
    } else {
        std::mt19937_64 random(options.seed);
        for (std::size_t i = 0; i < options.samples; ++i) {
            if (i % report_every == 0) tell("Drawing a sample", static_cast<double>(i) / static_cast<double>(options.samples));
            plans.push_back(with_locks(space->draw(random)));
        }
    }
    const std::vector<GroupInfo> units = numbered_units(static_cast<std::size_t>(rules.units));
    prepare_scores(search, options, plans.size(), units.size());
    constexpr std::size_t chunk = 256;
    std::atomic<std::size_t> chunks_done{0};
    const std::size_t chunks = (plans.size() + chunk - 1) / chunk;
    parallel_for(chunks, [&](std::size_t c) {
        tell("Scoring plans", static_cast<double>(chunks_done++) / static_cast<double>(chunks));
        for (std::size_t i = c * chunk; i < std::min(plans.size(), (c + 1) * chunk); ++i)
            record_scores(search, i, scorer.score(ward_units(graph, scorer.wards().units.size(), plans[i]), units));
    });
    rank_candidates(search, options, static_cast<double>(search.valid), [&](std::size_t i) { return make_candidate(scorer, graph, plans[i]); });
    search.score_seconds = seconds_since(scoring);
    return search;
}

}  // namespace geo
