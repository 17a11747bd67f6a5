#include "geo/store/merge.h"

#include <fmt/format.h>

#include <map>
#include <set>

namespace geo::store {
namespace {

// A ward absent from a plan file is unassigned: "".
std::map<std::string, std::string> by_ward(const PlanFile& plan) {
    return {plan.assignment.begin(), plan.assignment.end()};
}

std::string of(const std::map<std::string, std::string>& assignment, const std::string& ward) {
    const auto it = assignment.find(ward);
    return it == assignment.end() ? std::string() : it->second;
}

}  // namespace

PlanMerge merge_plans(const PlanFile& base, const PlanFile& theirs, const PlanFile& mine) {
    const auto b = by_ward(base), t = by_ward(theirs), m = by_ward(mine);
    std::set<std::string> wards;
    for (const auto* side : {&b, &t, &m})
        for (const auto& [ward, unit] : *side) wards.insert(ward);
    PlanMerge out;
    out.merged = theirs;
    out.merged.assignment.clear();
    out.merged.notes.clear();
    for (const std::string& ward : wards) {
        const std::string was = of(b, ward), their = of(t, ward), my = of(m, ward);
        std::string unit = their;
        if (my != was) {
            if (their == was || their == my) unit = my;
            else out.conflicts.push_back(fmt::format("{} moved by both (from {} to {} and to {})", ward, was.empty() ? "none" : was,
                                                     their.empty() ? "none" : their, my.empty() ? "none" : my));
        }
        if (!unit.empty()) out.merged.assignment.emplace_back(ward, unit);
    }
    // A command unit I added (or that only I still use) comes along with the wards I gave it.
    std::set<std::string> known;
    for (const CommandUnit& unit : out.merged.units) known.insert(unit.code);
    for (const CommandUnit& unit : mine.units)
        if (!known.count(unit.code)) out.merged.units.push_back(unit);
    return out;
}

}  // namespace geo::store
