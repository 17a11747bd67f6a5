#pragma once
// What a planner can do to a plan, as plain data: the window's tools, the replay file and the tests
// all produce these. Command units are named by code (stable when others are deleted), wards by
// their index in the UnitSet.
#include "geo/plan/plan.h"
#include "geo/source/unit.h"

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

using Edit = std::variant<MoveWards, MoveParents, CreateUnit, RenameUnit, RecolourUnit, DeleteUnit, LockUnit>;

// "Move 1 ward (E05000384 Colville) to Central West": for the undo menu and the status line.
std::string describe(const Edit& edit, const UnitSet& wards);

}  // namespace geo
