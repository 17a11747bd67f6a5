#include "geo/officers/allocation.h"

#include "geo/core/errors.h"
#include "geo/geos/context.h"
#include "geo/officers/apportion.h"

#include <algorithm>
#include <fmt/format.h>
#include <numeric>

namespace geo {
namespace {

const Measure& measure_named(const std::vector<Measure>& measures, const std::string& name, const OfficerRules& rules,
                             const std::string& pool) {
    for (const Measure& measure : measures)
        if (measure.name == name) return measure;
    throw InputError(rules.path, "pool " + pool, "weights by " + name + " but no " + name + " figures were given",
                     "Name a table in [measure." + name + "] of the rules, or give it on the command line (--" + name + ").");
}

// Each command unit's share (0..1) of one measure, over the units with a value.
std::vector<double> shares_of(const Measure& measure, const Grouping& grouping) {
    std::vector<double> totals(grouping.groups.size(), 0.0);
    for (std::size_t u = 0; u < measure.of_unit.size(); ++u)
        if (grouping.group_of_unit[u] >= 0 && measure.of_unit[u]) totals[grouping.group_of_unit[u]] += *measure.of_unit[u];
    const double sum = std::accumulate(totals.begin(), totals.end(), 0.0);
    for (double& total : totals) total = sum > 0 ? total / sum : 0.0;
    return totals;
}

std::vector<double> pool_weights(const Pool& pool, const Grouping& grouping, const std::vector<std::size_t>& wards,
                                 const OfficerRules& rules, const std::vector<Measure>& measures) {
    std::vector<double> weights(grouping.groups.size(), 0.0);
    const auto with_wards = std::count_if(wards.begin(), wards.end(), [](std::size_t n) { return n > 0; });
    for (const WeightPart& part : pool.weight) {
        std::vector<double> shares(grouping.groups.size(), 0.0);
        if (part.measure == "equal") {
            for (std::size_t g = 0; g < shares.size(); ++g) shares[g] = wards[g] > 0 ? 1.0 / static_cast<double>(with_wards) : 0.0;
        } else {
            shares = shares_of(measure_named(measures, part.measure, rules, pool.name), grouping);
        }
        for (std::size_t g = 0; g < weights.size(); ++g) weights[g] += part.share * shares[g];
    }
    return weights;
}

// Never a silent zero: wards in a command unit without a value are named.
void report_missing(const WardSet& set, const Grouping& grouping, const Measure& measure, std::vector<Finding>& findings) {
    std::vector<std::string> missing, codes;
    for (std::size_t u = 0; u < measure.of_unit.size(); ++u)
        if (grouping.group_of_unit[u] >= 0 && !measure.of_unit[u]) missing.push_back(set.units[u].where()), codes.push_back(set.units[u].code);
    if (missing.empty()) return;
    std::string list;
    for (std::size_t i = 0; i < std::min<std::size_t>(missing.size(), 10); ++i) list += (i ? ", " : "") + missing[i];
    findings.push_back({Severity::warning, FindingKind::missing_value, measure.name,
                        fmt::format("{}: {} ward(s) have no value and add nothing to their command unit's share: {}{}",
                                    measure.name, missing.size(), list, missing.size() > 10 ? ", ..." : ""),
                        std::move(codes), std::nullopt});
}

void place_ward_posts(const WardSet& set, const Grouping& grouping, const OfficerRules& rules, Allocation& result) {
    result.ward_of_unit.assign(set.units.size(), std::nullopt);
    for (std::size_t u = 0; u < set.units.size(); ++u) {
        const int g = grouping.group_of_unit[u];
        if (g < 0) continue;
        const WardPosts& posts = rules.posts_for(set.units[u].code, set.units[u].parent_code);
        result.ward_of_unit[u] = posts;
        CommandUnitPosts& unit = result.units[g];
        ++unit.wards;
        unit.dwo += posts.dwo;
        unit.pcso += posts.pcso;
    }
}

}  // namespace

int CommandUnitPosts::officers() const {
    return dwo + chief_superintendents + superintendents + std::accumulate(pool_posts.begin(), pool_posts.end(), 0);
}

std::vector<std::optional<double>> command_unit_officers_of_unit(const Allocation& allocation, const Grouping& grouping) {
    std::vector<std::optional<double>> values(grouping.group_of_unit.size());
    for (std::size_t u = 0; u < values.size(); ++u)
        if (const int group = grouping.group_of_unit[u]; group >= 0) values[u] = allocation.units[static_cast<std::size_t>(group)].officers();
    return values;
}

std::optional<int> Allocation::surplus() const {
    if (!establishment) return std::nullopt;
    return *establishment - officers;
}

Measure area_measure(const WardSet& set) {
    Measure measure{"area", "unit shapes (km²)", {}};
    for (const Ward& unit : set.units) measure.of_unit.emplace_back(geos::area(*unit.shape) / 1e6);
    return measure;
}

Allocation allocate(const WardSet& set, const Grouping& grouping, const OfficerRules& rules, const std::vector<Measure>& measures) {
    Allocation result;
    result.establishment = rules.establishment;
    for (const GroupInfo& group : grouping.groups) result.units.push_back({group.code, group.name, 0, 0, 0, 0, 0, {}, {}});
    place_ward_posts(set, grouping, rules, result);
    std::vector<std::size_t> wards;
    for (CommandUnitPosts& unit : result.units) {
        wards.push_back(unit.wards);
        if (unit.wards == 0) {
            result.findings.push_back({Severity::warning, FindingKind::empty_unit, unit.code,
                                       unit.code + " (" + unit.name + ") has no wards: no leadership, pools split over the rest",
                                       {unit.code}, std::nullopt});
            continue;
        }
        unit.chief_superintendents = rules.leadership.chief_superintendents;
        unit.superintendents = rules.leadership.superintendents;
    }
    for (const std::string& name : rules.measures_used())
        for (const Measure& measure : measures)
            if (measure.name == name) report_missing(set, grouping, measure, result.findings);
    for (const Pool& pool : rules.pools) {
        const std::vector<double> weights = pool_weights(pool, grouping, wards, rules, measures);
        for (const auto& floor : pool.minimum_for)
            if (const std::string& code = floor.first;
                std::none_of(grouping.groups.begin(), grouping.groups.end(), [&](const GroupInfo& g) { return g.code == code; }))
                throw InputError(rules.path, "pool " + pool.name + ".minimums." + code, "no command unit " + code + " in the plan",
                                 "Use the plan's command unit codes.");
        // Units with no wards get no floor: only those with wards are apportioned.
        std::vector<std::size_t> live;
        std::vector<double> live_weights;
        std::vector<int> minimums;
        for (std::size_t g = 0; g < wards.size(); ++g)
            if (wards[g] > 0) live.push_back(g), live_weights.push_back(weights[g]), minimums.push_back(pool.minimum_of(grouping.groups[g].code));
        const long long floors = std::accumulate(minimums.begin(), minimums.end(), 0LL);
        if (floors > pool.posts)
            throw InputError(rules.path, "pool " + pool.name, fmt::format("the minimums of its {} command units add up to {}, more than its {} posts", live.size(), floors, pool.posts),
                             "Lower the minimums or raise the posts.");
        const std::vector<int> posts = apportion(pool.posts, live_weights, minimums);
        for (CommandUnitPosts& unit : result.units) unit.pool_posts.push_back(0), unit.pool_weight.push_back(0.0);
        for (std::size_t i = 0; i < live.size(); ++i) {
            result.units[live[i]].pool_posts.back() = posts[i];
            result.units[live[i]].pool_weight.back() = weights[live[i]];
        }
        result.pools.push_back(pool.name);
        result.pool_sizes.push_back(pool.posts);
    }
    for (const CommandUnitPosts& unit : result.units) {
        result.officers += unit.officers();
        result.pcsos += unit.pcso;
        result.dwo += unit.dwo;
        result.leadership += unit.chief_superintendents + unit.superintendents;
    }
    return result;
}

}  // namespace geo
