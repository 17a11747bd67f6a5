#pragma once
// The planner's undo and redo: each step holds the command units before and after (a short list,
// copied whole) and the wards whose unit changed, so undo and redo replay it exactly, backwards or
// forwards. Paint strokes merge into one step. Plain data: the session runs the steps.
#include "geo/plan/plan.h"
#include "geo/source/ward.h"

#include <cstddef>
#include <string>
#include <vector>

namespace geo {

struct WardChange {
    std::size_t ward;
    int before, after;  // indices into the step's units_before / units_after
};

struct Step {
    std::string label;
    std::vector<CommandUnit> units_before, units_after;
    std::vector<WardChange> wards;
    bool moves_only() const;  // only wards moved: no unit created, renamed, recoloured, locked or deleted
};

// The code of units[index], or empty for unassigned, left out or out of range.
std::string code_at(const std::vector<CommandUnit>& units, int index);

class History {
public:
    // Records a step just run. While a stroke is open, a step that only moves wards merges into the
    // stroke's step (unless that is the saved state), so one paint drag is one undo.
    void record(Step step, const WardSet& wards);
    // The step to run backwards / forwards; the position moves. Call only when can_undo / can_redo.
    const Step& back();
    const Step& forward();
    void begin_stroke();
    void end_stroke();
    void leave_stroke() { stroke_step_ = -1; }  // undo or redo ends the merging

    bool can_undo() const { return position_ > 0; }
    bool can_redo() const { return position_ < steps_.size(); }
    std::string undo_label() const { return can_undo() ? steps_[position_ - 1].label : ""; }
    std::string redo_label() const { return can_redo() ? steps_[position_].label : ""; }
    bool at_saved() const { return saved_position_ == static_cast<std::ptrdiff_t>(position_); }
    void mark_saved() { saved_position_ = static_cast<std::ptrdiff_t>(position_); }

private:
    std::vector<Step> steps_;
    std::size_t position_ = 0;           // steps applied; steps_[position_..] can be redone
    std::ptrdiff_t saved_position_ = 0;  // -1: the saved state can no longer be reached
    bool stroke_open_ = false;
    std::ptrdiff_t stroke_step_ = -1;    // the step this stroke's edits merge into
};

}  // namespace geo
