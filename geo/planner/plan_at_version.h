#pragma once
// Any version a plan file records, rebuilt from the plan as it is: each later version keeps the
// wards moved since its parent (and the parent's name and command units when they differed), so
// undoing them newest first gives the earlier plan. A version whose content checksum was recorded
// is checked against it, so a history changed by hand is found, as a changed line of a signed plan is.
#include "geo/planner/plan_file.h"

#include <optional>
#include <string>
#include <vector>

namespace geo {

using AssignmentLines = std::vector<std::pair<std::string, std::string>>;  // PlanFile::assignment

// The lines that differ between two assignments, by ward code.
std::vector<WardMove> ward_moves(const AssignmentLines& from, const AssignmentLines& to);

// `version` records how it was made from `parent`: the moves, and the name and units that differ.
void record_parent(PlanVersion& version, const PlanFile& parent, const PlanFile& plan);

// The plan one version back: this plan with its current version's record undone. Its versions
// end with the parent's record. Throws InputError when the moves were not kept.
PlanFile parent_plan(const PlanFile& plan);

// The plan at version `number` (as `wardmap plan log` numbers them). Throws InputError naming the
// file when there is no such version, when a later version's moves were not kept (recorded by an
// older wardmap), or when the rebuilt plan's content is not the checksum recorded for it.
PlanFile plan_at_version(const PlanFile& plan, int number);

// "plan.wardplan@3": version 3 of that plan file. An argument naming a file that exists, or
// whose part before the @ is not a plan file's name, is a path as it is.
struct VersionedPath {
    std::string path;
    std::optional<int> version;
};
VersionedPath versioned_path(const std::string& argument);
// "NAME@3" split at its last @ whatever NAME is (a plan in the store, where no file is looked at);
// no version when there is no @ followed by 1 to 9 digits.
VersionedPath versioned_name(const std::string& argument);

// Every version rebuilt and checked: the first problem, or empty.
std::string check_history(const PlanFile& plan);

}  // namespace geo
