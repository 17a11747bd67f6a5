#include "geo/plan/resolve.h"

#include <unordered_map>
#include <unordered_set>

namespace geo {

PlanResolution resolve_plan(const WardSet& set, const Plan& plan, const CodeChanges& changes) {
    PlanResolution resolution;
    std::unordered_map<std::string, int> unit_index;
    for (const CommandUnit& unit : plan.units) {
        unit_index.emplace(unit.code, static_cast<int>(resolution.grouping.groups.size()));
        resolution.grouping.groups.push_back({unit.code, unit.name, unit.colour, unit.phase});
    }
    std::unordered_map<std::string, const PlanRow*> row_of;
    for (const PlanRow& row : plan.rows) row_of.emplace(row.key, &row);

    // A row is known when its code is a unit's or a parent's, even if every unit under that
    // parent is moved by rows of its own.
    std::unordered_set<std::string> known;
    for (const Ward& unit : set.units) {
        known.insert(unit.code);
        if (unit.parent_code.empty()) continue;
        known.insert(unit.parent_code);
        if (auto renamed = changes.find(unit.parent_code); renamed != changes.end()) known.insert(renamed->second);
    }
    resolution.grouping.group_of_unit.assign(set.units.size(), -1);
    for (std::size_t u = 0; u < set.units.size(); ++u) {
        const Ward& unit = set.units[u];
        const PlanRow* row = nullptr;
        if (auto it = row_of.find(unit.code); it != row_of.end()) {
            row = it->second;
            ++resolution.by_unit_row;
        } else if (!unit.parent_code.empty()) {
            auto by_parent = row_of.find(unit.parent_code);
            if (by_parent == row_of.end())
                if (auto renamed = changes.find(unit.parent_code); renamed != changes.end()) {
                    by_parent = row_of.find(renamed->second);
                    if (by_parent != row_of.end()) resolution.code_changes_used.insert(*renamed);
                }
            if (by_parent != row_of.end()) {
                row = by_parent->second;
                ++resolution.by_parent_row;
            }
        }
        if (!row) {
            resolution.unassigned.push_back(u);
            continue;
        }
        if (row->unit_code.empty()) resolution.left_out.push_back(u);
        else resolution.grouping.group_of_unit[u] = unit_index.at(row->unit_code);
    }
    for (const PlanRow& row : plan.rows)
        if (!known.count(row.key)) resolution.unknown_rows.push_back(row);
    return resolution;
}

}  // namespace geo
