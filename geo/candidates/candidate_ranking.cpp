#include "geo/candidates/candidate_ranking.h"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

namespace geo {
namespace {

std::size_t column_index(const std::string& key) {
    const auto& columns = score_columns();
    return static_cast<std::size_t>(&score_column(key) - columns.data());
}

// Indexes of the plans no other plan beats on every one of `columns` (and betters on one).
std::vector<std::size_t> pareto_front(const std::vector<std::vector<double>>& values, const std::vector<std::size_t>& columns) {
    const auto& all = score_columns();
    const std::size_t n = values.empty() ? 0 : values[0].size();
    // Oriented so that smaller is better on every column.
    const auto v = [&](std::size_t c, std::size_t i) { return all[columns[c]].lower_is_better ? values[columns[c]][i] : -values[columns[c]][i]; };
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        for (std::size_t c = 0; c < columns.size(); ++c)
            if (v(c, a) != v(c, b)) return v(c, a) < v(c, b);
        return a < b;
    });
    std::vector<std::size_t> front;
    for (std::size_t i : order) {
        // Sorted lexicographically: only an earlier plan can dominate a later one.
        const bool dominated = std::any_of(front.begin(), front.end(), [&](std::size_t f) {
            bool strictly = false;
            for (std::size_t c = 0; c < columns.size(); ++c) {
                if (v(c, f) > v(c, i)) return false;
                strictly = strictly || v(c, f) < v(c, i);
            }
            return strictly;
        });
        if (!dominated) front.push_back(i);
    }
    return front;
}

}  // namespace

// Each ward's unit renumbered in the order units are first met: equal for the same partition.
std::vector<int> canonical_partition(const std::vector<int>& unit_of_ward) {
    std::vector<int> renumber, out;
    out.reserve(unit_of_ward.size());
    for (int u : unit_of_ward) {
        if (u < 0) {
            out.push_back(-1);
            continue;
        }
        if (static_cast<std::size_t>(u) >= renumber.size()) renumber.resize(static_cast<std::size_t>(u) + 1, -1);
        int& to = renumber[static_cast<std::size_t>(u)];
        if (to < 0) to = static_cast<int>(std::count_if(renumber.begin(), renumber.end(), [](int r) { return r >= 0; }));
        out.push_back(to);
    }
    return out;
}

bool same_grouping(const Candidate& a, const Candidate& b) {
    if (!a.groups.empty() && !b.groups.empty()) {
        std::vector<NodeSet> x = a.groups, y = b.groups;
        std::sort(x.begin(), x.end());
        std::sort(y.begin(), y.end());
        return x == y;
    }
    return canonical_partition(a.unit_of_ward) == canonical_partition(b.unit_of_ward);
}

std::vector<std::string> units_that_differ(const Candidate& candidate, const Candidate& reference) {
    const auto index_of = [](const std::vector<GroupInfo>& units, const std::string& code) {
        const auto found = std::find_if(units.begin(), units.end(), [&](const GroupInfo& g) { return g.code == code; });
        return found == units.end() ? -1 : static_cast<int>(found - units.begin());
    };
    std::vector<int> reference_of(candidate.units.size()), candidate_of(reference.units.size());
    for (std::size_t u = 0; u < candidate.units.size(); ++u) reference_of[u] = index_of(reference.units, candidate.units[u].code);
    for (std::size_t r = 0; r < reference.units.size(); ++r) candidate_of[r] = index_of(candidate.units, reference.units[r].code);
    std::vector<bool> differs(candidate.units.size(), false);
    for (std::size_t u = 0; u < candidate.units.size(); ++u) differs[u] = reference_of[u] < 0;
    const std::size_t wards = std::min(candidate.unit_of_ward.size(), reference.unit_of_ward.size());
    for (std::size_t w = 0; w < wards; ++w) {
        const int c = candidate.unit_of_ward[w], r = reference.unit_of_ward[w];
        if (c >= 0 && reference_of[static_cast<std::size_t>(c)] != r) differs[static_cast<std::size_t>(c)] = true;
        if (r >= 0 && candidate_of[static_cast<std::size_t>(r)] >= 0 && candidate_of[static_cast<std::size_t>(r)] != c)
            differs[static_cast<std::size_t>(candidate_of[static_cast<std::size_t>(r)])] = true;
    }
    std::vector<std::string> codes;
    for (std::size_t u = 0; u < candidate.units.size(); ++u)
        if (differs[u]) codes.push_back(candidate.units[u].code);
    return codes;
}

std::vector<GroupInfo> numbered_units(std::size_t count) {
    std::vector<GroupInfo> units;
    for (std::size_t u = 0; u < count; ++u) units.push_back({fmt::format("N{}", u + 1), fmt::format("New unit {}", u + 1), "", ""});
    return units;
}

Candidate scored_candidate(const PlanScorer& scorer, std::vector<int> unit_of_ward, std::vector<NodeSet> groups) {
    Candidate candidate;
    candidate.groups = std::move(groups);
    candidate.unit_of_ward = std::move(unit_of_ward);
    const int most = candidate.unit_of_ward.empty() ? -1 : *std::max_element(candidate.unit_of_ward.begin(), candidate.unit_of_ward.end());
    candidate.units = numbered_units(std::max(candidate.groups.size(), static_cast<std::size_t>(most + 1)));
    candidate.scores = scorer.score(candidate.unit_of_ward, candidate.units);
    const std::vector<GroupInfo>& reference = scorer.setup().reference_units;
    std::size_t fresh = 0;
    for (std::size_t u = 0; u < candidate.units.size(); ++u) {
        const std::string& matched = candidate.scores.units[u].matched_reference;
        const auto found = std::find_if(reference.begin(), reference.end(), [&](const GroupInfo& g) { return g.code == matched; });
        if (!matched.empty() && found != reference.end()) {
            candidate.units[u] = *found;
            candidate.units[u].phase.clear();
        } else {
            candidate.units[u] = {fmt::format("N{}", ++fresh), fmt::format("New unit {}", fresh), "", ""};
        }
        candidate.scores.units[u].code = candidate.units[u].code;
        candidate.scores.units[u].name = candidate.units[u].name;
    }
    return candidate;
}

void prepare_scores(CandidateSearch& search, const SearchOptions& options, std::size_t plans, std::size_t units) {
    search.scored = plans;
    search.score_values.assign(score_columns().size(), std::vector<double>(plans, 0.0));
    search.ranked_workload.clear();
    if (options.ranked_workload) search.ranked_workload.assign(units, std::vector<double>(plans, 0.0));
}

void record_scores(CandidateSearch& search, std::size_t plan, const PlanScores& scores) {
    const auto& columns = score_columns();
    for (std::size_t col = 0; col < columns.size(); ++col) search.score_values[col][plan] = columns[col].of(scores);
    if (search.ranked_workload.empty()) return;
    std::vector<double> per_officer;
    for (const UnitScore& unit : scores.units) per_officer.push_back(unit.demand_per_officer);
    std::sort(per_officer.begin(), per_officer.end());
    for (std::size_t r = 0; r < per_officer.size() && r < search.ranked_workload.size(); ++r) search.ranked_workload[r][plan] = per_officer[r];
}

void rank_candidates(CandidateSearch& search, const SearchOptions& options, double plans_in_all,
                     const std::function<Candidate(std::size_t)>& candidate_at) {
    const auto& columns = score_columns();
    const ScoreColumn& rank = score_column(options.rank_by);
    const std::vector<double>& ranked_values = search.score_values[column_index(options.rank_by)];
    const std::size_t plans = ranked_values.size();
    const auto better = [&](double a, double b) { return rank.lower_is_better ? a < b : a > b; };
    const auto beaten_by = [&](double value) {
        return static_cast<std::size_t>(std::count_if(ranked_values.begin(), ranked_values.end(), [&](double v) { return better(v, value); }));
    };

    // The best, each plan once (a sample can draw one twice), ties in the order found.
    std::vector<std::size_t> order(plans);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return better(ranked_values[a], ranked_values[b]); });
    search.best.clear();
    for (std::size_t i : order) {
        if (search.best.size() >= options.keep) break;
        Candidate candidate = candidate_at(i);
        if (std::any_of(search.best.begin(), search.best.end(), [&](const Candidate& b) { return same_grouping(b, candidate); })) continue;
        candidate.rank = search.best.size() + 1;
        search.best.push_back(std::move(candidate));
    }

    const std::vector<std::size_t> pareto_columns{column_index("workload_ratio"), column_index("polsby_popper"), column_index("reach_mean"),
                                                  column_index("retained_population")};
    search.pareto.clear();
    for (std::size_t i : pareto_front(search.score_values, pareto_columns)) {
        Candidate candidate = candidate_at(i);
        if (std::any_of(search.pareto.begin(), search.pareto.end(), [&](const Candidate& p) { return same_grouping(p, candidate); })) continue;
        candidate.pareto = true;
        candidate.rank = 1 + beaten_by(ranked_values[i]);
        search.pareto.push_back(std::move(candidate));
    }
    std::stable_sort(search.pareto.begin(), search.pareto.end(), [](const Candidate& a, const Candidate& b) { return a.rank < b.rank; });
    for (Candidate& candidate : search.best)
        candidate.pareto = std::any_of(search.pareto.begin(), search.pareto.end(), [&](const Candidate& p) { return same_grouping(p, candidate); });

    search.reference_percentile.clear();
    if (!search.reference) return;
    for (std::size_t col = 0; col < columns.size(); ++col)
        search.reference_percentile.push_back(
            percentile_among(search.score_values[col], columns[col].of(search.reference->scores), columns[col].lower_is_better));
    const double beaten = static_cast<double>(beaten_by(rank.of(search.reference->scores)));
    search.reference_rank = plans == 0 ? 1 : 1 + beaten / static_cast<double>(plans) * plans_in_all;
}

}  // namespace geo
