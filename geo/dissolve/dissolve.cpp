#include "geo/dissolve/dissolve.h"

#include "geo/core/errors.h"
#include "geo/core/parallel.h"
#include "geo/dissolve/coverage_union.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <fmt/format.h>
#include <map>
#include <mutex>
#include <numbers>
#include <numeric>
#include <set>
#include <unordered_map>

namespace geo {

Aggregate aggregate_from(const std::string& name) {
    if (name == "sum") return Aggregate::sum;
    if (name == "mean") return Aggregate::mean;
    if (name == "min") return Aggregate::min;
    if (name == "max") return Aggregate::max;
    throw InputError("", "aggregate " + name, "unknown aggregate", "Use sum, mean, min or max.");
}

const char* to_string(Aggregate aggregate) {
    switch (aggregate) {
        case Aggregate::sum: return "sum";
        case Aggregate::mean: return "mean";
        case Aggregate::min: return "min";
        case Aggregate::max: return "max";
    }
    return "sum";
}

void measure(DissolvedUnit& unit) {
    const GEOSContextHandle_t h = geos::handle();
    unit.area = geos::area(*unit.shape);
    unit.perimeter = geos::length(*unit.shape);
    unit.parts = GEOSGetNumGeometries_r(h, unit.shape.get());
    unit.holes = 0;
    for (int i = 0; i < unit.parts; ++i) unit.holes += GEOSGetNumInteriorRings_r(h, GEOSGetGeometryN_r(h, unit.shape.get(), i));
    unit.polsby_popper = unit.perimeter > 0 ? 4 * std::numbers::pi * unit.area / (unit.perimeter * unit.perimeter) : 0;
}

namespace {

std::vector<std::optional<double>> aggregate(const WardSet& set, const std::vector<std::size_t>& members,
                                             const DissolveOptions& options) {
    std::vector<std::optional<double>> values(set.fields.size());
    for (std::size_t f = 0; f < set.fields.size(); ++f) {
        if (!set.fields[f].numeric()) continue;
        const auto chosen = options.aggregates.find(set.fields[f].name);
        if (set.fields[f].identifier() && chosen == options.aggregates.end()) continue;
        const Aggregate how = chosen == options.aggregates.end() ? options.default_aggregate : chosen->second;
        std::vector<double> numbers;
        for (std::size_t m : members)
            if (auto n = as_number(set.units[m].values[f])) numbers.push_back(*n);
        if (numbers.empty()) continue;
        switch (how) {
            case Aggregate::sum: values[f] = std::accumulate(numbers.begin(), numbers.end(), 0.0); break;
            case Aggregate::mean: values[f] = std::accumulate(numbers.begin(), numbers.end(), 0.0) / numbers.size(); break;
            case Aggregate::min: values[f] = *std::min_element(numbers.begin(), numbers.end()); break;
            case Aggregate::max: values[f] = *std::max_element(numbers.begin(), numbers.end()); break;
        }
    }
    return values;
}

}  // namespace

namespace {

std::vector<std::vector<std::size_t>> members_of(const Grouping& grouping) {
    std::vector<std::vector<std::size_t>> members(grouping.groups.size());
    for (std::size_t u = 0; u < grouping.group_of_unit.size(); ++u)
        if (grouping.group_of_unit[u] >= 0) members[grouping.group_of_unit[u]].push_back(u);
    return members;
}

// The parents already dissolved, by parent group: how many units each holds, and its shape.
struct ParentShapes {
    const Grouping* grouping = nullptr;
    std::vector<std::size_t> sizes;
    std::vector<const GEOSGeometry*> shapes;

    ParentShapes(const Grouping* by_parent, const DissolveResult* parents) {
        if (!by_parent || !parents) return;
        grouping = by_parent;
        for (const auto& members : members_of(*by_parent)) sizes.push_back(members.size());
        std::unordered_map<std::string, const GEOSGeometry*> shape_of;
        for (const DissolvedUnit& parent : parents->units) shape_of.emplace(parent.info.code, parent.shape.get());
        for (const GroupInfo& group : by_parent->groups) shapes.push_back(shape_of.count(group.code) ? shape_of[group.code] : nullptr);
    }

    // The shapes to merge for a group: the shape of each parent it holds whole, and the units of
    // the parents it holds in part. A planner's group is mostly whole boroughs with a few wards
    // moved in or out, so this keeps its merge to a handful of shapes.
    std::vector<const GEOSGeometry*> for_group(const WardSet& set, const std::vector<std::size_t>& members) const {
        std::vector<const GEOSGeometry*> merged;
        if (!grouping) {
            for (std::size_t m : members) merged.push_back(set.units[m].shape.get());
            return merged;
        }
        std::map<int, std::size_t> inside;  // parent group -> how many of our members are in it
        for (std::size_t m : members)
            if (const int parent = grouping->group_of_unit[m]; parent >= 0) ++inside[parent];
        const auto whole = [&](int parent) {
            return parent >= 0 && inside[parent] == sizes[parent] && shapes[parent] != nullptr;
        };
        for (const auto& [parent, count] : inside)
            if (whole(parent)) merged.push_back(shapes[parent]);
        for (std::size_t m : members)
            if (!whole(grouping->group_of_unit[m])) merged.push_back(set.units[m].shape.get());
        return merged;
    }
};

}  // namespace

namespace {
std::atomic<std::uint64_t> dissolves{0};
}  // namespace

std::uint64_t dissolve_calls() { return dissolves.load(); }

DissolveResult dissolve(const WardSet& set, const Grouping& grouping, const DissolveOptions& options,
                        const Progress& progress, const Grouping* parent_grouping, const DissolveResult* parents) {
    ++dissolves;
    DissolveResult result;
    const std::vector<std::vector<std::size_t>> members = members_of(grouping);
    const ParentShapes parent_shapes(parent_grouping, parents);

    // Largest groups first so that both cores finish together.
    std::vector<std::size_t> order(grouping.groups.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return members[a].size() > members[b].size(); });

    std::vector<std::optional<DissolvedUnit>> made(grouping.groups.size());
    std::mutex mutex;
    std::size_t done = 0;
    parallel_for(order.size(), [&](std::size_t k) {
        const std::size_t g = order[k];
        if (members[g].empty()) return;
        std::set<std::string> parent_codes;
        for (std::size_t m : members[g])
            if (!set.units[m].parent_code.empty()) parent_codes.insert(set.units[m].parent_code);
        const auto shapes = parent_shapes.for_group(set, members[g]);
        CoverageUnionResult merged = union_coverage(shapes, options.snap_grid, options.sliver_area);
        DissolvedUnit unit;
        unit.info = grouping.groups[g];
        unit.shape = std::move(merged.shape);
        unit.members = members[g];
        unit.parents.assign(parent_codes.begin(), parent_codes.end());
        unit.values = aggregate(set, members[g], options);
        measure(unit);
        std::lock_guard lock(mutex);
        if (merged.snap_rounded)
            result.hygiene.add({ProblemKind::precision_fallback, unit.info.code, unit.info.name, "",
                                "members do not share their edges exactly; merged by snap-rounding", std::nullopt, 0});
        if (merged.slivers_closed)
            result.hygiene.add({ProblemKind::sliver_removed, unit.info.code, unit.info.name, "",
                                fmt::format("{} hole(s) under {} m² between members closed ({:.3f} m² in all)",
                                            merged.slivers_closed, options.sliver_area, merged.sliver_area),
                                std::nullopt, merged.sliver_area});
        made[g] = std::move(unit);
        report(progress, "dissolving", static_cast<double>(++done) / order.size());
    });
    for (auto& unit : made)
        if (unit) result.units.push_back(std::move(*unit));
    return result;
}

}  // namespace geo
