#pragma once
// Two plans of the same wards compared: which wards change command unit, grouped as a planner
// briefs them (a whole borough moving is one move, "Barking and Dagenham: 16 wards East -> North
// East"; otherwise each ward), what moves with them, and each command unit before and after.
// Plain data in, plain data out: `wardmap diff`, the diff briefing map and the tests read this.
#include "geo/dissolve/grouping.h"
#include "geo/officers/allocation.h"
#include "geo/source/ward.h"

#include <optional>
#include <string>
#include <vector>

namespace geo {

// What travels with a ward, per ward (parallel to WardSet::units). An empty vector: not known.
struct WardFigures {
    std::vector<std::optional<double>> crime, population;  // nullopt: the ward has no value
    std::vector<double> area_km2;
};

// A sum over wards, with the wards that had no value counted rather than read as zero.
struct Total {
    double sum = 0;
    std::size_t missing = 0;
    bool known = false;  // false: no table at all
};

// One plan as compared: its grouping, and the allocation worked out on it (optional).
struct ComparedPlan {
    std::string name, path;
    const Grouping* grouping = nullptr;
    const Allocation* allocation = nullptr;
};

// Wards that change from one command unit to the same other, within one borough.
struct Move {
    std::string borough_code, borough_name;
    std::string from_code, from_name, to_code, to_name;  // empty code: in no command unit (left out, unassigned)
    bool whole_borough = false;                          // every ward of the borough moves together
    std::vector<std::size_t> wards;                      // indices into WardSet::units, by code
    int dwo = 0, pcso = 0;                               // ward posts that go with them (plan A's rules)
    Total crime, population;
    double area_km2 = 0;
};

// A command unit's figures in one plan. Pools by name, in the rules' order.
struct UnitFigures {
    std::size_t wards = 0;
    int dwo = 0, pcso = 0, leadership = 0, officers = 0;
    std::vector<std::pair<std::string, int>> pools;
    Total crime, population;
    double area_km2 = 0;
    bool in_plan = false;  // false: the plan has no such command unit
};

struct UnitChange {
    std::string code, name;
    UnitFigures before, after;
    bool changed() const;  // any ward in or out, or any post
};

struct PlanDiff {
    std::vector<Move> moves;         // by from, to, borough
    std::size_t wards_moved = 0;
    std::vector<UnitChange> units;   // plan A's command units in order, then those only plan B has
    bool officers = false;           // both plans had an allocation
};

// Throws nothing; the groupings must be over the same `wards`.
PlanDiff diff_plans(const WardSet& wards, const ComparedPlan& a, const ComparedPlan& b, const WardFigures& figures);

// What goes with a move: "3 DWO, 2 PCSO; crime 1234; population 5678; 1.23 km²" (posts when the
// diff has officers; a figure without a table is left out, wards without a value are counted).
std::string move_figures(const Move& move, bool officers);

// "Barking and Dagenham: 16 wards East -> North East" or "E05000026 Abbey (Barking and Dagenham):
// East -> Central North"; a partly moving borough lists its wards.
std::string describe(const WardSet& wards, const Move& move);

}  // namespace geo
