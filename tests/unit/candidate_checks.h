#pragma once
// Every rule of a candidate search, checked on a candidate's ward assignment from the wards
// themselves (contiguity by the ward graph, boroughs whole, boroughs per unit, balance from the ward
// figures, locks), not from the search's own data. London 2014 wards and the bundled plan.
#include "geo/candidates/candidate.h"
#include "london_plan.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>

namespace wardmap_test {

enum class WholeBoroughs { all, as_the_rules_say };

// Every rule, checked on the candidate's ward assignment.
inline void expect_meets_rules(const geo::Candidate& c, const geo::CandidateRules& rules, const std::string& what, WholeBoroughs whole) {
    const geo::WardSet& wards = wardmap_test::london_2014();
    const geo::PlanScorer& scorer = wardmap_test::london_scorer();
    const auto& reference = wardmap_test::mps_plan_2014().group_of_unit;
    const std::size_t k = static_cast<std::size_t>(rules.units);
    ASSERT_EQ(c.units.size(), k) << what;
    std::vector<std::vector<std::size_t>> members(k);
    for (std::size_t w = 0; w < wards.units.size(); ++w) {
        // Exactly the wards the reference covers are in a unit.
        EXPECT_EQ(c.unit_of_ward[w] >= 0, reference[w] >= 0) << what << " " << wards.units[w].where();
        if (c.unit_of_ward[w] >= 0) members[static_cast<std::size_t>(c.unit_of_ward[w])].push_back(w);
    }
    std::map<std::string, std::set<int>> units_of_borough;
    for (std::size_t w = 0; w < wards.units.size(); ++w)
        if (c.unit_of_ward[w] >= 0) units_of_borough[wards.units[w].parent_code].insert(c.unit_of_ward[w]);
    const bool all_whole = whole == WholeBoroughs::all || rules.keep_all_whole;
    for (const auto& [borough, units] : units_of_borough)
        if (all_whole || std::count(rules.keep_whole.begin(), rules.keep_whole.end(), borough)) {
            EXPECT_EQ(units.size(), 1u) << what << ": " << borough << " split";
        }
    double totals[2] = {0, 0};
    for (std::size_t w = 0; w < wards.units.size(); ++w)
        if (reference[w] >= 0) totals[0] += scorer.setup().demand.of_ward[w], totals[1] += scorer.setup().population->of_ward[w];
    for (std::size_t u = 0; u < k; ++u) {
        // Connected over the ward graph.
        std::set<std::size_t> inside(members[u].begin(), members[u].end()), seen{members[u].at(0)};
        std::vector<std::size_t> stack{members[u][0]};
        while (!stack.empty()) {
            const std::size_t w = stack.back();
            stack.pop_back();
            for (std::size_t n : scorer.facts().adjacency.neighbours[w])
                if (inside.count(n) && seen.insert(n).second) stack.push_back(n);
        }
        EXPECT_EQ(seen.size(), inside.size()) << what << ": unit " << c.units[u].code << " not contiguous";
        std::set<std::string> boroughs;
        double sums[2] = {0, 0};
        for (std::size_t w : members[u]) {
            boroughs.insert(wards.units[w].parent_code);
            sums[0] += scorer.setup().demand.of_ward[w], sums[1] += scorer.setup().population->of_ward[w];
        }
        if (rules.parent_sizes) {
            EXPECT_GE(static_cast<int>(boroughs.size()), rules.min_parents) << what;
            EXPECT_LE(static_cast<int>(boroughs.size()), rules.max_parents) << what;
        }
        for (const geo::BalanceLimit& limit : rules.balance) {
            const int m = limit.measure == "crime" ? 0 : 1;
            const double mean = totals[m] / static_cast<double>(k);
            EXPECT_LE(std::abs(sums[m] - mean) / mean * 100, limit.percent + 1e-9) << what << ": " << c.units[u].code << " " << limit.measure;
        }
    }
    // Locked units: the reference's wards, exactly, under the reference's code.
    for (const std::string& code : rules.locks) {
        const auto& groups = wardmap_test::mps_plan_2014().groups;
        const int ref = static_cast<int>(std::find_if(groups.begin(), groups.end(), [&](const geo::GroupInfo& g) { return g.code == code; }) - groups.begin());
        const auto unit = std::find_if(c.units.begin(), c.units.end(), [&](const geo::GroupInfo& g) { return g.code == code; });
        ASSERT_NE(unit, c.units.end()) << what << ": locked " << code << " missing";
        const int u = static_cast<int>(unit - c.units.begin());
        for (std::size_t w = 0; w < wards.units.size(); ++w) EXPECT_EQ(reference[w] == ref, c.unit_of_ward[w] == u) << what << " " << code;
    }
}

}  // namespace wardmap_test
