// render/briefing: the London 12-BCU plan drawn to PNG, PDF and SVG, checked as the files a person
// gets: pixel size, ward colours sampled at points inside known wards, page counts.
#include "geo/core/errors.h"
#include "geo/compare/plan_diff.h"
#include "geo/plan/apply.h"
#include "geo/source/load.h"
#include "render/briefing/briefing.h"
#include "render/briefing/cairo_owner.h"
#include "render/briefing/hatch.h"
#include "render/context/river.h"
#include "render/style/palette.h"
#include "support.h"

#include <gtest/gtest.h>

#include <cmath>
#include <memory>

using wardmap_test::shared_data;
using wardmap_test::source_dir;

namespace {

struct London {
    geo::WardSet set;
    geo::AppliedPlan plan;
    geo::geos::Geom river;  // drawn over the wards that reach into it
};

// Loaded once for the suite: reading and dissolving the wards takes a few seconds.
const London& london() {
    static const std::unique_ptr<London> loaded = [] {
        auto made = std::make_unique<London>();
        geo::LoadOptions load;
        load.sources = {shared_data("london/wards-2014-mapinfo/London_Ward.tab")};
        made->set = geo::load_units(load);
        made->plan = geo::apply_plan(made->set, geo::read_plan(source_dir("datasets/plans/mps-12-bcu-2018.csv")), {},
                                     geo::DissolveOptions{}, true);
        made->river = render::river_for(made->set);
        return made;
    }();
    return *loaded;
}

std::size_t unit_index(const geo::WardSet& set, const std::string& code) {
    for (std::size_t u = 0; u < set.units.size(); ++u)
        if (set.units[u].code == code) return u;
    ADD_FAILURE() << "no unit " << code;
    return 0;
}

class Png {
public:
    explicit Png(const std::filesystem::path& path)
        : surface_(cairo_image_surface_create_from_png(path.c_str())) {}
    bool ok() const { return cairo_surface_status(surface_.get()) == CAIRO_STATUS_SUCCESS; }
    int width() const { return cairo_image_surface_get_width(surface_.get()); }
    int height() const { return cairo_image_surface_get_height(surface_.get()); }
    render::Rgb at(int x, int y) const {
        cairo_surface_flush(surface_.get());
        const unsigned char* row = cairo_image_surface_get_data(surface_.get()) +
                                   static_cast<std::ptrdiff_t>(y) * cairo_image_surface_get_stride(surface_.get());
        const std::uint32_t pixel = reinterpret_cast<const std::uint32_t*>(row)[x];  // 0x00RRGGBB, native order
        return {((pixel >> 16) & 0xff) / 255.0, ((pixel >> 8) & 0xff) / 255.0, (pixel & 0xff) / 255.0};
    }

private:
    render::Surface surface_;
};

bool same_colour(const render::Rgb& a, const render::Rgb& b) {
    constexpr double tolerance = 2.5 / 255;
    return std::abs(a.r - b.r) <= tolerance && std::abs(a.g - b.g) <= tolerance && std::abs(a.b - b.b) <= tolerance;
}

// Outside the plan: pale grey hatched with darker grey lines, so any neutral grey between the two
// (antialiased line edges), never a colour and never white.
bool hatched_grey(const render::Rgb& c) {
    const double tolerance = 2.5 / 255;
    const bool neutral = std::abs(c.r - c.g) <= tolerance && std::abs(c.g - c.b) <= tolerance;
    return neutral && c.r >= render::hatch_line.r - tolerance && c.r <= render::outside_fill.r + tolerance;
}

bool under_a_label(const render::RenderedPage& page, render::PagePoint p) {
    for (const auto& box : page.labels)
        if (box.grown(2).contains({p.x, p.y, p.x, p.y})) return true;
    return false;
}

// A point inside the ward at least `clearance` metres from its boundary (no line drawn over it).
std::optional<geo::geos::Point> clear_point(const geo::Ward& unit, double clearance) {
    const auto point = geo::geos::point_on_surface(*unit.shape);
    const GEOSContextHandle_t h = geo::geos::handle();
    const geo::geos::Geom geometry = geo::geos::own(GEOSGeom_createPointFromXY_r(h, point.x, point.y), "point");
    const geo::geos::Geom boundary = geo::geos::own(GEOSBoundary_r(h, unit.shape.get()), "boundary");
    double distance = 0;
    GEOSDistance_r(h, geometry.get(), boundary.get(), &distance);
    if (distance < clearance) return std::nullopt;
    return point;
}

// Within `margin` of the river, which is drawn over the half of a riverside ward that reaches into it.
bool in_the_river(const London& data, geo::geos::Point at, double margin) {
    if (!data.river) return false;
    const GEOSContextHandle_t h = geo::geos::handle();
    const geo::geos::Geom point = geo::geos::own(GEOSGeom_createPointFromXY_r(h, at.x, at.y), "point");
    double distance = 0;
    GEOSDistance_r(h, point.get(), data.river.get(), &distance);
    return distance < margin;
}

}  // namespace

// Samples every ward at a point well inside it (clear of its lines and of every label and map
// furniture box) and expects its theme colour there (pale grey outside the plan).
struct Sampled {
    std::size_t wards = 0, outside_plan = 0;
};
Sampled check_ward_colours(const London& data, const render::BriefingResult& result, const Png& png,
                               const render::PageSpec& spec) {
    const double pixels_per_point = png.width() / spec.width_pt();
    const render::RenderedPage& page = result.pages.at(0);
    const double metres_per_pixel = 1 / (page.transform.points_per_metre() * pixels_per_point);
    Sampled sampled;
    for (std::size_t u = 0; u < data.set.units.size(); ++u) {
        const auto point = clear_point(data.set.units[u], 4 * metres_per_pixel);
        if (!point || in_the_river(data, *point, 4 * metres_per_pixel)) continue;
        const render::PagePoint at = page.transform.to_page(point->x, point->y);
        if (under_a_label(page, at)) continue;
        const int klass = result.theme.class_of_unit[u];
        const render::Rgb got = png.at(static_cast<int>(at.x * pixels_per_point), static_cast<int>(at.y * pixels_per_point));
        if (klass < 0) {
            EXPECT_TRUE(hatched_grey(got)) << data.set.units[u].where() << ": " << render::to_hex(got) << " is not the hatching";
        } else {
            const render::Rgb& expected = result.theme.entries[klass].colour;
            EXPECT_TRUE(same_colour(got, expected))
                << data.set.units[u].where() << ": " << render::to_hex(got) << " instead of " << render::to_hex(expected);
        }
        ++sampled.wards;
        if (klass < 0) ++sampled.outside_plan;
    }
    return sampled;
}

TEST(BriefingLondon, PngIsA4At300DpiAndWardsHaveTheirCommandUnitColour) {
    const London& data = london();
    wardmap_test::TempDir dir;
    render::BriefingOptions options;
    options.date = "1 January 2019";
    const auto result = render::render_briefing(data.set, data.plan, options, dir.path() / "london.png");
    ASSERT_EQ(result.pages.size(), 1u);
    EXPECT_EQ(result.format, render::PageFormat::png);

    const Png png(dir.path() / "london.png");
    ASSERT_TRUE(png.ok());
    EXPECT_EQ(png.width(), 2480);   // 210 mm at 300 dpi
    EXPECT_EQ(png.height(), 3508);  // 297 mm
    const Sampled sampled = check_ward_colours(data, result, png, options.page);
    EXPECT_GT(sampled.wards, 500u) << "too few wards could be sampled for the check to mean anything";
    EXPECT_GT(sampled.outside_plan, 0u) << "no ward of the City of London (outside the plan) was sampled";
    EXPECT_EQ(result.theme.class_of_unit[unit_index(data.set, "E05009305")], -1);  // Farringdon Without, City
}

TEST(BriefingLondon, PhaseMapPngOnA3LandscapeHasPhaseColours) {
    const London& data = london();
    wardmap_test::TempDir dir;
    render::BriefingOptions options;
    options.theme = "phase";
    options.page = {render::Paper::a3, true, 72};
    const auto result = render::render_briefing(data.set, data.plan, options, dir.path() / "phases.png");
    const Png png(dir.path() / "phases.png");
    ASSERT_TRUE(png.ok());
    EXPECT_EQ(png.width(), 1191);  // 420 mm at 72 dpi
    EXPECT_EQ(png.height(), 842);
    EXPECT_GT(check_ward_colours(data, result, png, options.page).wards, 400u);
}

TEST(BriefingLondon, LabelsAndFurnitureNeverOverlap) {
    const London& data = london();
    wardmap_test::TempDir dir;
    render::BriefingOptions options;
    options.borough_labels = true;
    options.page.dpi = 50;
    const auto result = render::render_briefing(data.set, data.plan, options, dir.path() / "labels.png");
    const auto& boxes = result.pages.at(0).labels;
    EXPECT_GE(boxes.size(), 2u + 12u) << "scale bar, north arrow and the 12 command units";
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        EXPECT_TRUE(result.pages[0].map.contains(boxes[i])) << "box " << i << " leaves the map frame";
        for (std::size_t j = i + 1; j < boxes.size(); ++j) EXPECT_FALSE(boxes[i].overlaps(boxes[j])) << i << " and " << j;
    }
}

TEST(BriefingLondon, KnownWardsAreInTheirCommandUnitsClass) {
    const London& data = london();
    const render::Theme theme = render::command_unit_theme(data.set, data.plan.grouping);
    const auto class_name = [&](const std::string& code) {
        const int c = theme.class_of_unit[unit_index(data.set, code)];
        return c < 0 ? std::string("none") : theme.entries[c].label;
    };
    EXPECT_EQ(class_name("E05000026"), "East");           // Abbey, Barking and Dagenham
    EXPECT_EQ(class_name("E05000131"), "Central North");  // Cantelowes, Camden
    EXPECT_EQ(class_name("E05000143"), "Central North");  // St. Pancras and Somers Town, Camden
    EXPECT_EQ(theme.entries.size(), 12u);
    EXPECT_EQ(theme.unclassed, 25u);  // the City of London
    std::size_t total = 0;
    for (const auto& entry : theme.entries) total += entry.count;
    EXPECT_EQ(total, 629u);
}

TEST(BriefingLondon, PhaseThemeOrdersPhasesAndCountsWards) {
    const London& data = london();
    const render::Theme theme = render::phase_theme(data.set, data.plan.grouping);
    ASSERT_GE(theme.entries.size(), 2u);
    EXPECT_EQ(theme.entries.front().label, "January 2017");  // the pathfinders: East and Central North
    EXPECT_EQ(theme.entries.front().count, 56u + 34u);
    EXPECT_EQ(theme.entries.back().label, "Date not public");
    EXPECT_EQ(theme.entries[theme.class_of_unit[unit_index(data.set, "E05000026")]].label, "January 2017");
}

TEST(BriefingLondon, AtlasPdfHasOnePagePerCommandUnit) {
    const London& data = london();
    wardmap_test::TempDir dir;
    render::BriefingOptions options;
    options.atlas = render::AtlasKind::command_units;
    const auto result = render::render_briefing(data.set, data.plan, options, dir.path() / "atlas.pdf");
    EXPECT_EQ(result.pages.size(), 12u);
    const std::string pdf = wardmap_test::read_text(dir.path() / "atlas.pdf");
    ASSERT_GT(pdf.size(), 1000u);
    EXPECT_EQ(pdf.substr(0, 5), "%PDF-");
    // Each page zooms to its unit: Central North's map is drawn at a larger scale than the whole.
    EXPECT_GT(result.pages[1].transform.points_per_metre(), 2 * result.pages[4].transform.points_per_metre());
}

TEST(BriefingLondon, AtlasRefusesSvgAndLeavesNothing) {
    const London& data = london();
    wardmap_test::TempDir dir;
    render::BriefingOptions options;
    options.atlas = render::AtlasKind::phases;
    EXPECT_THROW(render::render_briefing(data.set, data.plan, options, dir.path() / "atlas.svg"), geo::InputError);
    EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

TEST(BriefingLondon, ExistingOutputIsKeptWithoutOverwrite) {
    const London& data = london();
    wardmap_test::TempDir dir;
    wardmap_test::write_text(dir.path() / "map.svg", "keep me");
    EXPECT_THROW(render::render_briefing(data.set, data.plan, {}, dir.path() / "map.svg"), geo::OutputError);
    EXPECT_EQ(wardmap_test::read_text(dir.path() / "map.svg"), "keep me");
}

TEST(BriefingLondon, NumericFieldThemeIsAChoropleth) {
    const London& data = london();
    const render::Theme theme = render::make_theme("Hectares", data.set, data.plan.grouping);
    ASSERT_EQ(theme.entries.size(), 5u);
    std::size_t total = 0;
    for (const auto& entry : theme.entries) total += entry.count;
    EXPECT_EQ(total, data.set.units.size());
    // Quantile classes: each holds about a fifth of the wards.
    for (const auto& entry : theme.entries) EXPECT_NEAR(entry.count, data.set.units.size() / 5.0, 20) << entry.label;
    // Larger wards in darker classes: Harold Wood (759 ha) above Cantelowes (76 ha).
    const std::size_t big = unit_index(data.set, "E05000312"), small = unit_index(data.set, "E05000131");
    EXPECT_GT(theme.class_of_unit[big], theme.class_of_unit[small]);
    EXPECT_THROW(render::make_theme("officers", data.set, data.plan.grouping), geo::InputError);  // needs an allocation
    EXPECT_THROW(render::make_theme("no_such_field", data.set, data.plan.grouping), geo::InputError);
}

// The diff map: Barking and Dagenham moved from East to North East. Every moved ward shows its
// new unit's colour as hatching over a pale fill (both colours found around a clear point of the
// ward); every other ward its own unit's colour, paler; the legend's first entry is the move.
TEST(BriefingLondon, DiffMapHatchesTheMovedWardsInTheirNewUnitsColour) {
    const London& data = london();
    geo::Plan moved = geo::read_plan(source_dir("datasets/plans/mps-12-bcu-2018.csv"));
    for (geo::PlanRow& row : moved.rows)
        if (row.key == "E09000002") row.unit_code = "NE";
    const geo::AppliedPlan after = geo::apply_plan(data.set, moved, {}, geo::DissolveOptions{}, true);
    const geo::PlanDiff diff = geo::diff_plans(data.set, {"before", "", &data.plan.grouping, nullptr}, {"after", "", &after.grouping, nullptr}, {});
    ASSERT_EQ(diff.moves.size(), 1u);
    wardmap_test::TempDir dir;
    render::BriefingOptions options;
    options.theme = "diff";
    options.diff = &diff;
    options.compared_with = "mps-12-bcu-2018";
    options.page.dpi = 150;
    const auto result = render::render_briefing(data.set, after, options, dir.path() / "diff.png");
    EXPECT_EQ(result.theme.entries[0].label, "Barking and Dagenham: East \u2192 North East");
    EXPECT_EQ(result.theme.entries[0].count, 17u);
    const auto hatch = result.theme.hatch_of(0);
    ASSERT_TRUE(hatch);
    const Png png(dir.path() / "diff.png");
    ASSERT_TRUE(png.ok());
    const double pixels_per_point = png.width() / options.page.width_pt();
    const render::RenderedPage& page = result.pages.at(0);
    const double metres_per_pixel = 1 / (page.transform.points_per_metre() * pixels_per_point);
    std::size_t moved_sampled = 0, others_sampled = 0;
    for (std::size_t u = 0; u < data.set.units.size(); ++u) {
        const auto point = clear_point(data.set.units[u], 8 * metres_per_pixel);
        if (!point || in_the_river(data, *point, 8 * metres_per_pixel)) continue;
        const render::PagePoint at = page.transform.to_page(point->x, point->y);
        if (under_a_label(page, at)) continue;
        const int x = static_cast<int>(at.x * pixels_per_point), y = static_cast<int>(at.y * pixels_per_point);
        const int klass = result.theme.class_of_unit[u];
        if (klass < 0) continue;
        if (klass == 0) {  // hatched: a 9 x 9 window holds both the hatch colour and the pale fill
            bool line = false, fill = false;
            for (int dy = -4; dy <= 4; ++dy)
                for (int dx = -4; dx <= 4; ++dx) {
                    line = line || same_colour(png.at(x + dx, y + dy), *hatch);
                    fill = fill || same_colour(png.at(x + dx, y + dy), result.theme.entries[0].colour);
                }
            EXPECT_TRUE(line && fill) << data.set.units[u].where() << ": hatch " << line << ", fill " << fill;
            ++moved_sampled;
        } else {
            EXPECT_TRUE(same_colour(png.at(x, y), result.theme.entries[klass].colour)) << data.set.units[u].where();
            ++others_sampled;
        }
    }
    EXPECT_GE(moved_sampled, 4u);  // 150 dpi: few Barking wards are clear of lines and labels by 8 pixels
    EXPECT_GT(others_sampled, 150u);
}
