#include "geo/attributes/join.h"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <map>

namespace geo {
namespace {

// "St. Pancras & Somers Town" and "St Pancras and Somers Town" are the same ward.
std::string name_key(const std::string& name) {
    std::string key;
    std::string word;
    auto flush = [&] {
        if (word == "and") word.clear();
        key += word;
        word.clear();
    };
    for (unsigned char c : name) {
        if (std::isalnum(c)) word += static_cast<char>(std::tolower(c));
        else flush();
    }
    flush();
    return key;
}

bool is_ward_code(const std::string& code) {
    return code.size() == 9 && (code.rfind("E05", 0) == 0 || code.rfind("W05", 0) == 0);
}

void match_by_name(const WardSet& set, const WardValues& table, std::vector<bool>& row_used, JoinResult& result) {
    std::multimap<std::string, std::size_t> rows_by_name;
    for (std::size_t r = 0; r < table.rows.size(); ++r)
        if (!row_used[r]) rows_by_name.emplace(name_key(table.rows[r].name), r);
    std::vector<std::size_t> still_unmatched;
    for (std::size_t u : result.unmatched_units) {
        const Ward& unit = set.units[u];
        std::vector<std::size_t> candidates;
        auto [first, last] = rows_by_name.equal_range(name_key(unit.name));
        for (auto it = first; it != last; ++it) {
            const WardValue& row = table.rows[it->second];
            const bool same_borough = row.borough.empty() || name_key(row.borough) == name_key(unit.parent_name);
            if (same_borough && !row_used[it->second]) candidates.push_back(it->second);
        }
        if (candidates.size() != 1) {
            still_unmatched.push_back(u);
            continue;
        }
        row_used[candidates[0]] = true;
        result.value_of_unit[u] = table.rows[candidates[0]].value;
        result.by_fallback.push_back({u, table.rows[candidates[0]].code});
    }
    result.unmatched_units = std::move(still_unmatched);
}

}  // namespace

JoinResult join_by_code(const WardSet& set, const Grouping& grouping, const WardValues& table, JoinFallback fallback) {
    JoinResult result;
    result.path = table.path;
    result.measure = table.measure;
    result.without_value = table.without_value;
    result.value_of_unit.assign(set.units.size(), std::nullopt);
    std::map<std::string, std::size_t> row_of_code;
    for (std::size_t r = 0; r < table.rows.size(); ++r) row_of_code.emplace(table.rows[r].code, r);
    std::vector<bool> row_used(table.rows.size(), false);
    for (std::size_t u = 0; u < set.units.size(); ++u) {
        if (grouping.group_of_unit[u] < 0) continue;
        ++result.considered;
        const auto found = row_of_code.find(set.units[u].code);
        if (found == row_of_code.end()) {
            result.unmatched_units.push_back(u);
            continue;
        }
        row_used[found->second] = true;
        result.value_of_unit[u] = table.rows[found->second].value;
        ++result.by_code;
    }
    if (fallback == JoinFallback::name_and_borough) match_by_name(set, table, row_used, result);
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        if (row_used[r]) continue;
        if (!is_ward_code(table.rows[r].code)) ++result.non_ward_rows;
        else result.unmatched_codes.push_back(table.rows[r].code + " " + table.rows[r].name);
    }
    return result;
}

std::size_t fill_from_borough_totals(const WardSet& set, const WardValues& table, JoinResult& result) {
    std::map<std::string, double> total_of;
    for (const WardValue& row : table.rows) total_of.emplace(row.code, row.value);
    std::map<std::string, double> matched;
    std::map<std::string, std::vector<std::size_t>> missing;
    for (std::size_t u = 0; u < set.units.size(); ++u)
        if (result.value_of_unit[u]) matched[set.units[u].parent_code] += *result.value_of_unit[u];
    for (std::size_t u : result.unmatched_units) missing[set.units[u].parent_code].push_back(u);
    std::vector<std::size_t> still_missing;
    for (const auto& [borough, units] : missing) {
        const auto total = total_of.find(borough);
        const double left = total == total_of.end() ? -1 : total->second - matched[borough];
        if (left < 0) {
            still_missing.insert(still_missing.end(), units.begin(), units.end());
            continue;
        }
        for (std::size_t u : units) {
            result.value_of_unit[u] = left / static_cast<double>(units.size());
            result.by_borough_share.push_back(u);
        }
    }
    std::sort(still_missing.begin(), still_missing.end());
    result.unmatched_units = std::move(still_missing);
    return result.by_borough_share.size();
}

}  // namespace geo
