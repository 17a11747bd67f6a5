#include "geo/planner/worked_plan.h"

#include "geo/core/errors.h"
#include "geo/core/wording.h"
#include "geo/geos/context.h"

#include <chrono>
#include <fmt/format.h>
#include <map>

namespace geo {

WorkedPlan::WorkedPlan(const WardSet& wards, const Assignment& assignment, SessionOptions options)
    : wards_(wards), options_(std::move(options)) {
    if (assignment.unit_of.size() != wards.units.size())
        throw InputError("", "plan", fmt::format("the assignment covers {} wards, the boundaries have {}", assignment.unit_of.size(),
                                                 wards.units.size()),
                         "Open the plan with the boundary file it was made on.");
    for (std::size_t i = 0; i < wards.units.size(); ++i) ward_index_.emplace(wards.units[i].code, i);
    if (!wards.mapping.parent.empty()) {
        by_parent_ = group_by_parent(wards);
        parents_ = dissolve(wards, by_parent_, options_.dissolve);
        for (std::size_t i = 0; i < parents_.units.size(); ++i) parent_index_.emplace(parents_.units[i].info.code, i);
    }
    std::set<std::string> all;
    for (const CommandUnit& unit : assignment.units) all.insert(unit.code);
    redissolve(assignment, all);
    refresh(assignment, {});
}

void WorkedPlan::redissolve(const Assignment& assignment, const std::set<std::string>& codes) {
    Grouping dirty;
    std::vector<int> dirty_of(assignment.units.size(), -1);
    for (std::size_t u = 0; u < assignment.units.size(); ++u) {
        const CommandUnit& unit = assignment.units[u];
        if (!codes.count(unit.code)) continue;
        dirty_of[u] = static_cast<int>(dirty.groups.size());
        dirty.groups.push_back({unit.code, unit.name, unit.colour, unit.phase});
    }
    for (const std::string& code : codes) {
        dissolved_.erase(code);
        contiguity_.erase(code);
    }
    if (dirty.groups.empty()) return;
    dirty.group_of_unit.reserve(assignment.unit_of.size());
    for (int unit : assignment.unit_of) dirty.group_of_unit.push_back(unit >= 0 ? dirty_of[unit] : -1);
    const bool with_parents = !parents_.units.empty();
    DissolveResult made = dissolve(wards_, dirty, options_.dissolve, {}, with_parents ? &by_parent_ : nullptr,
                                   with_parents ? &parents_ : nullptr);
    DissolveResult one;
    for (DissolvedUnit& unit : made.units) {
        one.units.clear();
        one.units.push_back(std::move(unit));
        contiguity_[one.units.front().info.code] = check_contiguity(wards_, one, [this](std::size_t w) { return interior_point(w); });
        std::string code = one.units.front().info.code;
        dissolved_.emplace(std::move(code), std::move(one.units.front()));
    }
}

void WorkedPlan::rename(const std::vector<CommandUnit>& units) {
    for (const CommandUnit& unit : units)
        if (auto it = dissolved_.find(unit.code); it != dissolved_.end()) {
            it->second.info.name = unit.name;
            it->second.info.colour = unit.colour;
            it->second.info.phase = unit.phase;
        }
}

std::optional<Location> WorkedPlan::location_of_ward(const std::string& code) const {
    const auto it = ward_index_.find(code);
    if (it == ward_index_.end()) return std::nullopt;
    const geos::Point at = interior_point(it->second);
    return Location{at.x, at.y};
}

geos::Point WorkedPlan::interior_point(std::size_t ward) const {
    if (interior_points_.size() != wards_.units.size()) interior_points_.assign(wards_.units.size(), std::nullopt);
    std::optional<geos::Point>& point = interior_points_[ward];
    if (!point) point = geos::point_on_surface(*wards_.units[ward].shape);
    return *point;
}

std::optional<Location> WorkedPlan::location_of_parent(const std::string& code) const {
    const auto it = parent_index_.find(code);
    if (it == parent_index_.end()) return std::nullopt;
    const geos::Point at = geos::point_on_surface(*parents_.units[it->second].shape);
    return Location{at.x, at.y};
}

void WorkedPlan::refresh(const Assignment& assignment, std::vector<Finding> locked_conflicts) {
    const std::size_t n = assignment.units.size();
    // wards of each (parent, command unit): a parent is whole in a unit when all its wards are there
    std::vector<std::map<int, std::size_t>> parent_split(by_parent_.groups.size());
    for (std::size_t w = 0; w < assignment.unit_of.size(); ++w) {
        const int parent = by_parent_.group_of_unit.empty() ? -1 : by_parent_.group_of_unit[w];
        if (parent >= 0) ++parent_split[parent][assignment.unit_of[w]];
    }
    std::vector<bool> whole(n, true);
    for (std::size_t p = 0; p < parent_split.size(); ++p)
        if (parent_split[p].size() > 1)
            for (const auto& [unit, count] : parent_split[p])
                if (unit >= 0) whole[unit] = false;

    stats_.assign(n, {});
    for (std::size_t u = 0; u < n; ++u) {
        UnitStats& row = stats_[u];
        row.code = assignment.units[u].code;
        row.whole_parents = whole[u];
        row.values.assign(wards_.fields.size(), std::nullopt);
        row.deviation_pct.assign(wards_.fields.size(), std::nullopt);
        const auto it = dissolved_.find(row.code);
        if (it == dissolved_.end()) continue;
        const DissolvedUnit& unit = it->second;
        row.wards = unit.members.size();
        row.parents = unit.parents.size();
        row.area = unit.area;
        row.perimeter = unit.perimeter;
        row.polsby_popper = unit.polsby_popper;
        row.parts = unit.parts;
        row.holes = unit.holes;
        row.contiguous = unit.parts <= 1;
        row.values = unit.values;
    }
    for (std::size_t f = 0; f < wards_.fields.size(); ++f) {
        double total = 0;
        std::size_t counted = 0;
        for (const UnitStats& row : stats_)
            if (row.wards && row.values[f]) total += *row.values[f], ++counted;
        if (!counted || total == 0) continue;
        const double mean = total / counted;
        for (UnitStats& row : stats_)
            if (row.wards && row.values[f]) row.deviation_pct[f] = (*row.values[f] - mean) / mean * 100;
    }
    collect_findings(assignment, std::move(locked_conflicts));
}

void WorkedPlan::collect_findings(const Assignment& assignment, std::vector<Finding> locked_conflicts) {
    PlanResolution resolution;
    resolution.grouping = grouping_of(assignment);
    for (std::size_t w = 0; w < assignment.unit_of.size(); ++w) {
        if (assignment.unit_of[w] == unassigned) resolution.unassigned.push_back(w);
        if (assignment.unit_of[w] == left_out) resolution.left_out.push_back(w);
    }
    findings_.clear();
    for (Finding& f : check_assignment(wards_, resolution)) {
        if (!f.codes.empty()) f.location = location_of_ward(f.codes.front());
        findings_.push_back(std::move(f));
    }
    for (Finding& f : check_whole_parents(wards_, resolution)) {
        f.location = location_of_parent(f.unit_code);
        findings_.push_back(std::move(f));
    }
    for (const CommandUnit& unit : assignment.units)
        if (auto it = contiguity_.find(unit.code); it != contiguity_.end()) findings_.insert(findings_.end(), it->second.begin(), it->second.end());
    findings_.insert(findings_.end(), std::make_move_iterator(locked_conflicts.begin()), std::make_move_iterator(locked_conflicts.end()));
}

Finding WorkedPlan::locked_conflict(const CommandUnit& locked, const std::vector<std::string>& codes) const {
    return {Severity::warning, FindingKind::locked_conflict, locked.code,
            fmt::format("{} ward(s) left in {} ({}), which is locked: {}", codes.size(), locked.code, locked.name, listed(codes)), codes,
            location_of_ward(codes.front())};
}

const GEOSGeometry* WorkedPlan::shape(const std::string& code) const {
    const auto it = dissolved_.find(code);
    return it == dissolved_.end() ? nullptr : it->second.shape.get();
}

namespace {

DissolvedUnit copy_of(const DissolvedUnit& unit) {
    DissolvedUnit copy;
    copy.info = unit.info;
    copy.shape = geos::clone(*unit.shape);
    copy.members = unit.members;
    copy.parents = unit.parents;
    copy.area = unit.area;
    copy.perimeter = unit.perimeter;
    copy.polsby_popper = unit.polsby_popper;
    copy.parts = unit.parts;
    copy.holes = unit.holes;
    copy.values = unit.values;
    return copy;
}

}  // namespace

AppliedPlan WorkedPlan::applied(const Assignment& assignment) const {
    AppliedPlan applied;
    applied.grouping = grouping_of(assignment);
    Plan plan;
    plan.units = assignment.units;
    applied.plan = std::move(plan);
    applied.parents.hygiene = parents_.hygiene;
    for (const DissolvedUnit& unit : parents_.units) applied.parents.units.push_back(copy_of(unit));
    for (const CommandUnit& unit : assignment.units)  // in the plan's order, empty units left out, as dissolve() does
        if (auto it = dissolved_.find(unit.code); it != dissolved_.end()) applied.groups.units.push_back(copy_of(it->second));
    return applied;
}

WorkedPlan::~WorkedPlan() {
    if (job_.valid()) job_.wait();  // it reads the wards and inputs this plan was made with
}

WorkedPlan::Worked WorkedPlan::work_out(const WardSet& wards, Grouping grouping, std::shared_ptr<const PlanInputs> inputs, WardCache cache) {
    static const PlanInputs none;
    const PlanInputs& given = inputs ? *inputs : none;
    if (given.scoring && !cache.scorer_tried) {
        cache.scorer_tried = true;
        constexpr std::size_t most_wards = 10000;  // measuring more takes longer than a planner should wait for officers
        if (wards.units.size() > most_wards)
            cache.scorer_error = "scores are worked out in the window for up to 10,000 wards; `wardmap score` scores this plan";
        else try {
            cache.scorer = make_scorer(wards, given, grouping);
        } catch (const Error& error) {
            cache.scorer_error = error.what();
        }
    }
    if (given.rollout && !cache.adjacency)
        cache.adjacency = cache.scorer ? std::make_shared<const Adjacency>(cache.scorer->facts().adjacency)
                                       : std::make_shared<const Adjacency>(ward_adjacency(wards));
    Worked worked;
    worked.figures = work_out_figures(wards, grouping, given, cache.adjacency.get(), cache.scorer.get());
    if (!cache.scorer_error.empty()) worked.figures.scores_error = cache.scorer_error;
    worked.cache = std::move(cache);
    return worked;
}

void WorkedPlan::collect(bool wait) const {
    if (!job_.valid()) return;
    if (!wait && job_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return;
    Worked worked = job_.get();
    figures_ = std::move(worked.figures);
    figures_revision_ = job_revision_;
    cache_ = std::move(worked.cache);
}

const PlanFigures& WorkedPlan::figures(const Assignment& assignment, std::uint64_t revision) const {
    collect(true);
    if (figures_ && figures_revision_ == revision) return *figures_;
    Worked worked = work_out(wards_, grouping_of(assignment), options_.inputs, cache_);
    figures_ = std::move(worked.figures);
    figures_revision_ = revision;
    cache_ = std::move(worked.cache);
    return *figures_;
}

std::shared_ptr<const PlanScorer> WorkedPlan::scorer(const Assignment& assignment, std::uint64_t revision) const {
    collect(true);
    if (!cache_.scorer_tried) figures(assignment, revision);
    return cache_.scorer;
}

const Adjacency* WorkedPlan::known_adjacency() const {
    collect(false);
    return cache_.adjacency.get();
}

LatestFigures WorkedPlan::latest_figures(const Assignment& assignment, std::uint64_t revision) const {
    collect(false);
    const bool current = figures_ && figures_revision_ == revision;
    if (!current && !job_.valid()) {
        job_revision_ = revision;
        job_ = std::async(std::launch::async, work_out, std::cref(wards_), grouping_of(assignment), options_.inputs, cache_);
    }
    return {figures_ ? &*figures_ : nullptr, figures_revision_, current};
}

}  // namespace geo
