#include "geo/compare/plan_diff.h"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <tuple>

namespace geo {
namespace {

// Command units are matched across the plans by code: a plan may add, drop or rename one.
std::string code_of(const ComparedPlan& plan, std::size_t ward) {
    const int group = plan.grouping->group_of_unit[ward];
    return group < 0 ? std::string() : plan.grouping->groups[static_cast<std::size_t>(group)].code;
}

void add(Total& total, const std::vector<std::optional<double>>& values, std::size_t ward) {
    if (values.empty()) return;
    total.known = true;
    if (values[ward]) total.sum += *values[ward];
    else ++total.missing;
}

void add_ward(UnitFigures& unit, const WardFigures& figures, std::size_t ward) {
    ++unit.wards;
    add(unit.crime, figures.crime, ward);
    add(unit.population, figures.population, ward);
    if (!figures.area_km2.empty()) unit.area_km2 += figures.area_km2[ward];
}

// Each command unit of one plan, by code: its wards' figures and, if allocated, its posts.
std::map<std::string, UnitFigures> figures_of(const WardSet& wards, const ComparedPlan& plan, const WardFigures& figures) {
    std::map<std::string, UnitFigures> units;
    for (const GroupInfo& group : plan.grouping->groups) units[group.code].in_plan = true;
    for (std::size_t w = 0; w < wards.units.size(); ++w)
        if (const std::string code = code_of(plan, w); !code.empty()) add_ward(units[code], figures, w);
    if (!plan.allocation) return units;
    for (const CommandUnitPosts& posts : plan.allocation->units) {
        UnitFigures& unit = units[posts.code];
        unit.dwo = posts.dwo;
        unit.pcso = posts.pcso;
        unit.leadership = posts.chief_superintendents + posts.superintendents;
        unit.officers = posts.officers();
        for (std::size_t p = 0; p < plan.allocation->pools.size(); ++p)
            unit.pools.emplace_back(plan.allocation->pools[p], posts.pool_posts[p]);
    }
    return units;
}

std::string name_in(const ComparedPlan& a, const ComparedPlan& b, const std::string& code) {
    for (const ComparedPlan* plan : {&b, &a})
        for (const GroupInfo& group : plan->grouping->groups)
            if (group.code == code) return group.name;
    return code;
}

std::vector<UnitChange> unit_changes(const WardSet& wards, const ComparedPlan& a, const ComparedPlan& b, const WardFigures& figures) {
    const auto before = figures_of(wards, a, figures), after = figures_of(wards, b, figures);
    std::vector<std::string> order;
    for (const ComparedPlan* plan : {&a, &b})
        for (const GroupInfo& group : plan->grouping->groups)
            if (std::find(order.begin(), order.end(), group.code) == order.end()) order.push_back(group.code);
    std::vector<UnitChange> changes;
    for (const std::string& code : order) {
        UnitChange change{code, name_in(a, b, code), {}, {}};
        if (const auto it = before.find(code); it != before.end()) change.before = it->second;
        if (const auto it = after.find(code); it != after.end()) change.after = it->second;
        changes.push_back(std::move(change));
    }
    return changes;
}

// How many wards each borough has, to tell a whole borough moving from part of one.
std::map<std::string, std::size_t> wards_per_borough(const WardSet& wards) {
    std::map<std::string, std::size_t> count;
    for (const Ward& ward : wards.units) ++count[ward.parent_code];
    return count;
}

}  // namespace

bool UnitChange::changed() const {
    return before.wards != after.wards || before.in_plan != after.in_plan || before.officers != after.officers ||
           before.pcso != after.pcso || before.pools != after.pools;
}

PlanDiff diff_plans(const WardSet& wards, const ComparedPlan& a, const ComparedPlan& b, const WardFigures& figures) {
    PlanDiff diff;
    diff.officers = a.allocation && b.allocation;
    std::map<std::tuple<std::string, std::string, std::string>, Move> moves;  // from, to, borough
    for (std::size_t w = 0; w < wards.units.size(); ++w) {
        const std::string from = code_of(a, w), to = code_of(b, w);
        if (from == to) continue;
        const Ward& ward = wards.units[w];
        Move& move = moves[{from, to, ward.parent_code}];
        if (move.wards.empty()) {
            move.borough_code = ward.parent_code;
            move.borough_name = ward.parent_name.empty() ? ward.parent_code : ward.parent_name;
            move.from_code = from, move.to_code = to;
            move.from_name = from.empty() ? "" : name_in(b, a, from);  // the name plan A gave it
            move.to_name = to.empty() ? "" : name_in(a, b, to);
        }
        move.wards.push_back(w);
        // The ward's own posts go with it: plan A's, or plan B's for a ward plan A had no posts for.
        for (const Allocation* allocation : {a.allocation, b.allocation})
            if (allocation && allocation->ward_of_unit[w]) {
                move.dwo += allocation->ward_of_unit[w]->dwo;
                move.pcso += allocation->ward_of_unit[w]->pcso;
                break;
            }
        add(move.crime, figures.crime, w);
        add(move.population, figures.population, w);
        if (!figures.area_km2.empty()) move.area_km2 += figures.area_km2[w];
        ++diff.wards_moved;
    }
    const auto per_borough = wards_per_borough(wards);
    for (auto& [key, move] : moves) {
        move.whole_borough = !move.borough_code.empty() && move.wards.size() == per_borough.at(move.borough_code);
        std::sort(move.wards.begin(), move.wards.end(),
                  [&](std::size_t x, std::size_t y) { return wards.units[x].code < wards.units[y].code; });
        diff.moves.push_back(std::move(move));
    }
    diff.units = unit_changes(wards, a, b, figures);
    return diff;
}

namespace {

std::string total_text(const Total& total, const char* what) {
    if (!total.known) return {};
    std::string text = fmt::format("{} {:.0f}", what, total.sum);
    if (total.missing) text += fmt::format(" ({} ward(s) without a value)", total.missing);
    return text;
}

}  // namespace

std::string move_figures(const Move& move, bool officers) {
    std::string text = officers ? fmt::format("{} DWO, {} PCSO", move.dwo, move.pcso) : std::string();
    for (const std::string& part : {total_text(move.crime, "crime"), total_text(move.population, "population"),
                                    fmt::format("{:.2f} km²", move.area_km2)})
        if (!part.empty()) text += (text.empty() ? "" : "; ") + part;
    return text;
}

std::string describe(const WardSet& wards, const Move& move) {
    const auto side = [](const std::string& code, const std::string& name) { return code.empty() ? std::string("no command unit") : name; };
    const std::string route = side(move.from_code, move.from_name) + " → " + side(move.to_code, move.to_name);
    if (move.whole_borough) return fmt::format("{}: {} wards {}", move.borough_name, move.wards.size(), route);
    if (move.wards.size() == 1) return fmt::format("{} ({}): {}", wards.units[move.wards.front()].where(), move.borough_name, route);
    // Most of a borough: the few wards that stay say more than the many that go.
    std::vector<std::size_t> staying;
    for (std::size_t w = 0; w < wards.units.size(); ++w)
        if (wards.units[w].parent_code == move.borough_code && !std::binary_search(move.wards.begin(), move.wards.end(), w, [&](std::size_t x, std::size_t y) {
                return wards.units[x].code < wards.units[y].code;
            }))
            staying.push_back(w);
    const bool all_but = move.wards.size() > 3 && staying.size() <= 3;
    std::string names;
    for (std::size_t w : all_but ? staying : move.wards) names += (names.empty() ? "" : ", ") + wards.units[w].where();
    return fmt::format("{}: {} wards {} ({}{})", move.borough_name, move.wards.size(), route, all_but ? "all but " : "", names);
}

}  // namespace geo
