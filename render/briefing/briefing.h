#pragma once
// Print-ready briefing maps of a plan: one map on a page (PDF, SVG or PNG), or an atlas PDF with
// one page per command unit or per rollout phase. The CLI (`wardmap render`) and the planner's
// "Export map…" both call render_briefing, so they draw the same map.
#include "geo/compare/plan_diff.h"
#include "geo/plan/apply.h"
#include "render/briefing/page.h"
#include "render/briefing/page_transform.h"
#include "render/briefing/page_writer.h"
#include "render/style/theme.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace render {

enum class AtlasKind { none, command_units, phases };

struct BriefingOptions {
    PageSpec page;
    std::string theme = "bcu";      // bcu, phase, officers or a field (render/style/theme.h)
    // Theme "officers": the officers of each unit's command unit (parallel to WardSet::units; the
    // caller allocates them with geo/officers, so render/ needs no rules or tables).
    std::vector<std::optional<double>> officers;
    // Theme "diff": the plan drawn (the new one) compared with an earlier one (geo/compare), and its name.
    const geo::PlanDiff* diff = nullptr;
    std::string compared_with;
    std::string title;              // empty: from the theme and plan
    std::string date;               // shown in the subtitle, e.g. "23 November 2026"; empty: none
    bool borough_labels = false;
    AtlasKind atlas = AtlasKind::none;
    bool overwrite = false;
};

// What was drawn where on each page, in points: for tests (pixel checks) and for reports.
struct RenderedPage {
    PageTransform transform;
    Box map;
    std::vector<Box> labels;           // every label and furniture box: where fills are covered
    std::size_t labels_dropped = 0;    // labels with no free place
};

struct BriefingResult {
    std::filesystem::path path;
    PageFormat format = PageFormat::pdf;
    Theme theme;
    std::vector<RenderedPage> pages;
};

// Throws geo::InputError for a bad theme, output name or atlas format, geo::OutputError when the
// file cannot be written (nothing is left behind).
BriefingResult render_briefing(const geo::WardSet& set, const geo::AppliedPlan& plan, const BriefingOptions& options,
                               const std::filesystem::path& output);

}  // namespace render
