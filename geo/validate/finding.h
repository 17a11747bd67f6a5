#pragma once
// One kind of finding for everything wardmap tells a planner about a plan: its validation (a ward in
// no command unit, a unit in pieces, a borough split, an imbalance), the officers' allocation (a
// unit with no wards, wards without a value) and the rollout (a unit half live, a ward left behind).
// The command line prints them, the planner lists them and zooms to what they name.
#include "geo/hygiene/report.h"

#include <optional>
#include <string>
#include <vector>

namespace geo {

enum class Severity { error, warning, info };
const char* to_string(Severity severity);

enum class FindingKind {
    unknown_code,     // a plan row names no ward or borough of the boundaries
    unassigned,       // wards in no command unit
    left_out,         // wards the plan leaves out on purpose
    split_parent,     // a borough split between command units
    not_contiguous,   // a command unit in more than one piece
    imbalance,        // a command unit beyond the allowed deviation from the mean
    locked_conflict,  // an edit that would move a ward of a locked unit
    empty_unit,       // a command unit with no wards: no leadership, its pools go to the rest
    missing_value,    // wards without a value of a measure the officers are shared by
    half_live,        // a command unit partly live in a rollout that goes live by whole units
    gap,              // a ward not live whose every neighbour is
};
const char* to_string(FindingKind kind);  // "split_parent": the names --json and the CSVs use

struct Finding {
    Severity severity;
    FindingKind kind;
    std::string unit_code;           // the command unit, ward or borough concerned
    std::string message;
    std::vector<std::string> codes;  // the units or parents named by the finding
    std::optional<Location> location;
};

}  // namespace geo
