#include "geo/rollout/priority.h"

#include "geo/core/errors.h"

#include <algorithm>
#include <deque>
#include <fmt/format.h>

namespace geo {
namespace {

std::vector<std::size_t> in_plan_order(const WardSet& set, const Grouping& grouping) {
    std::vector<std::size_t> units;
    for (std::size_t u = 0; u < set.units.size(); ++u)
        if (grouping.group_of_unit[u] >= 0) units.push_back(u);
    std::stable_sort(units.begin(), units.end(), [&](std::size_t a, std::size_t b) {
        const int ga = grouping.group_of_unit[a], gb = grouping.group_of_unit[b];
        return ga != gb ? ga < gb : set.units[a].code < set.units[b].code;
    });
    return units;
}

std::string listed(const WardSet& set, const std::vector<std::size_t>& units) {
    std::string list;
    for (std::size_t i = 0; i < std::min<std::size_t>(units.size(), 10); ++i) list += (i ? ", " : "") + set.units[units[i]].where();
    return list + (units.size() > 10 ? ", ..." : "");
}

WardOrder by_value(const WardSet& set, std::vector<std::size_t> units, const Priority& priority) {
    const bool highest = priority.kind == PriorityKind::highest;
    std::vector<std::size_t> without;
    std::erase_if(units, [&](std::size_t u) {
        const bool missing = u >= priority.values.size() || !priority.values[u];
        if (missing) without.push_back(u);
        return missing;
    });
    std::stable_sort(units.begin(), units.end(), [&](std::size_t a, std::size_t b) {
        return highest ? *priority.values[a] > *priority.values[b] : *priority.values[a] < *priority.values[b];
    });
    WardOrder order{units, {}};
    if (!without.empty()) {
        order.notes.push_back(fmt::format("{} ward(s) have no value and go last: {}", without.size(), listed(set, without)));
        order.units.insert(order.units.end(), without.begin(), without.end());
    }
    return order;
}

WardOrder by_borough(const WardSet& set, std::vector<std::size_t> units, const Priority& priority) {
    auto rank = [&](const Ward& unit) {
        for (std::size_t i = 0; i < priority.boroughs.size(); ++i)
            if (priority.boroughs[i] == unit.parent_code || priority.boroughs[i] == unit.parent_name) return i;
        return priority.boroughs.size();
    };
    for (const std::string& borough : priority.boroughs)
        if (std::none_of(units.begin(), units.end(), [&](std::size_t u) { return set.units[u].parent_code == borough || set.units[u].parent_name == borough; }))
            throw InputError("", "borough order", "no ward in the plan is in borough '" + borough + "'", "Give borough codes (E09000007) or names (Camden).");
    std::stable_sort(units.begin(), units.end(), [&](std::size_t a, std::size_t b) { return rank(set.units[a]) < rank(set.units[b]); });
    WardOrder order{units, {}};
    const auto unlisted = std::count_if(units.begin(), units.end(), [&](std::size_t u) { return rank(set.units[u]) == priority.boroughs.size(); });
    if (unlisted > 0) order.notes.push_back(fmt::format("{} ward(s) in boroughs not in the order go last, in plan order", unlisted));
    return order;
}

// Breadth-first from every seed ward at once: each layer is the wards touching the live area.
WardOrder outward(const WardSet& set, const Grouping& grouping, const std::vector<std::size_t>& units, const Priority& priority) {
    if (!priority.adjacency) throw InputError("", "outward priority", "no ward adjacency given", "Compute it with ward_adjacency().");
    std::vector<char> seen(set.units.size(), 0);
    std::deque<std::size_t> queue;
    for (const std::string& seed : priority.seeds) {
        bool found = false;
        for (std::size_t u : units) {
            const int g = grouping.group_of_unit[u];
            if (set.units[u].code == seed || set.units[u].parent_code == seed || grouping.groups[g].code == seed) {
                found = true;
                if (!seen[u]) seen[u] = 1, queue.push_back(u);
            }
        }
        if (!found) throw InputError("", "outward from " + seed, "matches no command unit, borough or ward in the plan", "Give codes such as EA, E09000007 or E05000026.");
    }
    if (queue.empty()) throw InputError("", "outward priority", "no seed given", "Name the pathfinders, e.g. EA,CN.");
    WardOrder order;
    while (!queue.empty()) {
        const std::size_t u = queue.front();
        queue.pop_front();
        order.units.push_back(u);
        for (std::size_t next : priority.adjacency->neighbours[u])
            if (!seen[next] && grouping.group_of_unit[next] >= 0) seen[next] = 1, queue.push_back(next);
    }
    std::vector<std::size_t> unreached;
    for (std::size_t u : units)
        if (!seen[u]) unreached.push_back(u);
    if (!unreached.empty()) {
        order.notes.push_back(fmt::format("{} ward(s) share no boundary with the rest and go last: {}", unreached.size(), listed(set, unreached)));
        order.units.insert(order.units.end(), unreached.begin(), unreached.end());
    }
    return order;
}

}  // namespace

WardOrder priority_order(const WardSet& set, const Grouping& grouping, const Priority& priority) {
    std::vector<std::size_t> units = in_plan_order(set, grouping);
    switch (priority.kind) {
    case PriorityKind::highest:
    case PriorityKind::lowest: return by_value(set, std::move(units), priority);
    case PriorityKind::borough_order: return by_borough(set, std::move(units), priority);
    case PriorityKind::outward: return outward(set, grouping, units, priority);
    case PriorityKind::plan_order: break;
    }
    return {units, {}};
}

}  // namespace geo
