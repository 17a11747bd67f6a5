#include "geo/candidates/candidate_outputs.h"

#include "geo/core/errors.h"
#include "geo/dissolve/coverage_union.h"
#include "geo/dissolve/dissolve.h"
#include "geo/export/write.h"
#include "geo/planner/plan_file.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <bit>
#include <optional>
#include <filesystem>
#include <map>

namespace geo {
namespace {

// Units that continue no reference unit get colours of their own, apart from the Paired palette
// the bundled plan uses.
const char* const fresh_colours[] = {"#8dd3c7", "#bebada", "#fb8072", "#80b1d3", "#fdb462", "#b3de69", "#fccde5", "#d9d9d9"};

// The boroughs a unit holds, in code order, those it holds only a part of marked.
std::string borough_names(const WardSet& wards, const std::vector<int>& unit_of_ward, int unit) {
    std::map<std::string, std::pair<std::string, std::array<std::size_t, 2>>> boroughs;  // code -> name, {in the unit, in all}
    for (std::size_t w = 0; w < wards.units.size(); ++w) {
        auto& [name, counts] = boroughs[wards.units[w].parent_code];
        if (name.empty()) name = wards.units[w].parent_name.empty() ? wards.units[w].parent_code : wards.units[w].parent_name;
        counts[0] += unit_of_ward[w] == unit ? 1 : 0;
        ++counts[1];
    }
    std::string names;
    for (const auto& [code, borough] : boroughs)
        if (borough.second[0] > 0)
            names += (names.empty() ? "" : ", ") + borough.first + (borough.second[0] < borough.second[1] ? " (part)" : "");
    return names;
}

// The candidates in file order: the ranked best, then the Pareto plans not among them.
std::vector<const Candidate*> listed(const CandidateSearch& search) {
    std::vector<const Candidate*> out;
    for (const Candidate& c : search.best) out.push_back(&c);
    for (const Candidate& c : search.pareto)
        if (std::none_of(search.best.begin(), search.best.end(), [&](const Candidate& b) { return same_grouping(b, c); })) out.push_back(&c);
    return out;
}

}  // namespace

Assignment candidate_assignment(const Candidate& candidate) {
    Assignment assignment;
    std::size_t fresh = 0;
    for (const GroupInfo& unit : candidate.units) {
        const std::string colour = unit.colour.empty() ? fresh_colours[fresh++ % std::size(fresh_colours)] : unit.colour;
        assignment.units.push_back({unit.code, unit.name, colour, "", false});
    }
    for (int u : candidate.unit_of_ward) assignment.unit_of.push_back(u >= 0 ? u : left_out);
    return assignment;
}

PlanFile candidate_plan_file(const WardSet& wards, const Candidate& candidate, const std::string& name) {
    const Assignment assignment = candidate_assignment(candidate);
    PlanFile meta;
    meta.name = name;
    meta.status = "draft";
    PlanFile file = plan_file_from(wards, assignment, meta);
    if (file.boundary_path.empty() && wards.sources.size() == 1) file.boundary_path = wards.sources[0].path;
    return file;
}

CandidateFiles write_candidates(const std::string& folder, const PlanScorer& scorer, const CandidateSearch& search,
                                const std::string& search_description, bool overwrite) {
    namespace fs = std::filesystem;
    std::error_code error;
    fs::create_directories(folder, error);
    if (error || !fs::is_directory(folder))
        throw OutputError(folder + ": cannot make this folder for the candidates" + (error ? ": " + error.message() : std::string()));
    const WardSet& wards = scorer.wards();
    const std::vector<const Candidate*> candidates = listed(search);
    CandidateFiles files;

    // Whole-borough candidates: borough shapes once, each unit the union of its boroughs' (cached
    // by set). Ward candidates: each candidate's wards dissolved.
    std::optional<DissolveResult> boroughs;
    std::map<std::string, const GEOSGeometry*> shape_of_borough;
    std::map<NodeSet, geos::Geom> unit_shapes;
    const auto borough_union = [&](NodeSet group) -> const GEOSGeometry* {
        if (!boroughs) {
            Grouping by_borough;
            by_borough.group_of_unit.assign(wards.units.size(), -1);
            for (std::size_t b = 0; b < search.graph.codes.size(); ++b) {
                by_borough.groups.push_back({search.graph.codes[b], search.graph.names[b], "", ""});
                for (std::size_t w : search.graph.wards[b]) by_borough.group_of_unit[w] = static_cast<int>(b);
            }
            boroughs = dissolve(wards, by_borough, {});
            for (const DissolvedUnit& unit : boroughs->units) shape_of_borough[unit.info.code] = unit.shape.get();
        }
        auto& shape = unit_shapes[group];
        if (!shape) {
            std::vector<const GEOSGeometry*> members;
            for (NodeSet g = group; g; g &= g - 1) members.push_back(shape_of_borough.at(search.graph.codes[static_cast<std::size_t>(std::countr_zero(g))]));
            shape = union_coverage(members, 0.01, 1.0).shape;
        }
        return shape.get();
    };
    std::vector<DissolveResult> ward_unions;  // kept until the layer is written (moving one keeps its shapes where they are)

    OutputLayer units{"candidate_units", "every candidate's command units: " + search_description, {}, {}};
    units.fields = {{"candidate", FieldKind::integer}, {"rank", FieldKind::integer}, {"pareto", FieldKind::integer},
                    {"plan_file", FieldKind::text},   {"code", FieldKind::text},     {"name", FieldKind::text},
                    {"colour", FieldKind::text},      {"boroughs", FieldKind::text}, {"wards", FieldKind::integer},
                    {"demand", FieldKind::real},      {"officers", FieldKind::real}, {"demand_per_officer", FieldKind::real},
                    {"population", FieldKind::real},  {"area_km2", FieldKind::real}, {"polsby_popper", FieldKind::real},
                    {"reach_mean_km", FieldKind::real}, {"reach_p95_km", FieldKind::real}, {"headquarters", FieldKind::text}};
    for (const ScoreColumn& column : score_columns()) units.fields.push_back({std::string("plan_") + column.key, FieldKind::real});
    OutputLayer table{"candidates", "candidates ranked: " + search_description, {}, {}};
    table.fields = {{"candidate", FieldKind::integer}, {"rank", FieldKind::integer}, {"pareto", FieldKind::integer}, {"plan_file", FieldKind::text}};
    for (const ScoreColumn& column : score_columns()) table.fields.push_back({column.key, FieldKind::real});
    table.fields.push_back({"units", FieldKind::text});

    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const Candidate& c = *candidates[i];
        const std::string file = fmt::format("candidate-{:03}.wardplan", i + 1);
        const fs::path path = fs::path(folder) / file;
        if (fs::exists(path) && !overwrite) throw OutputError(path.string() + " exists: give --overwrite to replace the candidates in " + folder);
        write_plan_file(path.string(), candidate_plan_file(wards, c, fmt::format("Candidate {} (rank {})", i + 1, c.rank)));
        files.plans.push_back(path.string());
        const DissolveResult* dissolved = nullptr;
        if (c.groups.empty()) {
            Grouping grouping;
            grouping.groups = c.units;
            grouping.group_of_unit = c.unit_of_ward;
            dissolved = &ward_unions.emplace_back(dissolve(wards, grouping, {}));
        }
        std::string unit_list;
        for (std::size_t u = 0; u < c.units.size(); ++u) {
            const UnitScore& s = c.scores.units[u];
            const std::string boroughs_held = borough_names(wards, c.unit_of_ward, static_cast<int>(u));
            unit_list += (u ? "; " : "") + c.units[u].code + ": " + boroughs_held;
            OutputFeature feature;
            if (dissolved) {
                const auto found = std::find_if(dissolved->units.begin(), dissolved->units.end(),
                                                [&](const DissolvedUnit& d) { return d.info.code == c.units[u].code; });
                feature.shape = found == dissolved->units.end() ? nullptr : found->shape.get();
            } else {
                feature.shape = borough_union(c.groups[u]);
            }
            feature.values = {static_cast<std::int64_t>(i + 1), static_cast<std::int64_t>(c.rank), static_cast<std::int64_t>(c.pareto),
                              file, c.units[u].code, c.units[u].name, c.units[u].colour, boroughs_held,
                              static_cast<std::int64_t>(s.wards), s.demand, s.officers, s.demand_per_officer, s.population, s.area_km2,
                              s.polsby_popper, s.reach_mean_km, s.reach_p95_km, s.headquarters};
            for (const ScoreColumn& column : score_columns()) feature.values.emplace_back(column.of(c.scores));
            units.features.push_back(std::move(feature));
        }
        OutputFeature row;
        row.values = {static_cast<std::int64_t>(i + 1), static_cast<std::int64_t>(c.rank), static_cast<std::int64_t>(c.pareto), file};
        for (const ScoreColumn& column : score_columns()) row.values.emplace_back(column.of(c.scores));
        row.values.emplace_back(unit_list);
        table.features.push_back(std::move(row));
    }
    WriteOptions write;
    write.overwrite = overwrite;
    write.provenance = search_description;
    write.path = (fs::path(folder) / "candidates.csv").string();
    write.format = &format_info(Format::csv);
    write_layers({table}, wards.working_crs, write);
    files.csv = write.path;
    write.path = (fs::path(folder) / "candidates.gpkg").string();
    write.format = &format_info(Format::gpkg);
    write_layers({units}, wards.working_crs, write);
    files.geopackage = write.path;
    return files;
}

}  // namespace geo
