#pragma once
// A plan's life in its file: its versions, oldest first, each naming the version it was made from
// by a checksum of that version's content; each version's status (draft, proposed, signed-off);
// and the check that a signed-off plan has not been changed since it was signed. Plain data over
// PlanFile, so that a plan store can keep the same records as the file does.
//
//   [[versions]]  version = 2  status = "signed-off"  author = "..."  signed_by = "..."
//                 time = "2026-12-07T01:00:00Z"  parent = "fnv1a64:..."  content = "fnv1a64:..."
//                 boundary_checksum = "fnv1a64:..."
//
// The checksums find a line changed by hand or by accident; they are not a signature (anyone who
// edits the file can also rewrite the checksum), which a plan store with access control gives.
#include "geo/plan/plan.h"

#include <optional>
#include <string>
#include <vector>

namespace geo {

struct PlanFile;

// One ward's line of the assignment changed from a version's parent to it. "" : the ward has no
// line (unassigned); "-": left out on purpose, as in [assignment].
struct WardMove {
    std::string ward, from, to;
    bool operator==(const WardMove&) const = default;
};

inline constexpr const char* status_draft = "draft";
inline constexpr const char* status_proposed = "proposed";
inline constexpr const char* status_signed_off = "signed-off";
bool is_status(const std::string& status);

struct PlanVersion {
    int version = 1;
    std::string status = status_draft;
    std::string author;             // who made this version
    std::string signed_by;          // who signed it off (status signed-off) or proposed it
    std::string time;               // when it was last recorded, ISO 8601 UTC
    std::string parent;             // content checksum of the version it was made from; empty for the first
    std::string content;            // content checksum when it was recorded
    std::string boundary_checksum;  // of the boundary file's bytes, when signed off or proposed
    // What the parent version was, kept so any two versions of the file can be compared
    // (geo/planner/plan_at_version.h): the wards moved since it, and its name and command units
    // when they were not this version's. Not known for a version written before they were kept.
    bool moves_kept = false;
    std::vector<WardMove> moves;
    std::optional<std::string> parent_name;
    std::optional<std::vector<CommandUnit>> parent_units;
};

// Of what the plan says (name, boundaries' ward codes, command units, assignment), not of how the
// file is laid out: comments and the order of lines do not count. "fnv1a64:0123456789abcdef".
std::string content_checksum(const PlanFile& plan);
// Of a file's bytes; empty when it cannot be read.
std::string file_checksum(const std::string& path);
std::string utc_now();  // "2026-12-07T01:00:00Z"

// The version the plan is at: the last record, or one made from the top-level fields of a file
// written before versions were recorded.
PlanVersion current_version(const PlanFile& plan);

struct Integrity {
    bool signed_off = false;    // the current version is signed off
    bool changed = false;       // ... and its content is no longer what was signed
    std::string recorded, actual;
    std::string message() const;  // empty when nothing is wrong
};
Integrity check_integrity(const PlanFile& plan);

// The plan as saved: unchanged for a plan with no history that was never proposed or signed; a
// draft's record follows its content; a signed-off or proposed version whose
// content changed becomes the parent of a new draft version by `author`. Never changes a record
// that is signed off. `before` is the plan as it was last read or saved (its history and
// assignment): the current version's moves from its parent are worked out from it.
PlanFile record_save(PlanFile plan, const PlanFile& before, const std::string& author, const std::string& time);

// The current version marked proposed or signed off by `by`, its content and the boundary file's
// checksum recorded. Throws InputError when it is signed off already, or changed since.
PlanFile sign_off(PlanFile plan, const std::string& by, const std::string& time, const std::string& boundary_checksum);
PlanFile propose(PlanFile plan, const std::string& by, const std::string& time, const std::string& boundary_checksum);

// A signed-off (or proposed) plan made editable: a new draft version whose parent is it.
PlanFile new_draft(PlanFile plan, const std::string& author, const std::string& time);

}  // namespace geo
