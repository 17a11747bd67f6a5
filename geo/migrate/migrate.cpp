#include "geo/migrate/migrate.h"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace geo {
namespace {

MigratedWard best_fit(const WardOverlaps& overlaps, const std::vector<std::string>& old_unit) {
    MigratedWard ward;
    std::map<std::string, double> by_unit;
    double covered = 0;
    for (const Overlap& part : overlaps.parts) {
        by_unit[old_unit[part.old_ward]] += part.area;
        covered += part.area;
    }
    std::vector<Overlap> parts = overlaps.parts;
    std::sort(parts.begin(), parts.end(), [](const Overlap& a, const Overlap& b) { return a.area > b.area; });
    for (const Overlap& part : parts) ward.from.push_back(part.old_ward);
    for (const auto& [unit, area] : by_unit) ward.shares.push_back({unit, area, covered > 0 ? area / covered : 0});
    std::stable_sort(ward.shares.begin(), ward.shares.end(), [](const UnitShare& a, const UnitShare& b) { return a.area > b.area; });
    ward.covered = overlaps.area > 0 ? std::min(1.0, covered / overlaps.area) : 0;
    if (!ward.shares.empty()) ward.unit_code = ward.shares.front().unit_code, ward.share = ward.shares.front().share;
    return ward;
}

std::string quoted(const std::string& text) {
    std::string out = "\"";
    for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + '"';
}

}  // namespace

Migration migrate_plan(const WardSet& old_wards, const std::vector<std::string>& old_unit, const Plan& plan, const WardSet& new_wards,
                       const std::vector<WardOverlaps>& overlaps, double threshold) {
    Migration migration;
    migration.threshold = threshold;
    for (const Ward& ward : old_wards.units) migration.old_area += geos::area(*ward.shape);
    for (std::size_t n = 0; n < new_wards.units.size(); ++n) {
        migration.wards.push_back(best_fit(overlaps[n], old_unit));
        migration.new_area += overlaps[n].area;
        migration.covered_area += migration.wards.back().covered * overlaps[n].area;
        if (migration.wards.back().share < threshold) migration.review.push_back(n);
    }
    std::stable_sort(migration.review.begin(), migration.review.end(),
                     [&](std::size_t a, std::size_t b) { return migration.wards[a].share < migration.wards[b].share; });
    // A row keyed on an old ward code must be found again in the new set, or it is said to vanish.
    std::unordered_set<std::string> old_codes, new_codes;
    for (const Ward& ward : old_wards.units) old_codes.insert(ward.code);
    for (const Ward& ward : new_wards.units) new_codes.insert(ward.code);
    for (const PlanRow& row : plan.rows)
        if (old_codes.count(row.key) && !new_codes.count(row.key)) migration.vanished.push_back(row.key);
    return migration;
}

Plan migrated_plan_table(const Plan& old_plan, const WardSet& old_wards, const WardSet& new_wards, const Migration& migration) {
    std::unordered_set<std::string> old_codes;
    for (const Ward& ward : old_wards.units) old_codes.insert(ward.code);
    Plan plan;
    plan.name = old_plan.name;
    plan.units = old_plan.units;
    std::unordered_map<std::string, std::string> borough_unit;  // "-" for a borough left out
    for (const PlanRow& row : old_plan.rows)
        if (!old_codes.count(row.key)) {  // a borough row (or any code that is not an old ward's): as it is
            plan.rows.push_back(row);
            borough_unit[row.key] = row.unit_code.empty() ? left_out_unit : row.unit_code;
        }
    std::size_t line = plan.rows.size();
    for (std::size_t n = 0; n < new_wards.units.size(); ++n) {
        const MigratedWard& ward = migration.wards[n];
        if (ward.unit_code.empty()) continue;  // nothing of the old plan under it: its borough row decides
        const auto borough = borough_unit.find(new_wards.units[n].parent_code);
        if (borough != borough_unit.end() && borough->second == ward.unit_code) continue;
        plan.rows.push_back({new_wards.units[n].code, ward.unit_code == left_out_unit ? "" : ward.unit_code, "", ++line});
    }
    return plan;
}

std::string plan_table_csv(const Plan& plan, const WardSet& new_wards) {
    std::unordered_map<std::string, std::string> names;  // ward and borough codes of the new set
    for (const Ward& ward : new_wards.units) {
        names.emplace(ward.code, ward.name);
        names.emplace(ward.parent_code, ward.parent_name);
    }
    std::string out = "code,area_name,unit_code,unit_name,colour,phase\n";
    for (const PlanRow& row : plan.rows) {
        const CommandUnit* unit = plan.unit(row.unit_code);
        const auto name = names.find(row.key);
        out += fmt::format("{},{},{},{},{},{}\n", quoted(row.key), quoted(name == names.end() ? "" : name->second),
                           quoted(row.unit_code.empty() ? "-" : row.unit_code), quoted(unit ? unit->name : row.note),
                           quoted(unit ? unit->colour : ""), quoted(unit ? unit->phase : ""));
    }
    return out;
}

}  // namespace geo
