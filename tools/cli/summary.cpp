#include "cli/summary.h"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <iostream>
#include <map>
#include <ostream>

namespace cli {
using nlohmann::json;

static json location_json(const std::optional<geo::Location>& at) {
    return at ? json::array({at->x, at->y}) : json();
}

void print_json(const json& document) {
    nlohmann::ordered_json out{{"schema_version", json_schema_version}};
    for (const auto& [key, value] : document.items()) out[key] = value;
    std::cout << out.dump(2) << '\n';
}

json written_json(const geo::WrittenOutput& written) {
    json layers = json::array(), renamed = json::array();
    for (const auto& layer : written.layers) layers.push_back({{"name", layer.name}, {"features", layer.features}});
    for (const auto& field : written.renamed) renamed.push_back({{"layer", field.layer}, {"from", field.from}, {"to", field.to}});
    const json crs = written.epsg ? json("EPSG:" + std::to_string(written.epsg)) : written.crs == "no geometry" ? json() : json(written.crs);
    return {{"path", written.path}, {"format", written.format}, {"crs", crs}, {"layers", layers}, {"renamed", renamed}};
}

void note_renamed(const geo::WrittenOutput& written) {
    if (const std::string note = written.renamed_note(); !note.empty()) fmt::print(std::cerr, "note: {}\n", note);
}

void print_written(std::ostream& report, const geo::WrittenOutput& written) {
    fmt::print(report, "{}\n", written.summary());
    note_renamed(written);
}

json sources_json(const geo::WardSet& set) {
    json sources = json::array();
    for (const auto& s : set.sources)
        sources.push_back({{"path", s.path}, {"layer", s.layer}, {"driver", s.driver}, {"features", s.features},
                           {"crs", s.crs_label}, {"crs_how", s.crs_how},
                           {"extent", s.extent.empty ? json() : json::array({s.extent.min_x, s.extent.min_y, s.extent.max_x, s.extent.max_y})}});
    json fields = json::array();
    for (const auto& f : set.fields)
        fields.push_back({{"name", f.name}, {"type", f.kind == geo::FieldKind::text ? "text" : f.kind == geo::FieldKind::integer ? "integer" : "real"}});
    return {{"sources", sources},
            {"fields", fields},
            {"mapping", {{"code", set.mapping.code}, {"name", set.mapping.name}, {"parent", set.mapping.parent}, {"parent_name", set.mapping.parent_name}}},
            {"working_crs", set.working_crs.label},
            {"units", set.units.size()},
            {"extent", json::array({set.extent.min_x, set.extent.min_y, set.extent.max_x, set.extent.max_y})}};
}

json hygiene_json(const geo::HygieneReport& report) {
    json problems = json::array();
    for (const auto& p : report.problems)
        problems.push_back({{"kind", geo::to_string(p.kind)}, {"code", p.unit_code}, {"name", p.unit_name},
                            {"source", p.source}, {"detail", p.detail}, {"location", location_json(p.location)},
                            {"area_m2", p.area}});
    return {{"problems", problems}, {"vertices_snapped", report.vertices_snapped}};
}

json dissolved_json(const geo::WardSet& set, const geo::DissolveResult& result) {
    json units = json::array();
    for (const auto& u : result.units) {
        json values = json::object();
        for (std::size_t f = 0; f < set.fields.size(); ++f)
            if (u.values[f]) values[set.fields[f].name] = *u.values[f];
        units.push_back({{"code", u.info.code}, {"name", u.info.name}, {"colour", u.info.colour}, {"phase", u.info.phase},
                         {"units", u.members.size()}, {"parents", u.parents}, {"area_m2", u.area},
                         {"perimeter_m", u.perimeter}, {"parts", u.parts}, {"holes", u.holes},
                         {"polsby_popper", u.polsby_popper}, {"values", values}});
    }
    return units;
}

json plan_json(const geo::WardSet& set, const geo::AppliedPlan& applied) {
    json out = {{"groups", dissolved_json(set, applied.groups)}, {"parents", dissolved_json(set, applied.parents)}};
    if (applied.plan) {
        const auto& r = *applied.resolution;
        json unknown = json::array(), unassigned = json::array(), left_out = json::array();
        for (const auto& row : r.unknown_rows) unknown.push_back({{"code", row.key}, {"line", row.line}});
        for (auto u : r.unassigned) unassigned.push_back(set.units[u].code);
        for (auto u : r.left_out) left_out.push_back(set.units[u].code);
        out["plan"] = {{"name", applied.plan->name}, {"path", applied.plan->path}, {"unknown_codes", unknown},
                       {"unassigned", unassigned}, {"left_out", left_out}, {"code_changes_used", r.code_changes_used}};
    }
    return out;
}

json findings_json(const std::vector<geo::Finding>& of) {
    json findings = json::array();
    for (const auto& f : of)
        findings.push_back({{"severity", geo::to_string(f.severity)}, {"kind", geo::to_string(f.kind)}, {"code", f.unit_code},
                            {"message", f.message}, {"codes", f.codes}, {"location", location_json(f.location)}});
    return findings;
}

json findings_json(const geo::ValidationReport& report) {
    json findings = findings_json(report.findings);
    json balance = json::array();
    for (const auto& b : report.balance)
        balance.push_back({{"code", b.unit_code}, {"measure", b.measure}, {"value", b.value}, {"mean", b.mean},
                           {"deviation_pct", b.deviation_pct}});
    return {{"findings", findings}, {"balance", balance}, {"errors", report.errors()}};
}

void print_sources(std::ostream& out, const geo::WardSet& set) {
    const std::size_t shown = set.sources.size() > 6 ? 5 : set.sources.size();
    for (std::size_t i = 0; i < shown; ++i) {
        const auto& s = set.sources[i];
        fmt::print(out, "{}\n  layer {} ({}), {} features\n  CRS {}: {}\n", s.path, s.layer, s.driver, s.features,
                   s.crs_label, s.crs_how);
    }
    if (shown < set.sources.size()) fmt::print(out, "... and {} more files\n", set.sources.size() - shown);
    fmt::print(out, "fields:");
    for (const auto& f : set.fields) fmt::print(out, " {}", f.name);
    fmt::print(out, "\nunit code: {}  name: {}  parent: {}  parent name: {}\n", set.mapping.code,
               set.mapping.name.empty() ? "-" : set.mapping.name, set.mapping.parent.empty() ? "-" : set.mapping.parent,
               set.mapping.parent_name.empty() ? "-" : set.mapping.parent_name);
    fmt::print(out, "working CRS {} ({})\n", set.working_crs.label, set.working_crs.how);
}

geo::HygieneReport plan_hygiene(const geo::WardSet& set, const geo::AppliedPlan& applied) {
    geo::HygieneReport hygiene = set.hygiene;
    hygiene.append(applied.parents.hygiene);
    hygiene.append(applied.groups.hygiene);
    return hygiene;
}

void print_hygiene(std::ostream& out, const geo::HygieneReport& report, std::size_t most) {
    if (report.vertices_snapped) fmt::print(out, "snapped {} vertices onto a neighbour's copy\n", report.vertices_snapped);
    std::map<std::string, std::size_t> counts;
    for (const auto& p : report.problems) ++counts[geo::to_string(p.kind)];
    for (const auto& [kind, count] : counts) fmt::print(out, "{}: {}\n", kind, count);
    std::size_t printed = 0;
    for (const auto& p : report.problems) {
        if (printed++ == most) {
            fmt::print(out, "  ... {} more (--json lists them all)\n", report.problems.size() - most);
            break;
        }
        fmt::print(out, "  {}: {}{}{}{}: {}\n", geo::to_string(p.kind), p.unit_code, p.unit_name.empty() ? "" : " ",
                   p.unit_name, p.location ? fmt::format(" at ({:.1f}, {:.1f})", p.location->x, p.location->y) : "",
                   p.detail);
    }
}

void print_dissolved(std::ostream& out, const geo::DissolveResult& result, const char* what) {
    fmt::print(out, "{} {}\n", result.units.size(), what);
    fmt::print(out, "  {:<12} {:<28} {:>6} {:>7} {:>10} {:>5} {:>5} {:>7}\n", "code", "name", "units", "parents",
               "area km²", "parts", "holes", "compact");
    for (const auto& u : result.units)
        fmt::print(out, "  {:<12} {:<28.28} {:>6} {:>7} {:>10.2f} {:>5} {:>5} {:>7.3f}\n", u.info.code, u.info.name,
                   u.members.size(), u.parents.size(), u.area / 1e6, u.parts, u.holes, u.polsby_popper);
}

void print_plan(std::ostream& out, const geo::WardSet& set, const geo::AppliedPlan& applied) {
    if (applied.plan) {
        const auto& r = *applied.resolution;
        fmt::print(out, "plan {}: {} units assigned, {} matched by unit code and {} by parent, {} left out, {} unassigned, {} unknown codes\n",
                   applied.plan->name, r.by_unit_row + r.by_parent_row - r.left_out.size(), r.by_unit_row,
                   r.by_parent_row, r.left_out.size(), r.unassigned.size(), r.unknown_rows.size());
        for (const auto& [from, to] : r.code_changes_used) fmt::print(out, "  parent code {} read as {}\n", from, to);
        for (const auto& row : r.unknown_rows)
            fmt::print(out, "  unknown code {} ({} line {}) matches no unit or parent\n", row.key, applied.plan->path, row.line);
        std::map<std::string, std::size_t> unassigned;
        for (auto u : r.unassigned) ++unassigned[set.units[u].parent_code.empty() ? set.units[u].code : set.units[u].parent_code];
        for (const auto& [parent, count] : unassigned) fmt::print(out, "  unassigned: {} ({} units)\n", parent, count);
        std::map<std::string, std::size_t> left_out;
        for (auto u : r.left_out) ++left_out[set.units[u].parent_name.empty() ? set.units[u].parent_code : set.units[u].parent_name];
        for (const auto& [parent, count] : left_out) fmt::print(out, "  left out: {} ({} units)\n", parent, count);
    }
    print_dissolved(out, applied.groups, applied.plan ? "command units" : "groups");
}

void print_balance(std::ostream& out, const geo::ValidationReport& report) {
    std::vector<std::string> measures, codes;
    std::map<std::pair<std::string, std::string>, const geo::BalanceRow*> cell;
    for (const auto& row : report.balance) {
        if (std::find(measures.begin(), measures.end(), row.measure) == measures.end()) measures.push_back(row.measure);
        if (std::find(codes.begin(), codes.end(), row.unit_code) == codes.end()) codes.push_back(row.unit_code);
        cell[{row.unit_code, row.measure}] = &row;
    }
    fmt::print(out, "balance (value and deviation from the mean):\n  {:<12}", "code");
    for (const auto& m : measures) fmt::print(out, " {:>20}", m);
    fmt::print(out, "\n");
    for (const auto& code : codes) {
        fmt::print(out, "  {:<12}", code);
        for (const auto& m : measures) {
            const auto* row = cell[{code, m}];
            fmt::print(out, " {:>20}", row ? fmt::format("{:.1f} ({:+.1f}%)", row->value, row->deviation_pct) : "-");
        }
        fmt::print(out, "\n");
    }
}

void print_findings(std::ostream& out, const geo::ValidationReport& report) {
    print_balance(out, report);
    for (const auto& f : report.findings)
        fmt::print(out, "{:<7} {:<15} {}\n", geo::to_string(f.severity), geo::to_string(f.kind), f.message);
    fmt::print(out, "{} error(s), {} finding(s)\n", report.errors(), report.findings.size());
}

}  // namespace cli
