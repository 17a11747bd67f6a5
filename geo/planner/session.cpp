#include "geo/planner/session.h"

#include "geo/core/wording.h"
#include "geo/planner/history.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_set>

namespace geo {

namespace {

// --- edits into steps -------------------------------------------------------------------------

Step move(const Assignment& assignment, const std::vector<std::size_t>& moved, const std::string& to, EditOutcome& outcome) {
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

// Every ward whose index changes is listed (the unit lists differ), though only a change of code
// redraws an outline (State::run).
Step replace(const Assignment& assignment, const ReplacePlan& plan, EditOutcome& outcome) {
    Step step;
    step.units_before = assignment.units;
    const int units = static_cast<int>(plan.units.size());
    if (plan.unit_of.size() != assignment.unit_of.size()) {
        outcome.refused = fmt::format("the plan has {} wards, this one {}", plan.unit_of.size(), assignment.unit_of.size());
        return step;
    }
    std::set<std::string> codes;
    for (const CommandUnit& unit : plan.units)
        if (unit.code.empty() || !codes.insert(unit.code).second) {
            outcome.refused = fmt::format("the plan's command unit code \"{}\" is empty or used twice", unit.code);
            return step;
        }
    for (int u : plan.unit_of)
        if (u >= units || (u < 0 && u != unassigned && u != left_out)) {
            outcome.refused = fmt::format("the plan puts a ward in unit number {} of {}", u, units);
            return step;
        }
    step.units_after = plan.units;
    // A locked unit stays locked when it comes through with the same wards, else the plan is refused.
    for (std::size_t locked = 0; locked < assignment.units.size(); ++locked) {
        if (!assignment.units[locked].locked) continue;
        const auto found = std::find_if(plan.units.begin(), plan.units.end(),
                                        [&](const CommandUnit& unit) { return unit.code == assignment.units[locked].code; });
        const int now = found == plan.units.end() ? -1 : static_cast<int>(found - plan.units.begin());
        bool same = now >= 0;
        for (std::size_t w = 0; same && w < plan.unit_of.size(); ++w)
            same = (assignment.unit_of[w] == static_cast<int>(locked)) == (plan.unit_of[w] == now);
        if (!same) {
            outcome.refused = fmt::format("{} ({}) is locked and this plan changes it: unlock it first", assignment.units[locked].code,
                                          assignment.units[locked].name);
            return step;
        }
        step.units_after[static_cast<std::size_t>(now)].locked = true;
    }
    for (std::size_t w = 0; w < plan.unit_of.size(); ++w)
        if (assignment.unit_of[w] != plan.unit_of[w]) step.wards.push_back({w, assignment.unit_of[w], plan.unit_of[w]});
    return step;
}

Step make_step(const Assignment& assignment, const WardSet& wards, const Edit& edit, EditOutcome& outcome) {
    Step step;
    step.units_before = step.units_after = assignment.units;
    const auto unit_named = [&](const std::string& code) -> int {
        const int index = assignment.find(code);
        if (index < 0) outcome.refused = fmt::format("there is no command unit {}", code);
        return index;
    };
    if (const auto* e = std::get_if<MoveWards>(&edit)) return move(assignment, e->wards, e->to, outcome);
    if (const auto* e = std::get_if<MoveParents>(&edit)) {
        const std::set<std::string> parents(e->parents.begin(), e->parents.end());
        std::vector<std::size_t> moved;
        for (std::size_t w = 0; w < wards.units.size(); ++w)
            if (parents.count(wards.units[w].parent_code)) moved.push_back(w);
        if (moved.empty()) {
            outcome.refused = fmt::format("no ward has the parent {}", listed(e->parents));
            return step;
        }
        return move(assignment, moved, e->to, outcome);
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
    if (const auto* e = std::get_if<ReplacePlan>(&edit)) return replace(assignment, *e, outcome);
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

}  // namespace

struct PlanSession::State {
    const WardSet& wards;
    Assignment assignment;
    WorkedPlan worked;
    History history;
    std::vector<Finding> locked_conflicts;
    std::uint64_t revision = 1;

    State(const WardSet& w, Assignment a, SessionOptions o) : wards(w), assignment(std::move(a)), worked(w, assignment, std::move(o)) {}

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
        worked.rename(to_units);
        worked.redissolve(assignment, dirty);
        ++revision;
        return {dirty.begin(), dirty.end()};
    }

    EditOutcome travel(bool forward) {
        EditOutcome outcome;
        if (forward ? !history.can_redo() : !history.can_undo()) {
            outcome.refused = forward ? "nothing to redo" : "nothing to undo";
            return outcome;
        }
        locked_conflicts.clear();
        outcome.changed_units = run(forward ? history.forward() : history.back(), forward);
        outcome.applied = true;
        worked.refresh(assignment, locked_conflicts);
        return outcome;
    }

    void note_locked(const EditOutcome& outcome) {
        locked_conflicts.clear();
        if (outcome.locked_wards.empty()) return;
        std::map<int, std::vector<std::string>> by_unit;
        for (std::size_t ward : outcome.locked_wards) by_unit[assignment.unit_of[ward]].push_back(wards.units[ward].code);
        for (const auto& [unit, codes] : by_unit) locked_conflicts.push_back(worked.locked_conflict(assignment.units[unit], codes));
    }
};

PlanSession::PlanSession(const WardSet& wards, Assignment start, SessionOptions options)
    : state_(std::make_unique<State>(wards, std::move(start), std::move(options))) {}

PlanSession::~PlanSession() = default;

EditOutcome PlanSession::apply(const Edit& edit) {
    State& s = *state_;
    EditOutcome outcome;
    Step step = make_step(s.assignment, s.wards, edit, outcome);
    const bool changes = !step.wards.empty() || !step.moves_only();
    if (!outcome.refused.empty() || !changes) {
        s.note_locked(outcome);
        s.worked.refresh(s.assignment, s.locked_conflicts);
        return outcome;
    }
    step.label = describe(edit, s.wards);
    outcome.changed_units = s.run(step, true);
    outcome.applied = true;
    s.note_locked(outcome);
    s.history.record(std::move(step), s.wards);
    s.worked.refresh(s.assignment, s.locked_conflicts);
    return outcome;
}

EditOutcome PlanSession::undo() { return state_->travel(false); }
EditOutcome PlanSession::redo() { return state_->travel(true); }
void PlanSession::begin_stroke() { state_->history.begin_stroke(); }
void PlanSession::end_stroke() { state_->history.end_stroke(); }
bool PlanSession::can_undo() const { return state_->history.can_undo(); }
bool PlanSession::can_redo() const { return state_->history.can_redo(); }
std::string PlanSession::undo_label() const { return state_->history.undo_label(); }
std::string PlanSession::redo_label() const { return state_->history.redo_label(); }

const WardSet& PlanSession::wards() const { return state_->wards; }
const Assignment& PlanSession::assignment() const { return state_->assignment; }

const GEOSGeometry* PlanSession::shape(std::size_t unit) const {
    if (unit >= state_->assignment.units.size()) return nullptr;
    return state_->worked.shape(state_->assignment.units[unit].code);
}

const std::vector<UnitStats>& PlanSession::stats() const { return state_->worked.stats(); }
const DissolveResult& PlanSession::parents() const { return state_->worked.parents(); }
const std::vector<Finding>& PlanSession::findings() const { return state_->worked.findings(); }
const PlanFigures& PlanSession::figures() const { return state_->worked.figures(state_->assignment, state_->revision); }
const PlanInputs* PlanSession::inputs() const { return state_->worked.options().inputs.get(); }
const Adjacency* PlanSession::known_adjacency() const { return state_->worked.known_adjacency(); }
std::shared_ptr<const PlanScorer> PlanSession::scorer() const { return state_->worked.scorer(state_->assignment, state_->revision); }
LatestFigures PlanSession::latest_figures() const { return state_->worked.latest_figures(state_->assignment, state_->revision); }
AppliedPlan PlanSession::applied() const { return state_->worked.applied(state_->assignment); }
std::uint64_t PlanSession::revision() const { return state_->revision; }
bool PlanSession::modified() const { return !state_->history.at_saved(); }
void PlanSession::mark_saved() { state_->history.mark_saved(); }

}  // namespace geo
