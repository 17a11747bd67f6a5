#include "render/briefing/briefing.h"

#include "geo/core/errors.h"
#include "render/briefing/legend.h"
#include "render/briefing/page_text.h"
#include "render/briefing/sheet.h"
#include "render/context/river.h"
#include "render/style/diff_theme.h"

namespace render {
namespace {

std::string default_title(const BriefingOptions& options) {
    const std::string& theme = options.theme;
    if (theme == "diff") return "Changes from " + options.compared_with;
    if (theme == "bcu") return "Basic Command Units";
    if (theme == "phase") return "Rollout: wards by go-live phase";
    if (theme == "officers") return "Officers by command unit";
    return "Wards by " + theme;
}

std::string subtitle(const geo::WardSet& set, const geo::AppliedPlan& plan, const Theme& theme,
                     const BriefingOptions& options) {
    std::string text = "Plan " + plan_name(plan) + " \u00b7 " + std::to_string(plan.groups.units.size()) +
                       " command units \u00b7 " + std::to_string(classed_units(theme)) + " of " +
                       std::to_string(set.units.size()) + " wards";
    if (!options.date.empty()) text += " \u00b7 " + options.date;
    return text;
}

void draw_single_map(cairo_t* cairo, const geo::WardSet& set, const geo::AppliedPlan& plan,
                     const BriefingOptions& options, const GEOSGeometry* water, BriefingResult& result) {
    const PageLayout layout = single_map_layout(options.page);
    paint_white(cairo);
    const MapScene scene{set, plan, fills_of(result.theme), true, water};
    result.pages.push_back(draw_labelled_map(cairo, scene, set.extent, layout.map, [&](const PageTransform& transform) {
        auto labels = command_unit_labels(plan, transform, {9, true, false});
        if (options.borough_labels) {
            auto boroughs = parent_labels(plan, transform, {6.5, false, true});
            labels.insert(labels.end(), boroughs.begin(), boroughs.end());
        }
        return labels;
    }));
    draw_legend(cairo, result.theme, layout.legend);
    draw_title(cairo, options.title.empty() ? default_title(options) : options.title,
               subtitle(set, plan, result.theme, options), layout.title);
    draw_footer(cairo, footer_text(set), layout.footer);
}

}  // namespace

BriefingResult render_briefing(const geo::WardSet& set, const geo::AppliedPlan& plan, const BriefingOptions& options,
                               const std::filesystem::path& output) {
    BriefingResult result;
    if (options.theme == "diff" && !options.diff)
        throw geo::InputError("", "--theme diff", "a diff map needs the plan the drawn one is compared with",
                              "Give --compare PLAN (the earlier plan); --plan is the new one.");
    result.theme = options.theme == "diff"                                ? diff_theme(set, plan.grouping, *options.diff)
                   : options.theme == "officers" && !options.officers.empty() ? numeric_theme("Officers of the command unit", options.officers)
                                                                          : make_theme(options.theme, set, plan.grouping);
    // Check the atlas format before any drawing: an atlas needs pages.
    if (options.atlas != AtlasKind::none && page_format_of(output) != PageFormat::pdf)
        throw geo::InputError(output.string(), "", "an atlas has one page per command unit or phase",
                              "write the atlas as .pdf");
    PageWriter writer(output, options.page, options.overwrite);
    result.format = writer.format();
    const geo::geos::Geom river = river_for(set);  // London's boundaries only
    switch (options.atlas) {
        case AtlasKind::none: draw_single_map(writer.page(), set, plan, options, river.get(), result); break;
        case AtlasKind::command_units: draw_command_unit_atlas(writer, set, plan, options, river.get(), result); break;
        case AtlasKind::phases: draw_phase_atlas(writer, set, plan, options, river.get(), result); break;
    }
    writer.finish();
    result.path = output;
    return result;
}

}  // namespace render
