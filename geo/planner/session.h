#pragma once
// A plan being edited: the assignment, unlimited undo and redo (history.h), and everything worked
// out from it (worked_plan.h: command-unit shapes, statistics, findings, officers, rollout), kept
// current after every edit. Only the command units an edit touches are dissolved again, so an edit
// costs a few milliseconds however large the ward set; officers and rollout are worked out when
// first asked for after a change. Plain data in, plain data out: no window, no files.
#include "geo/planner/assignment.h"
#include "geo/planner/edit.h"
#include "geo/planner/worked_plan.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace geo {

struct EditOutcome {
    bool applied = false;
    std::string refused;                      // why not, in the planner's words ("Central West is locked")
    std::vector<std::string> changed_units;   // codes whose shape changed: redraw their outlines
    std::vector<std::size_t> locked_wards;    // wards the edit left where they were (in a locked unit)
};

class PlanSession {
public:
    // Dissolves the parents (boroughs) once and every command unit; throws nothing for a plan with
    // findings: findings are what the planner is there to fix.
    PlanSession(const WardSet& wards, Assignment start, SessionOptions options = {});
    ~PlanSession();
    PlanSession(const PlanSession&) = delete;
    PlanSession& operator=(const PlanSession&) = delete;

    // Applies an edit, or refuses it (nothing changes, `refused` says why). An applied edit goes
    // on the undo stack and clears the redo stack.
    EditOutcome apply(const Edit& edit);
    EditOutcome undo();
    EditOutcome redo();
    // Edits between begin_stroke() and end_stroke() (one paint drag across many wards) are one
    // step for undo; outlines and statistics still follow every single edit.
    void begin_stroke();
    void end_stroke();
    bool can_undo() const;
    bool can_redo() const;
    std::string undo_label() const;  // describe() of the edit undo() would take back; empty if none
    std::string redo_label() const;

    const WardSet& wards() const;
    const Assignment& assignment() const;
    // Shape of command unit i (index into assignment().units) in the working CRS; null when empty.
    const GEOSGeometry* shape(std::size_t unit) const;
    const std::vector<UnitStats>& stats() const;  // parallel to assignment().units
    const DissolveResult& parents() const;        // boroughs, dissolved once
    const std::vector<Finding>& findings() const; // split parents, non-contiguous units, unassigned wards, locked conflicts
    // Officers and rollout of the plan as it is now, from the session's inputs (worked out now if
    // they are not yet).
    const PlanFigures& figures() const;
    // The newest worked out so far, without waiting; the current ones follow on another thread.
    LatestFigures latest_figures() const;
    // Which wards share a boundary, once the rollout has needed it (null before): never waited for.
    const Adjacency* known_adjacency() const;
    // What scores plans over these wards (geo/candidates/scores.h), shared with the figures and with
    // a candidate search on another thread; null without scores. Waits for the first figures.
    std::shared_ptr<const PlanScorer> scorer() const;
    const PlanInputs* inputs() const;             // null: the session was given none
    // The plan as exports and briefing maps take it, from the shapes held here (no dissolve).
    AppliedPlan applied() const;

    std::uint64_t revision() const;  // changes on every applied edit, undo and redo
    bool modified() const;           // since the last mark_saved() (undoing back to it counts as unmodified)
    void mark_saved();

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace geo
