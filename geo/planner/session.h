#pragma once
// A plan being edited: the assignment, unlimited undo and redo, and everything the window shows
// about it (command-unit shapes, statistics, findings), kept current after every edit. Only the
// command units an edit touches are dissolved again, so an edit costs a few milliseconds however
// large the ward set. Plain data in, plain data out: no window, no files.
#include "geo/dissolve/dissolve.h"
#include "geo/planner/assignment.h"
#include "geo/planner/edit.h"
#include "geo/validate/validate.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace geo {

// One row of the statistics panel.
struct UnitStats {
    std::string code;
    std::size_t wards = 0, parents = 0;  // parents: boroughs with at least one ward in the unit
    double area = 0, perimeter = 0, polsby_popper = 0;  // m², m, 4πA/P²
    int parts = 0, holes = 0;
    bool contiguous = true;     // one part
    bool whole_parents = true;  // no borough of it shared with another command unit
    std::vector<std::optional<double>> values;         // parallel to UnitSet::fields; numeric fields, aggregated
    std::vector<std::optional<double>> deviation_pct;  // of each value from the mean over command units
};

struct EditOutcome {
    bool applied = false;
    std::string refused;                      // why not, in the planner's words ("Central West is locked")
    std::vector<std::string> changed_units;   // codes whose shape changed: redraw their outlines
    std::vector<std::size_t> locked_wards;    // wards the edit left where they were (in a locked unit)
};

struct SessionOptions {
    DissolveOptions dissolve;
    ValidateOptions validate;
};

class PlanSession {
public:
    // Dissolves the parents (boroughs) once and every command unit; throws nothing for a plan with
    // findings: findings are what the planner is there to fix.
    PlanSession(const UnitSet& wards, Assignment start, SessionOptions options = {});
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

    const UnitSet& wards() const;
    const Assignment& assignment() const;
    // Shape of command unit i (index into assignment().units) in the working CRS; null when empty.
    const GEOSGeometry* shape(std::size_t unit) const;
    const std::vector<UnitStats>& stats() const;  // parallel to assignment().units
    const DissolveResult& parents() const;        // boroughs, dissolved once
    const std::vector<Finding>& findings() const; // split parents, non-contiguous units, unassigned wards, locked conflicts

    std::uint64_t revision() const;  // changes on every applied edit, undo and redo
    bool modified() const;           // since the last mark_saved() (undoing back to it counts as unmodified)
    void mark_saved();

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace geo
