#include "geo/planner/history.h"

#include "geo/planner/edit.h"

#include <algorithm>
#include <fmt/format.h>
#include <set>
#include <unordered_map>

namespace geo {

bool Step::moves_only() const {
    const auto same = [](const CommandUnit& a, const CommandUnit& b) {
        return a.code == b.code && a.name == b.name && a.colour == b.colour && a.phase == b.phase && a.locked == b.locked;
    };
    return std::equal(units_before.begin(), units_before.end(), units_after.begin(), units_after.end(), same);
}

std::string code_at(const std::vector<CommandUnit>& units, int index) {
    return index >= 0 && static_cast<std::size_t>(index) < units.size() ? units[index].code : std::string();
}

void History::record(Step step, const WardSet& wards) {
    const bool merge = stroke_open_ && stroke_step_ >= 0 && static_cast<std::size_t>(stroke_step_) + 1 == position_ &&
                       position_ == steps_.size() && !at_saved() && step.moves_only() && steps_.back().moves_only();
    if (!merge) {
        steps_.resize(position_);
        if (saved_position_ > static_cast<std::ptrdiff_t>(position_)) saved_position_ = -1;
        steps_.push_back(std::move(step));
        ++position_;
        if (stroke_open_) stroke_step_ = static_cast<std::ptrdiff_t>(position_) - 1;
        return;
    }
    Step& last = steps_.back();
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
    last.label = targets.size() == 1 ? describe(MoveWards{moved, code_at(last.units_after, *targets.begin())}, wards)
                                     : fmt::format("Paint {} wards", moved.size());
}

const Step& History::back() {
    leave_stroke();
    return steps_[--position_];
}

const Step& History::forward() {
    leave_stroke();
    return steps_[position_++];
}

void History::begin_stroke() {
    stroke_open_ = true;
    stroke_step_ = -1;
}

void History::end_stroke() {
    stroke_open_ = false;
    stroke_step_ = -1;
}

}  // namespace geo
