#include "geo/candidates/scores.h"

#include "geo/core/errors.h"
#include "geo/officers/apportion.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numbers>
#include <numeric>

namespace geo {
namespace {

const WardMeasure* measure_named(const ScoringSetup& setup, const std::string& name) {
    for (const WardMeasure& m : setup.pool_measures)
        if (m.name == name) return &m;
    if (setup.demand.name == name) return &setup.demand;
    if (setup.population && setup.population->name == name) return &*setup.population;
    return nullptr;
}

void check_length(const WardMeasure& measure, std::size_t wards) {
    if (measure.of_ward.size() != wards)
        throw InputError("", measure.name, "has " + std::to_string(measure.of_ward.size()) + " values for " + std::to_string(wards) + " wards",
                         "Join the measure to the wards being scored.");
}

// The weighted 95th percentile: the smallest distance within which 95% of the weight lies.
double weighted_p95(std::vector<std::pair<double, double>>& distance_weight) {
    if (distance_weight.empty()) return 0;
    std::sort(distance_weight.begin(), distance_weight.end());
    double total = 0;
    for (const auto& [d, w] : distance_weight) total += w;
    double seen = 0;
    for (const auto& [d, w] : distance_weight)
        if ((seen += w) >= 0.95 * total) return d;
    return distance_weight.back().first;
}

struct Reach {
    double mean = 0, p95 = 0;
    std::string headquarters;
};

}  // namespace

double PlanScorer::distance(std::size_t a, std::size_t b) const {
    const std::size_t n = facts_.x_km.size();
    if (!distance_.empty()) return distance_[a * n + b];
    const double dx = facts_.x_km[a] - facts_.x_km[b], dy = facts_.y_km[a] - facts_.y_km[b];
    return std::sqrt(dx * dx + dy * dy);
}

int UnitOfficers::officers() const { return dwo + leadership + std::accumulate(pool_posts.begin(), pool_posts.end(), 0); }

PlanScorer::PlanScorer(const WardSet& wards, WardFacts facts, ScoringSetup setup)
    : wards_(&wards), facts_(std::move(facts)), setup_(std::move(setup)) {
    const std::size_t n = wards.units.size();
    check_length(setup_.demand, n);
    if (setup_.population) check_length(*setup_.population, n);
    for (const WardMeasure& m : setup_.balance) check_length(m, n);
    for (const WardMeasure& m : setup_.pool_measures) check_length(m, n);
    if (!setup_.reference_unit.empty() && setup_.reference_unit.size() != n)
        throw InputError("", "reference plan", "does not cover the wards being scored", "Give a reference plan over the same wards.");
    std::map<std::string, int> parents;
    for (const Ward& unit : wards.units) {
        const auto [at, added] = parents.emplace(unit.parent_code, static_cast<int>(parents.size()));
        parent_of_ward_.push_back(at->second);
    }
    parent_count_ = parents.size();
    if (n <= 4000) {
        distance_.resize(n * n);
        for (std::size_t a = 0; a < n; ++a)
            for (std::size_t b = 0; b < n; ++b) {
                const double dx = facts_.x_km[a] - facts_.x_km[b], dy = facts_.y_km[a] - facts_.y_km[b];
                distance_[a * n + b] = static_cast<float>(std::sqrt(dx * dx + dy * dy));
            }
    }
    if (setup_.rules) {
        // Fail now, not on the first plan, when a pool weights by a measure that is not given.
        for (const Pool& pool : setup_.rules->pools)
            for (const WeightPart& part : pool.weight)
                if (part.measure != "equal" && part.measure != "area" && !measure_named(setup_, part.measure))
                    throw InputError(setup_.rules->path, "pool " + pool.name, "weights by " + part.measure + " but no " + part.measure + " figures were given",
                                     "Name a table in [measure." + part.measure + "] of the rules.");
    }
    if (!setup_.reference_unit.empty() && setup_.rules) reference_officers_ = officers_of_wards(*this, setup_.reference_unit, setup_.reference_units);
}

namespace {

// A ward's weight in each pool of the rules (before normalising by the units' total), and the
// units' totals: what geo::allocate shares pools by.
struct PoolWeights {
    std::vector<std::vector<double>> of_unit;  // [pool][unit]
    std::vector<std::vector<double>> of_ward;  // [pool][ward]
};

}  // namespace

static PoolWeights pool_weights(const PlanScorer& scorer, const std::vector<int>& unit_of_ward, std::size_t units,
                                const std::vector<std::size_t>& wards_of_unit) {
    const ScoringSetup& setup = scorer.setup();
    const std::size_t n = unit_of_ward.size();
    PoolWeights weights;
    const auto with_wards = static_cast<double>(std::count_if(wards_of_unit.begin(), wards_of_unit.end(), [](std::size_t c) { return c > 0; }));
    for (const Pool& pool : setup.rules->pools) {
        std::vector<double> unit(units, 0.0), ward(n, 0.0);
        for (const WeightPart& part : pool.weight) {
            if (part.measure == "equal") {
                for (std::size_t w = 0; w < n; ++w)
                    if (const int u = unit_of_ward[w]; u >= 0) ward[w] += part.share / with_wards / static_cast<double>(wards_of_unit[static_cast<std::size_t>(u)]);
                for (std::size_t u = 0; u < units; ++u)
                    if (wards_of_unit[u] > 0) unit[u] += part.share / with_wards;
                continue;
            }
            const std::vector<double>& values = part.measure == "area" ? scorer.facts().area_km2 : measure_named(setup, part.measure)->of_ward;
            std::vector<double> sums(units, 0.0);
            for (std::size_t w = 0; w < n; ++w)
                if (const int u = unit_of_ward[w]; u >= 0) sums[static_cast<std::size_t>(u)] += values[w];
            const double total = std::accumulate(sums.begin(), sums.end(), 0.0);
            if (total <= 0) continue;
            for (std::size_t u = 0; u < units; ++u) unit[u] += part.share * (sums[u] / total);
            for (std::size_t w = 0; w < n; ++w)
                if (unit_of_ward[w] >= 0) ward[w] += part.share * values[w] / total;
        }
        weights.of_unit.push_back(std::move(unit));
        weights.of_ward.push_back(std::move(ward));
    }
    return weights;
}

static std::vector<std::size_t> count_wards(const std::vector<int>& unit_of_ward, std::size_t units) {
    std::vector<std::size_t> count(units, 0);
    for (int u : unit_of_ward)
        if (u >= 0) ++count[static_cast<std::size_t>(u)];
    return count;
}

std::vector<UnitOfficers> PlanScorer::officers(const std::vector<int>& unit_of_ward, const std::vector<GroupInfo>& units) const {
    if (!setup_.rules) return {};
    const OfficerRules& rules = *setup_.rules;
    const std::vector<std::size_t> wards_of_unit = count_wards(unit_of_ward, units.size());
    std::vector<UnitOfficers> result(units.size());
    for (std::size_t w = 0; w < unit_of_ward.size(); ++w)
        if (const int u = unit_of_ward[w]; u >= 0)
            result[static_cast<std::size_t>(u)].dwo += rules.posts_for(wards_->units[w].code, wards_->units[w].parent_code).dwo;
    for (std::size_t u = 0; u < units.size(); ++u)
        if (wards_of_unit[u] > 0) result[u].leadership = rules.leadership.chief_superintendents + rules.leadership.superintendents;
    const PoolWeights weights = pool_weights(*this, unit_of_ward, units.size(), wards_of_unit);
    for (std::size_t p = 0; p < rules.pools.size(); ++p) {
        std::vector<std::size_t> live;
        std::vector<double> live_weights;
        std::vector<int> minimums;
        for (std::size_t u = 0; u < units.size(); ++u)
            if (wards_of_unit[u] > 0) live.push_back(u), live_weights.push_back(weights.of_unit[p][u]), minimums.push_back(rules.pools[p].minimum_of(units[u].code));
        std::vector<int> posts;
        try {
            posts = apportion(rules.pools[p].posts, live_weights, minimums);
        } catch (const std::invalid_argument& error) {
            throw InputError(rules.path, "pool " + rules.pools[p].name, error.what(), "Lower the minimums or raise the posts.");
        }
        for (UnitOfficers& unit : result) unit.pool_posts.push_back(0);
        for (std::size_t i = 0; i < live.size(); ++i) result[live[i]].pool_posts.back() = posts[i];
    }
    return result;
}

std::vector<double> officers_of_wards(const PlanScorer& scorer, const std::vector<int>& unit_of_ward, const std::vector<GroupInfo>& units) {
    const std::vector<UnitOfficers> officers = scorer.officers(unit_of_ward, units);
    std::vector<double> of_ward(unit_of_ward.size(), 0.0);
    if (officers.empty()) return of_ward;
    const OfficerRules& rules = *scorer.setup().rules;
    const std::vector<std::size_t> wards_of_unit = count_wards(unit_of_ward, units.size());
    const PoolWeights weights = pool_weights(scorer, unit_of_ward, units.size(), wards_of_unit);
    for (std::size_t w = 0; w < unit_of_ward.size(); ++w) {
        const int u = unit_of_ward[w];
        if (u < 0) continue;
        const auto unit = static_cast<std::size_t>(u);
        of_ward[w] = rules.posts_for(scorer.wards().units[w].code, scorer.wards().units[w].parent_code).dwo;
        for (std::size_t p = 0; p < rules.pools.size(); ++p) {
            const double unit_weight = weights.of_unit[p][unit];
            of_ward[w] += unit_weight > 0 ? officers[unit].pool_posts[p] * weights.of_ward[p][w] / unit_weight
                                          : static_cast<double>(officers[unit].pool_posts[p]) / static_cast<double>(wards_of_unit[unit]);
        }
    }
    return of_ward;
}

PlanScores PlanScorer::score(const std::vector<int>& unit_of_ward, const std::vector<GroupInfo>& units) const {
    const std::size_t n = unit_of_ward.size(), k = units.size();
    if (n != wards_->units.size())
        throw InputError("", "plan", "covers " + std::to_string(n) + " wards, not the " + std::to_string(wards_->units.size()) + " being scored",
                         "Score a plan over the same wards.");
    PlanScores plan;
    plan.units.resize(k);
    std::vector<std::vector<std::size_t>> members(k);
    for (std::size_t w = 0; w < n; ++w)
        if (const int u = unit_of_ward[w]; u >= 0) members[static_cast<std::size_t>(u)].push_back(w);

    // The balance measures: demand, population, area, then the others.
    std::vector<const std::vector<double>*> balance{&setup_.demand.of_ward};
    plan.balance_names = {setup_.demand.name};
    if (setup_.population) balance.push_back(&setup_.population->of_ward), plan.balance_names.push_back(setup_.population->name);
    balance.push_back(&facts_.area_km2), plan.balance_names.push_back("area");
    for (const WardMeasure& m : setup_.balance) balance.push_back(&m.of_ward), plan.balance_names.push_back(m.name);

    std::vector<double> perimeter(k, 0.0);
    std::vector<std::vector<double>> sums(balance.size(), std::vector<double>(k, 0.0));
    for (std::size_t u = 0; u < k; ++u) {
        UnitScore& unit = plan.units[u];
        unit.code = units[u].code, unit.name = units[u].name;
        unit.wards = members[u].size();
        std::vector<int> parents;
        for (std::size_t w : members[u]) {
            perimeter[u] += facts_.perimeter_km[w];
            for (std::size_t b = 0; b < balance.size(); ++b) sums[b][u] += (*balance[b])[w];
            parents.push_back(parent_of_ward_[w]);
        }
        std::sort(parents.begin(), parents.end());
        unit.parents = static_cast<std::size_t>(std::unique(parents.begin(), parents.end()) - parents.begin());
        unit.demand = sums[0][u];
        unit.population = setup_.population ? sums[1][u] : 0;
        unit.area_km2 = sums[setup_.population ? 2 : 1][u];
    }
    for (const WardBorder& border : facts_.borders) {
        const int a = unit_of_ward[border.a], b = unit_of_ward[border.b];
        if (a < 0 || b < 0) continue;
        if (a == b) perimeter[static_cast<std::size_t>(a)] -= 2 * border.km;
        else ++plan.borders_cut;
    }

    // Balance: each unit against the mean of the units that have wards.
    std::size_t live = 0;
    for (std::size_t u = 0; u < k; ++u) live += members[u].empty() ? 0 : 1;
    plan.max_deviation_pct.assign(balance.size(), 0.0);
    for (std::size_t b = 0; b < balance.size(); ++b) {
        const double mean = live ? std::accumulate(sums[b].begin(), sums[b].end(), 0.0) / static_cast<double>(live) : 0;
        for (std::size_t u = 0; u < k; ++u) {
            const double deviation = mean > 0 && !members[u].empty() ? 100 * (sums[b][u] - mean) / mean : 0;
            plan.units[u].deviation_pct.push_back(deviation);
            plan.max_deviation_pct[b] = std::max(plan.max_deviation_pct[b], std::abs(deviation));
        }
    }

    // Compactness.
    double pp_sum = 0;
    plan.polsby_popper_min = live ? 1.0 : 0.0;
    for (std::size_t u = 0; u < k; ++u) {
        if (members[u].empty()) continue;
        UnitScore& unit = plan.units[u];
        unit.polsby_popper = perimeter[u] > 0 ? 4 * std::numbers::pi * unit.area_km2 / (perimeter[u] * perimeter[u]) : 0;
        pp_sum += unit.polsby_popper;
        plan.polsby_popper_min = std::min(plan.polsby_popper_min, unit.polsby_popper);
    }
    plan.polsby_popper_mean = live ? pp_sum / static_cast<double>(live) : 0;

    // Boroughs per unit, and boroughs split between units.
    plan.parents_min = live ? SIZE_MAX : 0;
    for (std::size_t u = 0; u < k; ++u)
        if (!members[u].empty())
            plan.parents_min = std::min(plan.parents_min, plan.units[u].parents), plan.parents_max = std::max(plan.parents_max, plan.units[u].parents);
    std::vector<int> unit_of_parent(parent_count_, -2);  // -2: not seen, -3: split
    for (std::size_t w = 0; w < n; ++w) {
        const int u = unit_of_ward[w];
        if (u < 0) continue;
        int& seen = unit_of_parent[static_cast<std::size_t>(parent_of_ward_[w])];
        if (seen == -2) seen = u;
        else if (seen != u && seen != -3) seen = -3, ++plan.parents_split;
    }

    // Workload: demand against officers.
    if (setup_.rules) {
        const std::vector<UnitOfficers> officers = this->officers(unit_of_ward, units);
        plan.has_officers = true;
        double total_officers = 0, total_demand = 0;
        for (std::size_t u = 0; u < k; ++u) total_officers += officers[u].officers(), total_demand += plan.units[u].demand;
        std::vector<double> per_officer;
        for (std::size_t u = 0; u < k; ++u) {
            UnitScore& unit = plan.units[u];
            unit.officers = officers[u].officers();
            unit.officer_share = total_officers > 0 ? unit.officers / total_officers : 0;
            unit.demand_share = total_demand > 0 ? unit.demand / total_demand : 0;
            unit.demand_per_officer = unit.officers > 0 ? unit.demand / unit.officers : 0;
            if (!members[u].empty() && unit.officers > 0) per_officer.push_back(unit.demand_per_officer);
        }
        if (!per_officer.empty()) {
            const auto [lo, hi] = std::minmax_element(per_officer.begin(), per_officer.end());
            plan.workload_ratio = *lo > 0 ? *hi / *lo : 0;
            const double mean = std::accumulate(per_officer.begin(), per_officer.end(), 0.0) / static_cast<double>(per_officer.size());
            double squares = 0;
            for (double v : per_officer) squares += (v - mean) * (v - mean);
            plan.workload_cv = mean > 0 ? std::sqrt(squares / static_cast<double>(per_officer.size())) / mean : 0;
        }
    }

    // Reach: the headquarters that minimise the population-weighted mean distance of the unit's wards.
    const auto weight = [&](std::size_t w) { return setup_.population ? std::max(setup_.population->of_ward[w], 0.0) : 1.0; };
    std::vector<std::pair<double, double>> all_distances;
    double weighted_sum = 0, weight_total = 0;
    for (std::size_t u = 0; u < k; ++u) {
        if (members[u].empty()) continue;
        double unit_weight = 0;
        for (std::size_t w : members[u]) unit_weight += weight(w);
        double best = INFINITY;
        std::size_t best_ward = members[u][0], best_station = 0;
        std::vector<std::pair<double, double>> distances;
        if (!setup_.stations.empty()) {
            for (std::size_t s = 0; s < setup_.stations.size(); ++s) {
                double sum = 0;
                for (std::size_t w : members[u]) {
                    const double dx = facts_.x_km[w] - setup_.stations[s].x_km, dy = facts_.y_km[w] - setup_.stations[s].y_km;
                    sum += weight(w) * std::sqrt(dx * dx + dy * dy);
                }
                if (sum < best) best = sum, best_station = s;
            }
            for (std::size_t w : members[u]) {
                const double dx = facts_.x_km[w] - setup_.stations[best_station].x_km, dy = facts_.y_km[w] - setup_.stations[best_station].y_km;
                distances.emplace_back(std::sqrt(dx * dx + dy * dy), weight(w));
            }
            plan.units[u].headquarters = setup_.stations[best_station].name;
        } else {
            for (std::size_t hq : members[u]) {
                double sum = 0;
                for (std::size_t w : members[u]) sum += weight(w) * distance(hq, w);
                if (sum < best) best = sum, best_ward = hq;
            }
            for (std::size_t w : members[u]) distances.emplace_back(distance(best_ward, w), weight(w));
            plan.units[u].headquarters = wards_->units[best_ward].where();
        }
        for (const auto& [d, wt] : distances) weighted_sum += wt * d, weight_total += wt;
        all_distances.insert(all_distances.end(), distances.begin(), distances.end());
        UnitScore& unit = plan.units[u];
        unit.reach_mean_km = unit_weight > 0 ? best / unit_weight : 0;
        unit.reach_p95_km = weighted_p95(distances);
    }
    plan.reach_mean_km = weight_total > 0 ? weighted_sum / weight_total : 0;
    plan.reach_p95_km = weighted_p95(all_distances);

    // Core retention: each unit continues the reference unit it shares most population with
    // (wards when there is no population), one to one, the largest overlaps matched first.
    if (!setup_.reference_unit.empty()) {
        plan.has_reference = true;
        const std::size_t r = setup_.reference_units.size();
        std::vector<double> overlap(k * r, 0.0);
        for (std::size_t w = 0; w < n; ++w) {
            const int u = unit_of_ward[w], ref = setup_.reference_unit[w];
            if (u >= 0 && ref >= 0) overlap[static_cast<std::size_t>(u) * r + static_cast<std::size_t>(ref)] += setup_.population ? weight(w) + 1e-9 : 1.0;
        }
        std::vector<std::size_t> order(k * r);
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return overlap[a] > overlap[b]; });
        std::vector<int> match(k, -1);
        std::vector<bool> taken(r, false);
        for (std::size_t i : order) {
            const std::size_t u = i / r, ref = i % r;
            if (overlap[i] <= 0) break;
            if (match[u] >= 0 || taken[ref]) continue;
            match[u] = static_cast<int>(ref), taken[ref] = true;
        }
        for (std::size_t u = 0; u < k; ++u)
            if (match[u] >= 0) plan.units[u].matched_reference = setup_.reference_units[static_cast<std::size_t>(match[u])].code;
        double wards_in = 0, wards_kept = 0, pop_in = 0, pop_kept = 0, off_in = 0, off_kept = 0;
        for (std::size_t w = 0; w < n; ++w) {
            const int u = unit_of_ward[w], ref = setup_.reference_unit[w];
            if (u < 0 || ref < 0) continue;
            const bool kept = match[static_cast<std::size_t>(u)] == ref;
            const double officers = reference_officers_.empty() ? 0 : reference_officers_[w];
            wards_in += 1, pop_in += weight(w), off_in += officers;
            if (kept) wards_kept += 1, pop_kept += weight(w), off_kept += officers;
            else plan.moved_wards.push_back(w);
        }
        plan.retained_wards = wards_in > 0 ? wards_kept / wards_in : 0;
        plan.retained_population = pop_in > 0 ? pop_kept / pop_in : 0;
        plan.retained_officers = off_in > 0 ? off_kept / off_in : 0;
    }
    return plan;
}

}  // namespace geo

namespace geo {

const std::vector<ScoreColumn>& score_columns() {
    static const std::vector<ScoreColumn> columns{
        {"workload_ratio", "Demand per officer, max/min", "", true, [](const PlanScores& s) { return s.workload_ratio; }},
        {"workload_cv", "Demand per officer, CV", "", true, [](const PlanScores& s) { return s.workload_cv; }},
        {"demand_deviation", "Demand, largest deviation", "%", true, [](const PlanScores& s) { return s.max_deviation_pct.at(0); }},
        {"population_deviation", "Population, largest deviation", "%", true,
         [](const PlanScores& s) { return s.max_deviation_pct.size() > 2 ? s.max_deviation_pct[1] : 0.0; }},
        {"area_deviation", "Area, largest deviation", "%", true,
         [](const PlanScores& s) { return s.max_deviation_pct.size() > 2 ? s.max_deviation_pct[2] : s.max_deviation_pct.at(1); }},
        {"polsby_popper", "Compactness (Polsby-Popper), mean", "", false, [](const PlanScores& s) { return s.polsby_popper_mean; }},
        {"polsby_popper_min", "Compactness, least compact unit", "", false, [](const PlanScores& s) { return s.polsby_popper_min; }},
        {"borders_cut", "Ward boundaries cut", "", true, [](const PlanScores& s) { return static_cast<double>(s.borders_cut); }},
        {"reach_mean", "Reach, mean distance to HQ", "km", true, [](const PlanScores& s) { return s.reach_mean_km; }},
        {"reach_p95", "Reach, 95th percentile", "km", true, [](const PlanScores& s) { return s.reach_p95_km; }},
        {"retained_wards", "Core retention, wards", "%", false, [](const PlanScores& s) { return 100 * s.retained_wards; }},
        {"retained_population", "Core retention, population", "%", false, [](const PlanScores& s) { return 100 * s.retained_population; }},
        {"retained_officers", "Core retention, officers", "%", false, [](const PlanScores& s) { return 100 * s.retained_officers; }},
    };
    return columns;
}

const ScoreColumn& score_column(const std::string& key) {
    std::string keys;
    for (const ScoreColumn& column : score_columns()) {
        if (key == column.key) return column;
        keys += (keys.empty() ? "" : ", ") + std::string(column.key);
    }
    throw InputError("", key, "is not a score", "Scores: " + keys + ".");
}

double percentile_among(const std::vector<double>& values, double value, bool lower_is_better) {
    if (!std::isfinite(value)) return std::numeric_limits<double>::quiet_NaN();
    std::size_t finite = 0, no_better = 0;
    for (double v : values) {
        if (!std::isfinite(v)) continue;
        ++finite;
        if (lower_is_better ? v >= value : v <= value) ++no_better;
    }
    if (finite == 0) return std::numeric_limits<double>::quiet_NaN();
    return 100.0 * static_cast<double>(no_better) / static_cast<double>(finite);
}

const std::vector<double>& ward_measure(const PlanScorer& scorer, const std::string& name) {
    const ScoringSetup& setup = scorer.setup();
    if (name == setup.demand.name) return setup.demand.of_ward;
    if (setup.population && name == setup.population->name) return setup.population->of_ward;
    if (name == "area") return scorer.facts().area_km2;
    for (const WardMeasure& m : setup.balance)
        if (m.name == name) return m.of_ward;
    std::string names = setup.demand.name + (setup.population ? ", " + setup.population->name : "") + ", area";
    for (const WardMeasure& m : setup.balance) names += ", " + m.name;
    throw InputError("", "--balance " + name, "is not a measure the plans are scored by", "Balance one of: " + names + ".");
}

}  // namespace geo
