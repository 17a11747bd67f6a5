#include "geo/validate/validate.h"

#include "geo/core/errors.h"
#include "geo/core/wording.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <map>
#include <set>

namespace geo {

std::size_t ValidationReport::errors() const {
    return static_cast<std::size_t>(
        std::count_if(findings.begin(), findings.end(), [](const Finding& f) { return f.severity == Severity::error; }));
}

std::vector<Finding> check_assignment(const WardSet& set, const PlanResolution& resolution) {
    std::vector<Finding> findings;
    for (const PlanRow& row : resolution.unknown_rows)
        findings.push_back({Severity::error, FindingKind::unknown_code, row.key,
                            fmt::format("plan line {}: {} matches no unit or parent code in the source", row.line, row.key),
                            {row.key}, std::nullopt});
    // Unassigned and left-out units, one finding per parent so that a missing borough reads as one line.
    auto by_parent = [&](const std::vector<std::size_t>& units, Severity severity, FindingKind kind, const char* what) {
        std::map<std::string, std::vector<std::string>> groups;
        std::map<std::string, std::string> names;
        for (std::size_t u : units) {
            groups[set.units[u].parent_code].push_back(set.units[u].code);
            names[set.units[u].parent_code] = set.units[u].parent_name;
        }
        for (auto& [parent, codes] : groups)
            findings.push_back({severity, kind, parent,
                                fmt::format("{} unit(s){} {}: {}", codes.size(),
                                            parent.empty() ? "" : fmt::format(" of {} {}", parent, names[parent]), what,
                                            listed(codes)),
                                codes, std::nullopt});
    };
    by_parent(resolution.unassigned, Severity::error, FindingKind::unassigned, "in no command unit");
    by_parent(resolution.left_out, Severity::info, FindingKind::left_out, "left out by the plan");
    return findings;
}

std::vector<Finding> check_whole_parents(const WardSet& set, const PlanResolution& resolution) {
    const Grouping& grouping = resolution.grouping;
    std::map<std::string, std::map<int, std::size_t>> split;  // parent -> group -> unit count
    // Sources list wards borough by borough: the last ward's borough is looked up again only when
    // it changes (a national set has 35,000 wards, checked after every edit).
    const std::string* last_parent = nullptr;
    std::map<int, std::size_t>* groups_of_last = nullptr;
    for (std::size_t u = 0; u < set.units.size(); ++u) {
        const std::string& parent = set.units[u].parent_code;
        if (grouping.group_of_unit[u] < 0 || parent.empty()) continue;
        if (!last_parent || *last_parent != parent) groups_of_last = &split[parent], last_parent = &parent;
        ++(*groups_of_last)[grouping.group_of_unit[u]];
    }
    std::vector<Finding> findings;
    for (const auto& [parent, groups] : split) {
        if (groups.size() < 2) continue;
        std::vector<std::string> parts, codes;
        for (const auto& [group, count] : groups) {
            parts.push_back(fmt::format("{} unit(s) in {}", count, grouping.groups[group].code));
            codes.push_back(grouping.groups[group].code);
        }
        findings.push_back({Severity::error, FindingKind::split_parent, parent,
                            fmt::format("parent {} is split between command units: {}", parent, listed(parts, 20)), codes,
                            std::nullopt});
    }
    return findings;
}

std::vector<BalanceRow> balance_of(const WardSet& set, const DissolveResult& units, const ValidateOptions& options) {
    std::vector<std::pair<std::string, std::function<std::optional<double>(const DissolvedUnit&)>>> measures;
    measures.emplace_back("units", [](const DissolvedUnit& u) { return static_cast<double>(u.members.size()); });
    measures.emplace_back("area_km2", [](const DissolvedUnit& u) { return u.area / 1e6; });
    for (const std::string& field : options.balance_fields) {
        const int index = set.field_index(field);
        if (index < 0 || !set.fields[index].numeric()) {
            std::string numeric;
            for (const FieldDef& f : set.fields)
                if (f.numeric()) numeric += (numeric.empty() ? "" : ", ") + f.name;
            throw InputError(set.sources.empty() ? "" : set.sources.front().path, "--balance " + field,
                             index < 0 ? "no such field" : "the field is not numeric",
                             "Numeric fields here: " + (numeric.empty() ? std::string("(none)") : numeric));
        }
        measures.emplace_back(field, [index](const DissolvedUnit& u) { return u.values[index]; });
    }
    std::vector<BalanceRow> rows;
    for (const auto& [name, value_of] : measures) {
        double total = 0;
        std::size_t counted = 0;
        for (const auto& unit : units.units)
            if (auto v = value_of(unit)) total += *v, ++counted;
        const double mean = counted ? total / counted : 0;
        for (const auto& unit : units.units) {
            const double value = value_of(unit).value_or(0);
            rows.push_back({unit.info.code, name, value, mean, mean != 0 ? (value - mean) / mean * 100 : 0});
        }
    }
    return rows;
}

std::vector<Finding> check_contiguity(const WardSet& set, const DissolveResult& units,
                                      const std::function<geos::Point(std::size_t)>& interior_point) {
    const GEOSContextHandle_t h = geos::handle();
    std::vector<Finding> findings;
    for (const DissolvedUnit& unit : units.units) {
        if (unit.parts < 2) continue;
        std::vector<std::pair<double, int>> parts;  // area, index: the largest part is the main body
        for (int i = 0; i < unit.parts; ++i) parts.emplace_back(geos::area(*GEOSGetGeometryN_r(h, unit.shape.get(), i)), i);
        std::sort(parts.rbegin(), parts.rend());
        // One interior point per member, made once: a unit with 110 pieces and 1,000 members
        // would otherwise make 110,000.
        std::vector<geos::Geom> points;
        for (std::size_t m : unit.members) {
            const geos::Point at = interior_point ? interior_point(m) : geos::point_on_surface(*set.units[m].shape);
            points.push_back(geos::own(GEOSGeom_createPointFromXY_r(h, at.x, at.y), "make a point"));
        }
        for (std::size_t p = 1; p < parts.size(); ++p) {
            const GEOSGeometry* piece = GEOSGetGeometryN_r(h, unit.shape.get(), parts[p].second);
            const geos::Prepared prepared = geos::prepare(*piece);
            std::vector<std::string> inside, codes;
            for (std::size_t k = 0; k < unit.members.size(); ++k) {
                const std::size_t m = unit.members[k];
                if (geos::check(GEOSPreparedContains_r(h, prepared.get(), points[k].get()), "test containment")) {
                    inside.push_back(set.units[m].where());
                    codes.push_back(set.units[m].code);
                }
            }
            const geos::Point where = geos::point_on_surface(*piece);
            findings.push_back({Severity::error, FindingKind::not_contiguous, unit.info.code,
                                fmt::format("{} ({}) is in {} pieces; piece {} of {:.2f} km² holds {}", unit.info.code,
                                            unit.info.name, unit.parts, p + 1, parts[p].first / 1e6,
                                            inside.empty() ? std::string("parts of its units") : listed(inside)),
                                codes, Location{where.x, where.y}});
        }
    }
    return findings;
}

ValidationReport validate_plan(const WardSet& set, const PlanResolution& resolution, const DissolveResult& units,
                               const ValidateOptions& options) {
    ValidationReport report;
    auto add = [&](std::vector<Finding> more) { std::move(more.begin(), more.end(), std::back_inserter(report.findings)); };
    add(check_assignment(set, resolution));
    add(check_whole_parents(set, resolution));
    add(check_contiguity(set, units));
    report.balance = balance_of(set, units, options);
    if (options.max_deviation_pct)
        for (const BalanceRow& row : report.balance)
            if (std::abs(row.deviation_pct) > *options.max_deviation_pct)
                report.findings.push_back({Severity::error, FindingKind::imbalance, row.unit_code,
                                           fmt::format("{} {} = {:.1f}, {:+.1f}% from the mean {:.1f} (limit ±{}%)",
                                                       row.unit_code, row.measure, row.value, row.deviation_pct,
                                                       row.mean, *options.max_deviation_pct),
                                           {row.unit_code}, std::nullopt});
    return report;
}

}  // namespace geo
