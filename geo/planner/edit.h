#pragma once
// What a planner can do to a plan, as plain data: the window's tools, the replay file and the tests
// all produce these. Command units are named by code (stable when others are deleted), wards by
// their index in the WardSet.
#include "geo/plan/plan.h"
#include "geo/source/ward.h"

#include <string>
#include <variant>
#include <vector>

namespace geo {

struct MoveWards {
    std::vector<std::size_t> wards;
    std::string to;  // command unit code; empty: unassign
};
struct MoveParents {  // whole boroughs: every ward whose parent code is listed
    std::vector<std::string> parents;
    std::string to;
};
struct CreateUnit {
    CommandUnit unit;  // a code already in use is refused
};
struct RenameUnit {
    std::string code, name;
};
struct RecolourUnit {
    std::string code, colour;  // #RRGGBB
};
struct DeleteUnit {
    std::string code;  // its wards become unassigned; a locked unit is refused
};
struct LockUnit {
    std::string code;
    bool locked = true;
};

// A whole other plan over the same wards (a candidate adopted): one step for undo, however many
// units and wards it changes. A locked unit must come through unchanged (same code and wards).
struct ReplacePlan {
    std::vector<CommandUnit> units;
    std::vector<int> unit_of;  // per ward: index into units, or unassigned / left_out (assignment.h)
    std::string label;         // for the undo menu: "Use candidate 3"
};

using Edit = std::variant<MoveWards, MoveParents, CreateUnit, RenameUnit, RecolourUnit, DeleteUnit, LockUnit, ReplacePlan>;

// "Move 1 ward (E05000384 Colville) to Central West": for the undo menu and the status line.
std::string describe(const Edit& edit, const WardSet& wards);

}  // namespace geo
