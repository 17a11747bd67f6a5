#pragma once
// A plan carried to a new ward set: each new ward takes the command unit that holds most of its
// area under the old plan (ONS-style best fit), wards whose best share is under a threshold are
// listed for review with their shares, and ward codes the old plan named that the new set lacks are
// listed. Plain data in and out: the overlaps come from overlap_wards (geo/migrate/overlap.h).
#include "geo/migrate/overlap.h"
#include "geo/plan/plan.h"

#include <string>
#include <vector>

namespace geo {

inline constexpr const char* no_unit = "";      // an old ward in no command unit (unassigned)
inline constexpr const char* left_out_unit = "-";  // an old ward the plan leaves out on purpose

struct UnitShare {
    std::string unit_code;  // a command unit, left_out_unit, or no_unit
    double area = 0;        // m² of the new ward under it
    double share = 0;       // of the new ward's area covered by old wards
};

struct MigratedWard {
    std::string unit_code;          // the best share's; no_unit when no old ward lies under it
    double share = 0;               // the best share, 0..1
    double covered = 0;             // the part of the ward's area that old wards cover, 0..1
    std::vector<UnitShare> shares;  // largest first
    std::vector<std::size_t> from;  // old wards under it, largest overlap first
};

struct Migration {
    std::vector<MigratedWard> wards;     // parallel to the new wards
    std::vector<std::size_t> review;     // new wards whose best share is under the threshold, lowest first
    std::vector<std::string> vanished;   // ward codes the old plan keys a row on that the new wards lack
    double threshold = 0.9;
    double old_area = 0, new_area = 0, covered_area = 0;  // m²
};

// `old_unit`: each old ward's command unit code under the plan (left_out_unit, or no_unit).
// `plan`: its rows name the ward codes that must be found again.
Migration migrate_plan(const WardSet& old_wards, const std::vector<std::string>& old_unit, const Plan& plan, const WardSet& new_wards,
                       const std::vector<WardOverlaps>& overlaps, double threshold);

// The migrated plan as a plan table: the old plan's rows keyed on a borough (parent) code carried
// as they are, and a ward row for each new ward whose command unit differs from its borough row's.
Plan migrated_plan_table(const Plan& old_plan, const WardSet& old_wards, const WardSet& new_wards, const Migration& migration);

// The same as CSV text (code,area_name,unit_code,unit_name,colour,phase), read back by read_plan.
std::string plan_table_csv(const Plan& plan, const WardSet& new_wards);

}  // namespace geo
