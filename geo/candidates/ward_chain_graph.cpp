#include "geo/candidates/ward_chain_graph.h"

#include <algorithm>
#include <stdexcept>

namespace geo {

void balance_limits(const WardChainInput& input, std::vector<double>& mean, std::vector<double>& low,
                    std::vector<double>& high) {
    mean.assign(input.balance.size(), 0);
    low.assign(input.balance.size(), 0);
    high.assign(input.balance.size(), 0);
    for (std::size_t m = 0; m < input.balance.size(); ++m) {
        const BalanceMeasure& measure = input.balance[m];
        double total = 0;
        for (std::size_t w = 0; w < input.start.size(); ++w)
            if (input.start[w] >= 0) total += measure.weight[w];
        mean[m] = input.units ? total / static_cast<double>(input.units) : 0;
        low[m] = mean[m] * (1 - measure.tolerance);
        high[m] = mean[m] * (1 + measure.tolerance);
    }
}

std::vector<std::int32_t> group_of_wards(const WardChainInput& input) {
    std::vector<std::int32_t> group(input.start.size(), -1);
    for (std::size_t g = 0; g < input.keep_whole.size(); ++g)
        for (std::size_t w : input.keep_whole[g].wards) {
            if (w >= group.size())
                throw std::invalid_argument("keep-whole group " + input.keep_whole[g].name + " names ward " +
                                            std::to_string(w) + " of " + std::to_string(group.size()));
            if (group[w] < 0) group[w] = static_cast<std::int32_t>(g);
        }
    return group;
}

std::string unit_label(const WardChainInput& input, std::size_t unit) {
    return unit < input.unit_names.size() ? input.unit_names[unit] : "command unit " + std::to_string(unit);
}

bool ward_is_free(const WardChainInput& input, std::size_t ward) {
    const int unit = input.start[ward];
    return unit >= 0 && (input.locked_unit.empty() || !input.locked_unit[static_cast<std::size_t>(unit)]);
}

namespace {

// Nodes: groups first (those with a free ward), then free wards outside any group, in ward order.
void number_nodes(const WardChainInput& input, const std::vector<std::int32_t>& group, ChainGraph& graph) {
    const std::size_t wards = input.start.size();
    graph.node_of_ward.assign(wards, -1);
    std::vector<std::int32_t> node_of_group(input.keep_whole.size(), -1);
    std::int32_t nodes = 0;
    for (std::size_t w = 0; w < wards; ++w)
        if (ward_is_free(input, w) && group[w] >= 0 && node_of_group[static_cast<std::size_t>(group[w])] < 0)
            node_of_group[static_cast<std::size_t>(group[w])] = 0;
    for (std::int32_t& node : node_of_group)
        if (node == 0) node = nodes++;
    for (std::size_t w = 0; w < wards; ++w) {
        if (!ward_is_free(input, w)) continue;
        graph.node_of_ward[w] = group[w] >= 0 ? node_of_group[static_cast<std::size_t>(group[w])] : nodes++;
    }
    const auto n = static_cast<std::size_t>(nodes);
    graph.start_unit.assign(n, -1);
    graph.locked_to.assign(n, -1);
    graph.wards.assign(n, 0);
    graph.weight.assign(n * graph.measures, 0);
    for (std::size_t w = 0; w < wards; ++w) {
        const std::int32_t node = graph.node_of_ward[w];
        if (node < 0) continue;
        const auto v = static_cast<std::size_t>(node);
        graph.start_unit[v] = input.start[w];
        if (!input.locked_ward.empty() && input.locked_ward[w]) graph.locked_to[v] = input.start[w];
        ++graph.wards[v];
        for (std::size_t m = 0; m < graph.measures; ++m) graph.weight[v * graph.measures + m] += input.balance[m].weight[w];
    }
}

void link_nodes(const WardChainInput& input, ChainGraph& graph) {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
    for (std::size_t w = 0; w < input.neighbours.size(); ++w) {
        const std::int32_t a = graph.node_of_ward[w];
        if (a < 0) continue;
        for (std::size_t x : input.neighbours[w]) {
            const std::int32_t b = graph.node_of_ward[x];
            if (b < 0 || b == a) continue;
            // Both directions, whatever the input held: the random walk needs a symmetric graph.
            pairs.emplace_back(static_cast<std::uint32_t>(a), static_cast<std::uint32_t>(b));
            pairs.emplace_back(static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(a));
        }
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    graph.adjacency.offset.assign(graph.size() + 1, 0);
    graph.adjacency.adjacent.clear();
    graph.edge_ends.clear();
    for (const auto& [a, b] : pairs) {
        ++graph.adjacency.offset[a + 1];
        graph.adjacency.adjacent.push_back(b);
        if (a < b) graph.edge_ends.insert(graph.edge_ends.end(), {a, b});
    }
    for (std::size_t v = 0; v < graph.size(); ++v) graph.adjacency.offset[v + 1] += graph.adjacency.offset[v];
}

}  // namespace

ChainGraph contract_wards(const WardChainInput& input) {
    ChainGraph graph;
    graph.units = input.units;
    graph.measures = input.balance.size();
    balance_limits(input, graph.mean, graph.low, graph.high);
    for (const BalanceMeasure& measure : input.balance) graph.tolerance.push_back(measure.tolerance);
    number_nodes(input, group_of_wards(input), graph);
    link_nodes(input, graph);
    return graph;
}

void expand_plan(const ChainGraph& graph, const std::vector<int>& start, const std::vector<std::int32_t>& unit_of_node,
                 std::vector<int>& unit_of_ward) {
    unit_of_ward.resize(start.size());
    for (std::size_t w = 0; w < start.size(); ++w) {
        const std::int32_t node = graph.node_of_ward[w];
        unit_of_ward[w] = node >= 0 ? unit_of_node[static_cast<std::size_t>(node)] : start[w];
    }
}

}  // namespace geo
