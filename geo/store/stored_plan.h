#pragma once
// A plan file, worked out on its wards, as the store keeps it: the text as it is, plus what SQL and
// QGIS read (its command units with their shapes, each ward's command unit).
#include "geo/plan/apply.h"
#include "geo/planner/plan_file.h"
#include "geo/store/plan_store.h"

#include <string>

namespace geo::store {

// `applied` is the plan dissolved on `wards` (it must outlive the result: shapes are borrowed).
// The parent is the plan file's version (a plan loaded from the store carries the version it was).
PlanToSave plan_to_save(const WardSet& wards, const PlanFile& plan, const std::string& text, const AppliedPlan& applied);

// The plan file's text with its `version = N` line saying `version`, the rest as it was (comments
// included): what a plan file loaded from the store, or just saved to it, is written as.
std::string with_version(const std::string& text, int version);
// Atomic (geo/export/atomic_output.h), replacing `path`. Throws OutputError.
void write_text(const std::string& path, const std::string& text);

}  // namespace geo::store
