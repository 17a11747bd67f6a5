#pragma once
// The plan file: a TOML text a person can read and that diffs well (one line per ward, sorted by
// code), written atomically. It names the boundary source it was made on with a fingerprint of its
// ward codes, so opening it against another ward set is refused with a clear message.
//
//   name = "MPS 12 BCU (2018)"          version = 3        author = "..."      status = "draft"
//   [boundaries]  path = "shapes/london-wards-2014.gpkg"   wards = 654   fingerprint = "fnv1a64:..."
//   [[command_units]]  code = "CW"  name = "Central West"  colour = "#1f78b4"  locked = false
//   [assignment]  E05000026 = "EA" ... ("-" = left out on purpose)
#include "geo/plan/plan.h"
#include "geo/planner/assignment.h"
#include "geo/planner/plan_version.h"
#include "geo/source/ward.h"

#include <string>
#include <vector>

namespace geo {

// Where a plan carried to another ward set came from (`wardmap migrate`): written as [migrated_from].
struct PlanOrigin {
    std::string plan;                          // the old plan's path
    std::string boundary_path, boundary_fingerprint;
    std::size_t boundary_wards = 0;
    std::string method = "area";               // what the best fit weighed
    double threshold = 0.9;                    // best shares under it were listed for review
    std::size_t review = 0;                    // how many were

    bool empty() const { return plan.empty() && boundary_fingerprint.empty(); }
};

struct PlanFile {
    std::string name, author, status = "draft";
    int version = 1;
    std::string boundary_path, boundary_fingerprint;
    std::size_t boundary_wards = 0;
    std::vector<CommandUnit> units;
    std::vector<std::pair<std::string, std::string>> assignment;  // ward code -> unit code, "-" left out
    std::vector<std::string> notes;  // parallel to assignment, optional: written as comments ("Colville, Kensington and Chelsea")
    PlanOrigin migrated_from;        // empty unless carried from another ward set
    std::vector<PlanVersion> versions;  // oldest first, the last is the plan as it is (geo/planner/plan_version.h); empty in older files
    std::string path;                // where it was read from (for messages); not written
};

// Is this path a plan file (TOML) rather than a CSV plan table? By extension: .toml, .wardplan.
bool is_plan_file(const std::string& path);

// Throws InputError naming the file and line for TOML errors, unknown keys' types, bad colours.
PlanFile read_plan_file(const std::string& path);
PlanFile parse_plan_file(const std::string& text, const std::string& path_for_messages);
std::string format_plan_file(const PlanFile& plan);
// Atomic: a temporary file beside `path`, then rename. Throws OutputError.
void write_plan_file(const std::string& path, const PlanFile& plan);

// A fingerprint of the ward set: the sorted ward codes (FNV-1a 64), "fnv1a64:0123456789abcdef".
std::string ward_set_fingerprint(const WardSet& wards);

// The plan file on these wards. Throws InputError when the fingerprint differs (another ward set),
// naming both sources and what to do; ward codes missing from the file are unassigned.
Assignment assignment_from(const WardSet& wards, const PlanFile& plan);
PlanFile plan_file_from(const WardSet& wards, const Assignment& assignment, PlanFile meta);

// The plan file as a plan table (one row per ward), so that every command taking --plan takes both.
Plan plan_from_file(const PlanFile& plan);

// Either kind of plan (a plan file, or a CSV plan table resolved against the wards) as an
// assignment. `meta`, if given, receives the name, author and status (a CSV: its name, "draft")
// and the path. Throws InputError as read_plan/read_plan_file/assignment_from do.
Assignment open_plan(const WardSet& wards, const std::string& path, PlanFile* meta = nullptr);

// Where the planner autosaves a plan: ".NAME.autosave" beside a plan file; under the user's state
// folder ($XDG_STATE_HOME/wardmap) for a CSV table or a plan never saved. The window offers to
// recover it when it is newer than the plan.
std::string autosave_path(const std::string& plan_path);
// Writes the autosave (creating its folder); the newest autosave of a plan if it is newer than the
// plan itself (or the plan is gone), else empty; and removing it after a save or a clean exit.
void write_autosave(const std::string& plan_path, const PlanFile& plan);
std::string recoverable_autosave(const std::string& plan_path);
void discard_autosave(const std::string& plan_path);

}  // namespace geo
