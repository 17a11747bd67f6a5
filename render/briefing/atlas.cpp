// Atlas PDFs: one page per command unit (zoomed to it, its wards labelled and listed) or one page
// per rollout phase (cumulative: live, going live now, not yet).
#include "geo/core/errors.h"
#include "render/briefing/legend.h"
#include "render/briefing/page_text.h"
#include "render/briefing/sheet.h"
#include "render/briefing/ward_table.h"

#include <algorithm>

namespace render {
namespace {

int group_index(const geo::Grouping& grouping, const std::string& code) {
    for (std::size_t g = 0; g < grouping.groups.size(); ++g)
        if (grouping.groups[g].code == code) return static_cast<int>(g);
    return -1;
}

bool in_group(const geo::AppliedPlan& plan, std::size_t unit, int group) {
    return unit < plan.grouping.group_of_unit.size() && plan.grouping.group_of_unit[unit] == group;
}

// The theme as it applies to one command unit: its classes with their counts there, for the legend.
Theme theme_within(const Theme& theme, const geo::AppliedPlan& plan, int group) {
    Theme within;
    within.title = theme.title;
    within.unclassed_label = theme.unclassed_label;
    within.entries = theme.entries;
    for (auto& entry : within.entries) entry.count = 0;
    for (std::size_t u = 0; u < theme.class_of_unit.size(); ++u)
        if (in_group(plan, u, group)) within.class_of_unit.push_back(theme.class_of_unit[u]);
    count_classes(within);
    std::erase_if(within.entries, [](const LegendEntry& e) { return e.count == 0; });
    return within;
}

std::vector<WardRow> ward_rows(const geo::WardSet& set, const geo::AppliedPlan& plan, int group, int value_field) {
    std::vector<WardRow> rows;
    const std::string& phase = plan.grouping.groups[group].phase;  // 2018-06: fits the narrow column
    for (std::size_t u = 0; u < set.units.size(); ++u) {
        if (!in_group(plan, u, group)) continue;
        const geo::Ward& unit = set.units[u];
        rows.push_back({unit.code, unit.name, unit.parent_name, phase.empty() ? "\u2014" : phase,
                        value_field >= 0 ? geo::as_text(unit.values[value_field]) : ""});
    }
    std::sort(rows.begin(), rows.end(), [](const WardRow& a, const WardRow& b) {
        return std::tie(a.borough, a.name) < std::tie(b.borough, b.name);
    });
    return rows;
}

geo::Extent padded(const geo::Extent& extent, double share) {
    const double dx = (extent.max_x - extent.min_x) * share, dy = (extent.max_y - extent.min_y) * share;
    geo::Extent out = extent;
    out.min_x -= dx, out.max_x += dx, out.min_y -= dy, out.max_y += dy;
    return out;
}

void command_unit_page(cairo_t* cairo, const geo::WardSet& set, const geo::AppliedPlan& plan,
                       const BriefingOptions& options, const GEOSGeometry* water, std::size_t index, BriefingResult& result) {
    const geo::DissolvedUnit& unit = plan.groups.units[index];
    const int group = group_index(plan.grouping, unit.info.code);
    const AtlasLayout layout = atlas_layout(options.page);
    paint_white(cairo);
    std::vector<std::optional<UnitFill>> fills = fills_of(result.theme);
    for (std::size_t u = 0; u < fills.size(); ++u)
        if (!in_group(plan, u, group)) fills[u].reset();
    const MapScene scene{set, plan, std::move(fills), true, water};
    result.pages.push_back(draw_labelled_map(cairo, scene, padded(geo::geos::envelope(*unit.shape), 0.04), layout.map,
                                             [&](const PageTransform& transform) {
                                                 return unit_labels(set, plan, group, transform, {5.5, false, false});
                                             }));
    draw_legend(cairo, theme_within(result.theme, plan, group), layout.legend);
    const int value_field = options.theme == "bcu" || options.theme == "phase" ? -1 : set.field_index(options.theme);
    draw_ward_table(cairo, ward_rows(set, plan, group, value_field), value_field >= 0 ? options.theme : "",
                    layout.table);
    std::string boroughs;
    for (const auto& parent : unit.parents) {
        const auto named = std::find_if(set.units.begin(), set.units.end(),
                                        [&](const geo::Ward& u) { return u.parent_code == parent; });
        boroughs += (boroughs.empty() ? "" : ", ") + (named == set.units.end() ? parent : named->parent_name);
    }
    std::string subtitle = "Command unit " + std::to_string(index + 1) + " of " + std::to_string(plan.groups.units.size()) +
                           " \u00b7 plan " + plan_name(plan) + " \u00b7 " + std::to_string(unit.members.size()) +
                           " wards in " + boroughs;
    if (!options.date.empty()) subtitle += " \u00b7 " + options.date;
    draw_title(cairo, unit.info.name + " (" + unit.info.code + ")", subtitle, layout.title);
    draw_footer(cairo, footer_text(set), layout.footer);
}

// Live before this phase, going live in it, not yet, date not public.
Theme cumulative_theme(const geo::WardSet& set, const geo::Grouping& grouping, const std::string& phase) {
    Theme theme;
    theme.title = "Rollout at " + phase_label(phase);
    theme.unclassed_label = "Not in the plan";
    theme.entries = {{"Live before " + phase_label(phase), "", from_hex("#2f5b87"), 0},
                     {"Going live " + phase_label(phase), "", from_hex("#e8731c"), 0},
                     {"Not yet live", "", from_hex("#dce7f2"), 0},
                     {"Date not public", "", from_hex("#bdbdbd"), 0}};
    for (std::size_t u = 0; u < set.units.size(); ++u) {
        const int g = u < grouping.group_of_unit.size() ? grouping.group_of_unit[u] : -1;
        int c = -1;
        if (g >= 0) {
            const std::string& when = grouping.groups[g].phase;
            c = when.empty() ? 3 : when < phase ? 0 : when == phase ? 1 : 2;
        }
        theme.class_of_unit.push_back(c);
    }
    count_classes(theme);
    return theme;
}

}  // namespace

void draw_command_unit_atlas(PageWriter& writer, const geo::WardSet& set, const geo::AppliedPlan& plan,
                             const BriefingOptions& options, const GEOSGeometry* water, BriefingResult& result) {
    for (std::size_t k = 0; k < plan.groups.units.size(); ++k) {
        if (k > 0) writer.next_page();
        command_unit_page(writer.page(), set, plan, options, water, k, result);
    }
}

void draw_phase_atlas(PageWriter& writer, const geo::WardSet& set, const geo::AppliedPlan& plan,
                      const BriefingOptions& options, const GEOSGeometry* water, BriefingResult& result) {
    const std::vector<std::string> phases = dated_phases(plan.grouping);
    if (phases.empty())
        throw geo::InputError(plan.plan ? plan.plan->path : "--by", "", "no command unit has a go-live phase",
                              "add a `phase` column (YYYY-MM) to the plan, or use --atlas bcu");
    const PageLayout layout = single_map_layout(options.page);
    for (std::size_t p = 0; p < phases.size(); ++p) {
        if (p > 0) writer.next_page();
        cairo_t* cairo = writer.page();
        paint_white(cairo);
        const Theme theme = cumulative_theme(set, plan.grouping, phases[p]);
        const MapScene scene{set, plan, fills_of(theme), true, water};
        result.pages.push_back(draw_labelled_map(cairo, scene, set.extent, layout.map, [&](const PageTransform& t) {
            return command_unit_labels(plan, t, {9, true, false});
        }));
        draw_legend(cairo, theme, layout.legend);
        std::string subtitle = "Plan " + plan_name(plan) + " \u00b7 " +
                               std::to_string(theme.entries[0].count + theme.entries[1].count) + " wards live after this phase";
        if (!options.date.empty()) subtitle += " \u00b7 " + options.date;
        draw_title(cairo, "Rollout phase " + std::to_string(p + 1) + " of " + std::to_string(phases.size()) + ": " +
                              phase_label(phases[p]),
                   subtitle, layout.title);
        draw_footer(cairo, footer_text(set), layout.footer);
    }
}

}  // namespace render
