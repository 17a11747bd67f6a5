#include "geo/rollout/phase_results.h"

#include <algorithm>
#include <fmt/format.h>

namespace geo {
namespace {

std::vector<bool> live_after(const Rollout& rollout, int phase) {
    std::vector<bool> live(rollout.phase_of_unit.size());
    for (std::size_t u = 0; u < live.size(); ++u) live[u] = rollout.phase_of_unit[u] >= 0 && rollout.phase_of_unit[u] <= phase;
    return live;
}

void count_units(const Grouping& grouping, const std::vector<bool>& live, const Rollout& rollout, PhaseResult& result) {
    std::vector<std::size_t> live_wards(grouping.groups.size(), 0), wards(grouping.groups.size(), 0);
    for (std::size_t u = 0; u < live.size(); ++u) {
        const int g = grouping.group_of_unit[u];
        if (g < 0) continue;
        ++wards[g];
        if (live[u]) ++live_wards[g];
    }
    for (std::size_t g = 0; g < wards.size(); ++g) {
        const std::string& code = grouping.groups[g].code;
        if (wards[g] > 0 && live_wards[g] == wards[g]) result.units_live.push_back(code);
        else if (live_wards[g] > 0) {
            result.units_partial.push_back(code);
            if (rollout.whole_command_units)
                result.findings.push_back({Severity::warning, FindingKind::half_live, code,
                                           fmt::format("{} ({}) has {} of {} wards live; it should go live whole", code,
                                                       grouping.groups[g].name, live_wards[g], wards[g]),
                                           {code}, std::nullopt});
        }
    }
}

// A ward not live whose every neighbour in the plan is: a hole in the live area.
void find_gaps(const WardSet& set, const Grouping& grouping, const Adjacency& adjacency, const std::vector<bool>& live, PhaseResult& result) {
    for (std::size_t u = 0; u < live.size(); ++u) {
        if (live[u] || grouping.group_of_unit[u] < 0) continue;
        const auto& around = adjacency.neighbours[u];
        std::size_t in_plan = 0, live_around = 0;
        for (std::size_t n : around)
            if (grouping.group_of_unit[n] >= 0) ++in_plan, live_around += live[n] ? 1 : 0;
        if (in_plan > 0 && live_around == in_plan)
            result.findings.push_back({Severity::warning, FindingKind::gap, set.units[u].code,
                                       fmt::format("{} is not live but all {} of its neighbours are", set.units[u].where(), in_plan),
                                       {set.units[u].code}, std::nullopt});
    }
}

void count_officers(const Grouping& grouping, const Allocation& allocation, const std::vector<bool>& live, PhaseResult& result) {
    int officers = 0, pcsos = 0;
    std::vector<bool> touched(grouping.groups.size(), false);
    for (std::size_t u = 0; u < live.size(); ++u) {
        if (!live[u] || !allocation.ward_of_unit[u]) continue;
        officers += allocation.ward_of_unit[u]->dwo;
        pcsos += allocation.ward_of_unit[u]->pcso;
        touched[grouping.group_of_unit[u]] = true;
    }
    for (std::size_t g = 0; g < touched.size(); ++g)
        if (touched[g]) officers += allocation.units[g].officers() - allocation.units[g].dwo;
    result.officers = officers;
    result.pcsos = pcsos;
    result.establishment = allocation.establishment;
}

}  // namespace

std::vector<PhaseResult> phase_results(const WardSet& set, const Grouping& grouping, const Rollout& rollout, const Adjacency& adjacency,
                                       const Allocation* allocation) {
    std::vector<PhaseResult> results;
    const auto in_plan = static_cast<std::size_t>(std::count_if(grouping.group_of_unit.begin(), grouping.group_of_unit.end(), [](int g) { return g >= 0; }));
    for (std::size_t p = 0; p < rollout.phases.size(); ++p) {
        PhaseResult result;
        result.phase = rollout.phases[p];
        result.wards_in_plan = in_plan;
        const std::vector<bool> live = live_after(rollout, static_cast<int>(p));
        result.wards_live = static_cast<std::size_t>(std::count(live.begin(), live.end(), true));
        result.wards_new = static_cast<std::size_t>(std::count(rollout.phase_of_unit.begin(), rollout.phase_of_unit.end(), static_cast<int>(p)));
        count_units(grouping, live, rollout, result);
        find_gaps(set, grouping, adjacency, live, result);
        if (allocation) count_officers(grouping, *allocation, live, result);
        results.push_back(std::move(result));
    }
    return results;
}

std::vector<bool> live_on(const Rollout& rollout, Date date) {
    int last = -1;
    for (std::size_t p = 0; p < rollout.phases.size(); ++p)
        if (rollout.phases[p].start <= date) last = static_cast<int>(p);
    return live_after(rollout, last);
}

}  // namespace geo
