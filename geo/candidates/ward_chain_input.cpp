#include "geo/candidates/ward_chain_input.h"

#include "geo/core/errors.h"

#include <algorithm>
#include <map>
#include <set>

namespace geo {

namespace {

std::string listed(const std::set<std::string>& codes) {
    std::string text;
    for (const std::string& code : codes) text += (text.empty() ? "" : " ") + code;
    return text;
}

void lock_units(const Assignment& plan, const std::vector<std::string>& codes, WardChainInput& input) {
    input.locked_unit.assign(plan.units.size(), false);
    for (std::size_t u = 0; u < plan.units.size(); ++u) input.locked_unit[u] = plan.units[u].locked;
    for (const std::string& code : codes) {
        const int unit = plan.find(code);
        if (unit < 0) {
            std::set<std::string> known;
            for (const CommandUnit& cu : plan.units) known.insert(cu.code);
            throw InputError("", "--lock " + code, "the plan has no command unit " + code,
                             "its command units are: " + listed(known));
        }
        input.locked_unit[static_cast<std::size_t>(unit)] = true;
    }
}

void group_boroughs(const WardSet& wards, const Assignment& plan, const WardChainSetup& setup, WardChainInput& input) {
    std::set<std::string> wanted(setup.keep_whole.begin(), setup.keep_whole.end()), known;
    std::map<std::string, std::size_t> group_of_parent;
    for (std::size_t w = 0; w < wards.units.size(); ++w) {
        const Ward& ward = wards.units[w];
        known.insert(ward.parent_code);
        if (plan.unit_of[w] < 0 || ward.parent_code.empty()) continue;
        if (!setup.keep_boroughs_whole && !wanted.count(ward.parent_code)) continue;
        auto [at, added] = group_of_parent.try_emplace(ward.parent_code, input.keep_whole.size());
        if (added) input.keep_whole.push_back({ward.parent_name.empty() ? ward.parent_code : ward.parent_name, {}});
        input.keep_whole[at->second].wards.push_back(w);
    }
    for (const std::string& code : wanted)
        if (!known.count(code))
            throw InputError("", "--keep-whole " + code, "no ward has the parent (borough) code " + code,
                             "the wards' parent codes are: " + listed(known));
}

}  // namespace

WardChainInput ward_chain_input(const WardSet& wards, const Adjacency& adjacency, const Assignment& plan,
                                const WardChainSetup& setup) {
    WardChainInput input;
    input.neighbours = adjacency.neighbours;
    input.start.resize(plan.unit_of.size());
    std::transform(plan.unit_of.begin(), plan.unit_of.end(), input.start.begin(), [](int u) { return u < 0 ? -1 : u; });
    input.units = plan.units.size();
    input.balance = setup.balance;
    lock_units(plan, setup.locked_units, input);
    group_boroughs(wards, plan, setup, input);
    for (const CommandUnit& unit : plan.units) input.unit_names.push_back(unit.name.empty() ? unit.code : unit.name);
    for (const Ward& ward : wards.units) input.ward_names.push_back(ward.where());
    return input;
}

}  // namespace geo
