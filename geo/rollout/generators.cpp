#include "geo/rollout/generators.h"

#include "geo/core/errors.h"
#include "geo/plan/csv_table.h"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <numeric>

namespace geo {
namespace {

std::string financial_year(int year) { return fmt::format("{}/{:02}", year, (year + 1) % 100); }

std::vector<PhaseCount> yearly(const std::vector<int>& counts, int first_year) {
    std::vector<PhaseCount> phases;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        const int year = first_year + static_cast<int>(i);
        phases.push_back({{financial_year(year), {year, 4, 1}}, counts[i]});
    }
    return phases;
}

std::string wards_listed(const WardSet& set, const std::vector<std::size_t>& units) {
    std::string list;
    for (std::size_t i = 0; i < std::min<std::size_t>(units.size(), 12); ++i) list += (i ? ", " : "") + set.units[units[i]].where();
    return list + (units.size() > 12 ? ", ..." : "");
}

}  // namespace

std::vector<PhaseCount> step_change_option(int option) {
    switch (option) {
    case 1: return level_growth(208, 624, {2004, 4, 1});
    case 2:
    case 4: return yearly({96, 264, 264}, 2004);
    case 3:
    case 5: return yearly({96, 176, 176, 176}, 2004);
    case 6: return deferred(step_change_option(1), 1);
    default:
        throw InputError("", fmt::format("Step Change option {}", option), "there are options 1 to 6",
                         "1: 208 a year; 2: 96, 264, 264; 3: 96, 176, 176, 176; 4 and 5: as 2 and 3; 6: option 1 a year later.");
    }
}

std::vector<PhaseCount> level_growth(int per_year, int total, Date first) {
    if (per_year <= 0) throw InputError("", "wards per year", "must be 1 or more", "e.g. 208 (Step Change option 1)");
    std::vector<int> counts;
    for (int left = total; left > 0; left -= per_year) counts.push_back(std::min(per_year, left));
    std::vector<PhaseCount> phases = yearly(counts, first.year);
    for (PhaseCount& phase : phases) phase.phase.start.month = first.month, phase.phase.start.day = first.day;
    return phases;
}

std::vector<PhaseCount> deferred(std::vector<PhaseCount> counts, int years) {
    for (PhaseCount& count : counts) {
        count.phase.start.year += years;
        if (count.phase.name.size() == 7 && count.phase.name[4] == '/') count.phase.name = financial_year(count.phase.start.year);
    }
    return counts;
}

Rollout by_counts(const WardSet& set, const std::vector<std::size_t>& order, const std::vector<PhaseCount>& counts, Remainder remainder) {
    if (counts.empty()) throw InputError("", "rollout", "no phases", "Give at least one phase with a ward count.");
    Rollout rollout;
    rollout.phase_of_unit.assign(set.units.size(), -1);
    for (const PhaseCount& count : counts) rollout.phases.push_back(count.phase);
    const int planned = std::accumulate(counts.begin(), counts.end(), 0, [](int sum, const PhaseCount& c) { return sum + c.wards; });
    const int wards = static_cast<int>(order.size());
    std::size_t next = 0;
    for (std::size_t p = 0; p < counts.size(); ++p)
        for (int k = 0; k < counts[p].wards && next < order.size(); ++k) rollout.phase_of_unit[order[next++]] = static_cast<int>(p);
    if (planned > wards) {
        rollout.notes.push_back(fmt::format("the phases count {} wards but the plan has {}: the last phase(s) get {} fewer", planned, wards, planned - wards));
    } else if (planned < wards) {
        const std::vector<std::size_t> left(order.begin() + next, order.end());
        if (remainder == Remainder::own_phase) {
            Date after = rollout.phases.back().start;
            ++after.year;
            rollout.phases.push_back({"Remainder", after});
        }
        const int target = static_cast<int>(rollout.phases.size()) - 1;
        for (std::size_t u : left) rollout.phase_of_unit[u] = target;
        rollout.notes.push_back(fmt::format("the phases count {} wards but the plan has {}: the {} left over go in {} ({}): {}", planned, wards,
                                            left.size(), rollout.phases[target].name, rollout.phases[target].start.iso(), wards_listed(set, left)));
    }
    return rollout;
}

Rollout by_command_unit(const WardSet& set, const Grouping& grouping, const std::vector<Tranche>& tranches) {
    Rollout rollout;
    rollout.whole_command_units = true;
    rollout.phase_of_unit.assign(set.units.size(), -1);
    std::vector<int> phase_of_group(grouping.groups.size(), -1);
    std::vector<Tranche> sorted = tranches;
    std::stable_sort(sorted.begin(), sorted.end(), [](const Tranche& a, const Tranche& b) { return a.phase.start < b.phase.start; });
    for (std::size_t p = 0; p < sorted.size(); ++p) {
        rollout.phases.push_back(sorted[p].phase);
        for (const std::string& code : sorted[p].units) {
            auto found = std::find_if(grouping.groups.begin(), grouping.groups.end(), [&](const GroupInfo& g) { return g.code == code; });
            if (found == grouping.groups.end())
                throw InputError("", "tranche " + sorted[p].phase.name, "command unit " + code + " is not in the plan", "Use the plan's unit codes (EA, CN, ...).");
            int& phase = phase_of_group[found - grouping.groups.begin()];
            if (phase >= 0) throw InputError("", "tranche " + sorted[p].phase.name, "command unit " + code + " is already in " + rollout.phases[phase].name, "Put each command unit in one tranche.");
            phase = static_cast<int>(p);
        }
    }
    std::string missing;
    for (std::size_t g = 0; g < grouping.groups.size(); ++g)
        if (phase_of_group[g] < 0) missing += (missing.empty() ? "" : ", ") + grouping.groups[g].code;
    if (!missing.empty()) throw InputError("", "tranches", "command unit(s) in no tranche: " + missing, "Every command unit needs a tranche.");
    for (std::size_t u = 0; u < set.units.size(); ++u)
        if (grouping.group_of_unit[u] >= 0) rollout.phase_of_unit[u] = phase_of_group[grouping.group_of_unit[u]];
    return rollout;
}

Rollout from_unit_phases(const WardSet& set, const Grouping& grouping) {
    std::vector<Tranche> tranches;
    std::vector<std::string> unscheduled;
    for (const GroupInfo& group : grouping.groups) {
        if (group.phase.empty()) {
            unscheduled.push_back(group.code);
            continue;
        }
        const auto date = parse_date(group.phase);
        if (!date)
            throw InputError("", "command unit " + group.code, "phase '" + group.phase + "' is not a date",
                             "Give the plan's phase column as YYYY-MM-DD or YYYY-MM, or use a tranches table.");
        auto same = std::find_if(tranches.begin(), tranches.end(), [&](const Tranche& t) { return t.phase.name == group.phase; });
        if (same == tranches.end()) tranches.push_back({{group.phase, *date}, {group.code}});
        else same->units.push_back(group.code);
    }
    if (tranches.empty()) throw InputError("", "plan phases", "no command unit of the plan has a phase", "Give --tranches or a generator instead.");
    // Only the units with a phase: the others' wards stay unscheduled.
    Grouping scheduled;
    std::vector<int> renumbered(grouping.groups.size(), -1);
    for (std::size_t g = 0; g < grouping.groups.size(); ++g)
        if (!grouping.groups[g].phase.empty()) {
            renumbered[g] = static_cast<int>(scheduled.groups.size());
            scheduled.groups.push_back(grouping.groups[g]);
        }
    for (int g : grouping.group_of_unit) scheduled.group_of_unit.push_back(g >= 0 ? renumbered[g] : -1);
    Rollout rollout = by_command_unit(set, scheduled, tranches);
    if (!unscheduled.empty()) {
        std::string list;
        for (const auto& code : unscheduled) list += (list.empty() ? "" : ", ") + code;
        rollout.notes.push_back(fmt::format("{} command unit(s) have no phase in the plan and are not scheduled: {}", unscheduled.size(), list));
    }
    return rollout;
}

std::vector<Tranche> read_tranches(const std::string& path) {
    const CsvTable table = read_csv(path);
    const auto unit = table.column("unit_code"), phase = table.column("phase"), start = table.column("start");
    if (!unit || !phase || !start) throw InputError(path, "header", "expected columns unit_code, phase, start", "Columns: " + table.header_list());
    std::vector<Tranche> tranches;
    std::map<std::string, std::size_t> tranche_of;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const auto& row = table.rows[r];
        const auto date = parse_date(row[*start]);
        if (!date) throw InputError(path, fmt::format("line {}", table.lines[r]), "not a date: '" + row[*start] + "'", "Dates are YYYY-MM-DD.");
        auto [at, added] = tranche_of.emplace(row[*phase], tranches.size());
        if (added) tranches.push_back({{row[*phase], *date}, {}});
        else if (tranches[at->second].phase.start != *date)
            throw InputError(path, fmt::format("line {}", table.lines[r]), "phase " + row[*phase] + " has two start dates", "One start date per phase.");
        tranches[at->second].units.push_back(row[*unit]);
    }
    return tranches;
}

void move_to_phase(Rollout& rollout, const WardSet& set, const Grouping& grouping, const std::string& code, const std::string& phase) {
    const int target = rollout.phase_named(phase);
    if (target < 0) {
        std::string names;
        for (const Phase& p : rollout.phases) names += (names.empty() ? "" : ", ") + p.name;
        throw InputError("", code + "=" + phase, "no phase named " + phase, "Phases: " + names + ".");
    }
    std::size_t moved = 0;
    for (std::size_t u = 0; u < set.units.size(); ++u) {
        const int g = grouping.group_of_unit[u];
        if (g < 0) continue;
        if (set.units[u].code == code || set.units[u].parent_code == code || grouping.groups[g].code == code) {
            rollout.phase_of_unit[u] = target;
            ++moved;
        }
    }
    if (moved == 0) throw InputError("", code + "=" + phase, code + " matches no ward, borough or command unit in the plan", "Give a code such as E05000026, E09000002 or EA.");
    rollout.notes.push_back(fmt::format("moved by hand: {} ({} ward(s)) into {}", code, moved, phase));
}

}  // namespace geo
