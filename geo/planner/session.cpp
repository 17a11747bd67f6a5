#include "geo/planner/session.h"

#include "geo/core/errors.h"
#include "geo/core/wording.h"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <numeric>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace geo {

namespace {

struct WardChange {
    std::size_t ward;
    int before, after;  // indices into the step's units_before / units_after
};

// One undoable step: the command units before and after (a short list, copied whole) and the wards
// whose unit changed. Undo and redo replay it backwards or forwards, so they restore exactly.
struct Step {
    std::string label;
    std::vector<CommandUnit> units_before, units_after;
    std::vector<WardChange> wards;
    bool moves_only() const {
        const auto same = [](const CommandUnit& a, const CommandUnit& b) {
            return a.code == b.code && a.name == b.name && a.colour == b.colour && a.phase == b.phase && a.locked == b.locked;
        };
        return std::equal(units_before.begin(), units_before.end(), units_after.begin(), units_after.end(), same);
    }
};

std::string code_at(const std::vector<CommandUnit>& units, int index) {
    return index >= 0 && static_cast<std::size_t>(index) < units.size() ? units[index].code : std::string();
}

}  // namespace

struct PlanSession::State {
    const UnitSet& wards;
    SessionOptions options;
    Assignment assignment;

    Grouping by_parent;
    DissolveResult parents;
    std::vector<std::size_t> parent_wards;             // wards per parent group
    std::unordered_map<std::string, std::size_t> ward_index;
    std::unordered_map<std::string, std::size_t> parent_index;  // parent code -> index in parents.units

    std::unordered_map<std::string, DissolvedUnit> dissolved;         // by command unit code; absent when empty
    std::unordered_map<std::string, std::vector<Finding>> contiguity;  // by command unit code
    std::vector<UnitStats> stats;
    std::vector<Finding> findings, locked_conflicts;

    std::vector<Step> history;
    std::size_t position = 0;           // steps applied; history[position..] can be redone
    std::ptrdiff_t saved_position = 0;  // -1: the saved state can no longer be reached
    bool stroke_open = false;
    std::ptrdiff_t stroke_step = -1;    // the step this stroke's edits merge into
    std::uint64_t revision = 1;

    State(const UnitSet& w, Assignment a, SessionOptions o) : wards(w), options(std::move(o)), assignment(std::move(a)) {
        if (assignment.unit_of.size() != wards.units.size())
            throw InputError("", "plan", fmt::format("the assignment covers {} wards, the boundaries have {}",
                                                     assignment.unit_of.size(), wards.units.size()),
                             "Open the plan with the boundary file it was made on.");
        for (std::size_t i = 0; i < wards.units.size(); ++i) ward_index.emplace(wards.units[i].code, i);
        if (!wards.mapping.parent.empty()) {
            by_parent = group_by_parent(wards);
            parents = dissolve(wards, by_parent, options.dissolve);
            parent_wards.assign(by_parent.groups.size(), 0);
            for (int g : by_parent.group_of_unit)
                if (g >= 0) ++parent_wards[g];
            for (std::size_t i = 0; i < parents.units.size(); ++i) parent_index.emplace(parents.units[i].info.code, i);
        }
        std::set<std::string> all;
        for (const CommandUnit& unit : assignment.units) all.insert(unit.code);
        redissolve(all);
        refresh();
    }

    // Dissolves the named command units again from their current wards (both cores, whole
    // boroughs merged from the borough shapes) and re-checks their contiguity.
    void redissolve(const std::set<std::string>& codes) {
        Grouping dirty;
        std::vector<int> dirty_of(assignment.units.size(), -1);
        for (std::size_t u = 0; u < assignment.units.size(); ++u) {
            const CommandUnit& unit = assignment.units[u];
            if (!codes.count(unit.code)) continue;
            dirty_of[u] = static_cast<int>(dirty.groups.size());
            dirty.groups.push_back({unit.code, unit.name, unit.colour, unit.phase});
        }
        for (const std::string& code : codes) {
            dissolved.erase(code);
            contiguity.erase(code);
        }
        if (dirty.groups.empty()) return;
        dirty.group_of_unit.reserve(assignment.unit_of.size());
        for (int unit : assignment.unit_of) dirty.group_of_unit.push_back(unit >= 0 ? dirty_of[unit] : -1);
        const bool with_parents = !parents.units.empty();
        DissolveResult made = dissolve(wards, dirty, options.dissolve, {}, with_parents ? &by_parent : nullptr,
                                       with_parents ? &parents : nullptr);
        DissolveResult one;
        for (DissolvedUnit& unit : made.units) {
            one.units.clear();
            one.units.push_back(std::move(unit));
            contiguity[one.units.front().info.code] = check_contiguity(wards, one);
            std::string code = one.units.front().info.code;
            dissolved.emplace(std::move(code), std::move(one.units.front()));
        }
    }

    std::optional<Location> location_of_ward(const std::string& code) const {
        const auto it = ward_index.find(code);
        if (it == ward_index.end()) return std::nullopt;
        const geos::Point at = geos::point_on_surface(*wards.units[it->second].shape);
        return Location{at.x, at.y};
    }

    std::optional<Location> location_of_parent(const std::string& code) const {
        const auto it = parent_index.find(code);
        if (it == parent_index.end()) return std::nullopt;
        const geos::Point at = geos::point_on_surface(*parents.units[it->second].shape);
        return Location{at.x, at.y};
    }

    // Statistics and findings of the whole plan from the per-unit results: cheap, linear in wards.
    void refresh() {
        const std::size_t n = assignment.units.size();
        // wards of each (parent, command unit): a parent is whole in a unit when all its wards are there
        std::vector<std::map<int, std::size_t>> parent_split(by_parent.groups.size());
        for (std::size_t w = 0; w < assignment.unit_of.size(); ++w) {
            const int parent = by_parent.group_of_unit.empty() ? -1 : by_parent.group_of_unit[w];
            if (parent >= 0) ++parent_split[parent][assignment.unit_of[w]];
        }
        std::vector<bool> whole(n, true);
        for (std::size_t p = 0; p < parent_split.size(); ++p)
            if (parent_split[p].size() > 1)
                for (const auto& [unit, count] : parent_split[p])
                    if (unit >= 0) whole[unit] = false;

        stats.assign(n, {});
        for (std::size_t u = 0; u < n; ++u) {
            UnitStats& row = stats[u];
            row.code = assignment.units[u].code;
            row.whole_parents = whole[u];
            row.values.assign(wards.fields.size(), std::nullopt);
            row.deviation_pct.assign(wards.fields.size(), std::nullopt);
            const auto it = dissolved.find(row.code);
            if (it == dissolved.end()) continue;
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
        for (std::size_t f = 0; f < wards.fields.size(); ++f) {
            double total = 0;
            std::size_t counted = 0;
            for (const UnitStats& row : stats)
                if (row.wards && row.values[f]) total += *row.values[f], ++counted;
            if (!counted || total == 0) continue;
            const double mean = total / counted;
            for (UnitStats& row : stats)
                if (row.wards && row.values[f]) row.deviation_pct[f] = (*row.values[f] - mean) / mean * 100;
        }
        collect_findings();
    }

    void collect_findings() {
        PlanResolution resolution;
        resolution.grouping = grouping_of(assignment);
        for (std::size_t w = 0; w < assignment.unit_of.size(); ++w) {
            if (assignment.unit_of[w] == unassigned) resolution.unassigned.push_back(w);
            if (assignment.unit_of[w] == left_out) resolution.left_out.push_back(w);
        }
        findings.clear();
        for (Finding& f : check_assignment(wards, resolution)) {
            if (!f.codes.empty()) f.location = location_of_ward(f.codes.front());
            findings.push_back(std::move(f));
        }
        for (Finding& f : check_whole_parents(wards, resolution)) {
            f.location = location_of_parent(f.unit_code);
            findings.push_back(std::move(f));
        }
        for (const CommandUnit& unit : assignment.units)
            if (auto it = contiguity.find(unit.code); it != contiguity.end())
                findings.insert(findings.end(), it->second.begin(), it->second.end());
        findings.insert(findings.end(), locked_conflicts.begin(), locked_conflicts.end());
    }

    // --- edits into steps -------------------------------------------------------------------

    Step move(const std::vector<std::size_t>& moved, const std::string& to, EditOutcome& outcome) {
        Step step;
        step.units_before = step.units_after = assignment.units;
        int target = unassigned;
        if (!to.empty()) {
            target = assignment.find(to);
            if (target < 0) {
                outcome.refused = fmt::format("there is no command unit {}", to);
                return step;
            }
            if (assignment.units[target].locked) {
                outcome.refused = fmt::format("{} ({}) is locked: it cannot gain wards", to, assignment.units[target].name);
                return step;
            }
        }
        std::unordered_set<std::size_t> seen;
        for (std::size_t ward : moved) {
            if (ward >= assignment.unit_of.size()) {
                outcome.refused = fmt::format("there is no ward number {}", ward);
                step.wards.clear();
                return step;
            }
            const int from = assignment.unit_of[ward];
            if (from == target || !seen.insert(ward).second) continue;
            if (from >= 0 && assignment.units[from].locked) {
                outcome.locked_wards.push_back(ward);
                continue;
            }
            step.wards.push_back({ward, from, target});
        }
        if (step.wards.empty() && !outcome.locked_wards.empty()) {
            const int from = assignment.unit_of[outcome.locked_wards.front()];
            outcome.refused = fmt::format("{} ({}) is locked: it cannot lose wards", assignment.units[from].code,
                                          assignment.units[from].name);
        }
        return step;
    }

    Step make_step(const Edit& edit, EditOutcome& outcome) {
        Step step;
        step.units_before = step.units_after = assignment.units;
        const auto unit_named = [&](const std::string& code) -> int {
            const int index = assignment.find(code);
            if (index < 0) outcome.refused = fmt::format("there is no command unit {}", code);
            return index;
        };
        if (const auto* e = std::get_if<MoveWards>(&edit)) return move(e->wards, e->to, outcome);
        if (const auto* e = std::get_if<MoveParents>(&edit)) {
            const std::set<std::string> parents(e->parents.begin(), e->parents.end());
            std::vector<std::size_t> moved;
            for (std::size_t w = 0; w < wards.units.size(); ++w)
                if (parents.count(wards.units[w].parent_code)) moved.push_back(w);
            if (moved.empty()) {
                outcome.refused = fmt::format("no ward has the parent {}", listed(e->parents));
                return step;
            }
            return move(moved, e->to, outcome);
        }
        if (const auto* e = std::get_if<CreateUnit>(&edit)) {
            if (e->unit.code.empty()) outcome.refused = "a command unit needs a code";
            else if (assignment.find(e->unit.code) >= 0) outcome.refused = fmt::format("{} is already a command unit", e->unit.code);
            else if (!e->unit.colour.empty() && !is_colour(e->unit.colour)) outcome.refused = fmt::format("{} is not a colour like #1f78b4", e->unit.colour);
            else step.units_after.push_back(e->unit);
            return step;
        }
        if (const auto* e = std::get_if<RenameUnit>(&edit)) {
            if (const int u = unit_named(e->code); u >= 0) step.units_after[u].name = e->name;
            return step;
        }
        if (const auto* e = std::get_if<RecolourUnit>(&edit)) {
            if (!is_colour(e->colour)) outcome.refused = fmt::format("{} is not a colour like #1f78b4", e->colour);
            else if (const int u = unit_named(e->code); u >= 0) step.units_after[u].colour = e->colour;
            return step;
        }
        if (const auto* e = std::get_if<LockUnit>(&edit)) {
            if (const int u = unit_named(e->code); u >= 0) step.units_after[u].locked = e->locked;
            return step;
        }
        const auto& e = std::get<DeleteUnit>(edit);
        const int gone = unit_named(e.code);
        if (gone < 0) return step;
        if (assignment.units[gone].locked) {
            outcome.refused = fmt::format("{} ({}) is locked: unlock it before deleting it", e.code, assignment.units[gone].name);
            return step;
        }
        step.units_after.erase(step.units_after.begin() + gone);
        for (std::size_t w = 0; w < assignment.unit_of.size(); ++w) {
            const int before = assignment.unit_of[w];
            if (before == gone) step.wards.push_back({w, before, unassigned});
            else if (before > gone) step.wards.push_back({w, before, before - 1});
        }
        return step;
    }

    // One step back (undo) or forward (redo) through the history.
    EditOutcome travel(bool forward) {
        EditOutcome outcome;
        if (forward ? position == history.size() : position == 0) {
            outcome.refused = forward ? "nothing to redo" : "nothing to undo";
            return outcome;
        }
        stroke_step = -1;
        locked_conflicts.clear();
        outcome.changed_units = run(history[forward ? position++ : --position], forward);
        outcome.applied = true;
        refresh();
        return outcome;
    }

    // Runs a step forwards or backwards; returns the command units whose shape changed.
    std::vector<std::string> run(const Step& step, bool forward) {
        const auto& from_units = forward ? step.units_before : step.units_after;
        const auto& to_units = forward ? step.units_after : step.units_before;
        std::set<std::string> dirty;
        for (const WardChange& change : step.wards) {
            const int from = forward ? change.before : change.after;
            const int to = forward ? change.after : change.before;
            assignment.unit_of[change.ward] = to;
            if (code_at(from_units, from) != code_at(to_units, to)) {
                if (auto code = code_at(from_units, from); !code.empty()) dirty.insert(code);
                if (auto code = code_at(to_units, to); !code.empty()) dirty.insert(code);
            }
        }
        assignment.units = to_units;
        std::set<std::string> present;
        for (const CommandUnit& unit : to_units) present.insert(unit.code);
        for (const CommandUnit& unit : from_units)
            if (!present.count(unit.code)) dirty.insert(unit.code);  // deleted: its outline goes
        // Names and colours live in the dissolved units' info too (used in findings' wording).
        for (const CommandUnit& unit : to_units)
            if (auto it = dissolved.find(unit.code); it != dissolved.end()) {
                it->second.info.name = unit.name;
                it->second.info.colour = unit.colour;
            }
        std::set<std::string> redo;
        for (const std::string& code : dirty)
            if (present.count(code)) redo.insert(code);
            else dissolved.erase(code), contiguity.erase(code);
        redissolve(redo);
        ++revision;
        return {dirty.begin(), dirty.end()};
    }

    void note_locked(const EditOutcome& outcome) {
        locked_conflicts.clear();
        if (outcome.locked_wards.empty()) return;
        std::map<int, std::vector<std::string>> by_unit;
        for (std::size_t ward : outcome.locked_wards) by_unit[assignment.unit_of[ward]].push_back(wards.units[ward].code);
        for (const auto& [unit, codes] : by_unit) {
            const CommandUnit& locked = assignment.units[unit];
            locked_conflicts.push_back({Severity::warning, "locked_conflict", locked.code,
                                        fmt::format("{} ward(s) left in {} ({}), which is locked: {}", codes.size(),
                                                    locked.code, locked.name, listed(codes)),
                                        codes, location_of_ward(codes.front())});
        }
    }
};

PlanSession::PlanSession(const UnitSet& wards, Assignment start, SessionOptions options)
    : state_(std::make_unique<State>(wards, std::move(start), std::move(options))) {}

PlanSession::~PlanSession() = default;

EditOutcome PlanSession::apply(const Edit& edit) {
    State& s = *state_;
    EditOutcome outcome;
    Step step = s.make_step(edit, outcome);
    const bool changes = !step.wards.empty() || !step.moves_only();
    if (!outcome.refused.empty() || !changes) {
        s.note_locked(outcome);
        s.collect_findings();
        return outcome;
    }
    step.label = describe(edit, s.wards);
    outcome.changed_units = s.run(step, true);
    outcome.applied = true;
    s.note_locked(outcome);

    const bool merge = s.stroke_open && s.stroke_step >= 0 && static_cast<std::size_t>(s.stroke_step) + 1 == s.position &&
                       s.position == s.history.size() && s.saved_position != static_cast<std::ptrdiff_t>(s.position) &&
                       step.moves_only() && s.history.back().moves_only();
    if (merge) {
        Step& last = s.history.back();
        std::unordered_map<std::size_t, std::size_t> at;
        for (std::size_t i = 0; i < last.wards.size(); ++i) at.emplace(last.wards[i].ward, i);
        for (const WardChange& change : step.wards) {
            if (auto it = at.find(change.ward); it != at.end()) last.wards[it->second].after = change.after;
            else last.wards.push_back(change);
        }
        std::erase_if(last.wards, [](const WardChange& c) { return c.before == c.after; });
        std::set<int> targets;
        std::vector<std::size_t> moved;
        for (const WardChange& c : last.wards) targets.insert(c.after), moved.push_back(c.ward);
        last.label = targets.size() == 1 ? describe(MoveWards{moved, code_at(last.units_after, *targets.begin())}, s.wards)
                                         : fmt::format("Paint {} wards", moved.size());
    } else {
        s.history.resize(s.position);
        if (s.saved_position > static_cast<std::ptrdiff_t>(s.position)) s.saved_position = -1;
        s.history.push_back(std::move(step));
        ++s.position;
        if (s.stroke_open) s.stroke_step = static_cast<std::ptrdiff_t>(s.position) - 1;
    }
    s.refresh();
    return outcome;
}

EditOutcome PlanSession::undo() { return state_->travel(false); }
EditOutcome PlanSession::redo() { return state_->travel(true); }

void PlanSession::begin_stroke() {
    state_->stroke_open = true;
    state_->stroke_step = -1;
}

void PlanSession::end_stroke() {
    state_->stroke_open = false;
    state_->stroke_step = -1;
}

bool PlanSession::can_undo() const { return state_->position > 0; }
bool PlanSession::can_redo() const { return state_->position < state_->history.size(); }
std::string PlanSession::undo_label() const { return can_undo() ? state_->history[state_->position - 1].label : ""; }
std::string PlanSession::redo_label() const { return can_redo() ? state_->history[state_->position].label : ""; }

const UnitSet& PlanSession::wards() const { return state_->wards; }
const Assignment& PlanSession::assignment() const { return state_->assignment; }

const GEOSGeometry* PlanSession::shape(std::size_t unit) const {
    if (unit >= state_->assignment.units.size()) return nullptr;
    const auto it = state_->dissolved.find(state_->assignment.units[unit].code);
    return it == state_->dissolved.end() ? nullptr : it->second.shape.get();
}

const std::vector<UnitStats>& PlanSession::stats() const { return state_->stats; }
const DissolveResult& PlanSession::parents() const { return state_->parents; }
const std::vector<Finding>& PlanSession::findings() const { return state_->findings; }
std::uint64_t PlanSession::revision() const { return state_->revision; }
bool PlanSession::modified() const {
    return state_->saved_position != static_cast<std::ptrdiff_t>(state_->position);
}
void PlanSession::mark_saved() { state_->saved_position = static_cast<std::ptrdiff_t>(state_->position); }

}  // namespace geo
