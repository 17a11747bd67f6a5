// render/briefing with the planner's colour decision and the river: a command unit recoloured in
// the plan prints in that colour, and the tidal Thames is drawn in water blue-grey over the wards
// that reach to the middle of it. Checked on the PNG's pixels, as a person would see them.
#include "geo/plan/apply.h"
#include "geo/source/load.h"
#include "render/briefing/briefing.h"
#include "render/briefing/cairo_owner.h"
#include "render/context/river.h"
#include "support.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <regex>

namespace {

using wardmap_test::source_dir;

struct Png {
    explicit Png(const std::filesystem::path& path) : surface(cairo_image_surface_create_from_png(path.c_str())) {}
    std::string hex_at(render::PagePoint page, double pixels_per_point) const {
        cairo_surface_flush(surface.get());
        const int x = static_cast<int>(page.x * pixels_per_point), y = static_cast<int>(page.y * pixels_per_point);
        const unsigned char* row = cairo_image_surface_get_data(surface.get()) +
                                   static_cast<std::ptrdiff_t>(y) * cairo_image_surface_get_stride(surface.get());
        const std::uint32_t pixel = reinterpret_cast<const std::uint32_t*>(row)[x];  // 0x00RRGGBB, native order
        char text[8];
        std::snprintf(text, sizeof text, "#%06x", pixel & 0xffffffu);
        return text;
    }
    render::Surface surface;
};

double distance(const GEOSGeometry& a, const GEOSGeometry& b) {
    double d = 0;
    GEOSDistance_r(geo::geos::handle(), &a, &b, &d);
    return d;
}

geo::geos::Geom point(double x, double y) { return geo::geos::own(GEOSGeom_createPointFromXY_r(geo::geos::handle(), x, y), "point"); }

// The boundaries of some shapes, for the distance from a point to the nearest (GEOS's indexed
// facet distance, through a prepared geometry).
class Lines {
public:
    template <typename Shapes>
    explicit Lines(const Shapes& shapes) {
        std::vector<geo::geos::Geom> boundaries;
        for (const auto& shape : shapes) boundaries.push_back(boundary(*shape.shape));
        init(std::move(boundaries));
    }
    explicit Lines(const GEOSGeometry& shape) {
        std::vector<geo::geos::Geom> boundaries;
        boundaries.push_back(boundary(shape));
        init(std::move(boundaries));
    }
    double distance(const GEOSGeometry& point) const {
        double d = 0;
        GEOSPreparedDistance_r(geo::geos::handle(), prepared_.get(), &point, &d);
        return d;
    }

private:
    static geo::geos::Geom boundary(const GEOSGeometry& shape) {
        return geo::geos::own(GEOSBoundary_r(geo::geos::handle(), &shape), "boundary");
    }
    void init(std::vector<geo::geos::Geom> boundaries) {
        all_ = geo::geos::collect(GEOS_GEOMETRYCOLLECTION, std::move(boundaries), "boundaries");
        prepared_ = geo::geos::prepare(*all_);
    }
    geo::geos::Geom all_;
    geo::geos::Prepared prepared_;
};

bool under_a_label(const render::RenderedPage& page, render::PagePoint p) {
    for (const auto& box : page.labels)
        if (box.grown(2).contains({p.x, p.y, p.x, p.y})) return true;
    return false;
}

// The bundled plan with Central North recoloured, as the planner saves a colour picked for it.
std::string recoloured_plan(const std::filesystem::path& dir) {
    std::ifstream in(source_dir("datasets/plans/mps-12-bcu-2018.csv"));
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string path = (dir / "plan.csv").string();
    std::ofstream(path) << std::regex_replace(text, std::regex(",CN,Central North,#[0-9a-fA-F]{6},"), ",CN,Central North,#ff00ff,");
    return path;
}

TEST(BriefingContext, RecolouredUnitPrintsInThePlansColourAndTheThamesInWater) {
    wardmap_test::TempDir dir;
    geo::LoadOptions load;
    load.sources = {source_dir("shapes/london-wards-2014.gpkg")};
    const geo::WardSet wards = geo::load_units(load);
    const geo::AppliedPlan plan = geo::apply_plan(wards, geo::read_plan(recoloured_plan(dir.path())), {}, geo::DissolveOptions{}, true);
    render::BriefingOptions options;
    const auto result = render::render_briefing(wards, plan, options, dir.path() / "map.png");
    const Png png(dir.path() / "map.png");
    ASSERT_EQ(cairo_surface_status(png.surface.get()), CAIRO_STATUS_SUCCESS);
    const render::RenderedPage& page = result.pages.at(0);
    const double pixels_per_point = options.page.dpi / 72.0;
    const double metres_per_pixel = 1 / (page.transform.points_per_metre() * pixels_per_point);
    const geo::geos::Geom river = render::river_for(wards);
    ASSERT_TRUE(river) << "no river at " << render::river_path();

    // Central North's wards, sampled well inside (clear of lines, labels and the river).
    int central_north = -1;
    for (std::size_t g = 0; g < plan.grouping.groups.size(); ++g)
        if (plan.grouping.groups[g].code == "CN") central_north = static_cast<int>(g);
    ASSERT_GE(central_north, 0);
    std::size_t sampled = 0;
    for (std::size_t u = 0; u < wards.units.size(); ++u) {
        if (plan.grouping.group_of_unit[u] != central_north) continue;
        const auto at = geo::geos::point_on_surface(*wards.units[u].shape);
        const geo::geos::Geom p = point(at.x, at.y);
        const geo::geos::Geom boundary = geo::geos::own(GEOSBoundary_r(geo::geos::handle(), wards.units[u].shape.get()), "boundary");
        const render::PagePoint on_page = page.transform.to_page(at.x, at.y);
        if (distance(*p, *boundary) < 8 * metres_per_pixel || distance(*p, *river) < 8 * metres_per_pixel || under_a_label(page, on_page))
            continue;
        EXPECT_EQ(png.hex_at(on_page, pixels_per_point), "#ff00ff") << wards.units[u].where();
        ++sampled;
    }
    EXPECT_GE(sampled, 15u) << "too few of Central North's 34 wards sampled";

    // The river, on a 100 m grid: every point inside it and clear (by two pixels) of its banks, of
    // the lines drawn down its middle (ward 0.2 pt, borough 0.6 pt, command unit 1.5 pt) and of the
    // labels is water. Central London's reaches are narrower than a bold line at this scale; the
    // wide eastern ones, from Woolwich to Erith, show water between the lines.
    const double metres_per_point = 1 / page.transform.points_per_metre();
    const double margin = 2 * metres_per_pixel;
    const Lines bcu_lines(plan.groups.units), borough_lines(plan.parents.units), ward_lines(wards.units);
    const Lines river_banks(*river);
    const geo::geos::Prepared inside = geo::geos::prepare(*river);
    const geo::Extent extent = geo::geos::envelope(*river);
    std::size_t water = 0;
    for (double y = std::ceil(extent.min_y / 100) * 100; y < extent.max_y; y += 100)
        for (double x = std::ceil(extent.min_x / 100) * 100; x < extent.max_x; x += 100) {
            const geo::geos::Geom p = point(x, y);
            if (!GEOSPreparedContains_r(geo::geos::handle(), inside.get(), p.get())) continue;
            if (river_banks.distance(*p) < margin || bcu_lines.distance(*p) < 0.75 * metres_per_point + margin ||
                borough_lines.distance(*p) < 0.3 * metres_per_point + margin ||
                ward_lines.distance(*p) < 0.1 * metres_per_point + margin)
                continue;
            const render::PagePoint on_page = page.transform.to_page(x, y);
            if (under_a_label(page, on_page)) continue;
            EXPECT_EQ(png.hex_at(on_page, pixels_per_point), render::to_hex(render::water_colour)) << "(" << x << ", " << y << ")";
            ++water;
        }
    EXPECT_GE(water, 10u) << "too few points of the river clear of the lines for the test to mean anything";
}

}  // namespace
