#pragma once
// Compare with…: the plan being edited against another plan (a file, a version kept in a plan file,
// or the plan as last saved), as `wardmap diff OTHER THIS` reports it: geo::diff_plans, worked out
// again only when the plan or its officers change, never every frame. The moved wards' outlines are
// kept in world coordinates for the map overlay. No ImGui here.
#include "geo/compare/plan_diff.h"
#include "geo/planner/session.h"
#include "ui/map/view.h"
#include "ui/planner/document.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ui {

struct MovedOutline {
    std::vector<std::vector<WorldPoint>> rings;
    std::string to_code;  // its unit in this plan ("" none): drawn in that unit's colour
};

struct Comparison {
    std::string label;              // what the plan is compared with: "PATH", "PATH version 2", "the saved plan (PATH)"
    std::string name;               // that plan's name
    geo::Grouping other;            // its wards' command units
    std::optional<geo::Allocation> other_officers;  // by this plan's officer rules; none when they cannot be worked out
    geo::WardFigures figures;       // crime, population and area per ward: once
    geo::PlanDiff diff;             // other (before) → this plan (after)
    std::vector<MovedOutline> outlines;
    double diff_ms = 0;             // how long the last diff took

    std::uint64_t revision = 0, figures_revision = 0;  // of the plan and its officers the diff is of
    bool worked_out = false;
};

// The other plan read and its officers allocated. `argument`: a plan file or CSV table, PATH@N
// (version N of a plan file), or empty for the document as last saved. Throws geo::Error.
Comparison open_comparison(const geo::WardSet& wards, const Document& document, const std::string& argument);

// The diff again when the plan (session revision) or its shown officers changed since. Returns
// whether it was worked out again.
bool update_comparison(Comparison& comparison, const geo::WardSet& wards, const geo::PlanSession& session,
                       const geo::LatestFigures& figures);

}  // namespace ui
