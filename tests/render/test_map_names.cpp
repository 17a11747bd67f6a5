// render/labels/map_names: which names the planner's map shows at a scale, and that they never
// overlap each other, the attribution or the panels, on London's 654 wards and 33 boroughs.
#include "geo/source/load.h"
#include "render/labels/map_names.h"
#include "support.h"

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <set>

namespace {

using render::Box;
using render::MapName;
using render::NameKind;

struct WorldName {
    NameKind kind;
    double x, y;
    std::string text;
};

// Ward names at their point on surface, borough names at the mean of their wards' points.
const std::vector<WorldName>& london_names() {
    static const std::unique_ptr<std::vector<WorldName>> names = [] {
        geo::LoadOptions load;
        load.sources = {wardmap_test::source_dir("shapes/london-wards-2014.gpkg")};
        const geo::WardSet wards = geo::load_units(load);
        auto made = std::make_unique<std::vector<WorldName>>();
        std::map<std::string, std::tuple<double, double, int, std::string>> boroughs;
        for (const geo::Ward& ward : wards.units) {
            const auto p = geo::geos::point_on_surface(*ward.shape);
            made->push_back({NameKind::ward, p.x, p.y, ward.name});
            auto& [x, y, n, name] = boroughs[ward.parent_code];
            x += p.x, y += p.y, ++n, name = ward.parent_name;
        }
        for (const auto& [code, b] : boroughs)
            made->push_back({NameKind::borough, std::get<0>(b) / std::get<2>(b), std::get<1>(b) / std::get<2>(b), std::get<3>(b)});
        return made;
    }();
    return *names;
}

// The window of the README screenshot: 1600x1000, panels left, right and below, attribution top right.
constexpr double width = 1600, height = 1000;
render::MapNameOptions window_options() {
    render::MapNameOptions options;
    options.map = {416, 24, 1184, 710};
    options.covered = {{700, 28, 1180, 50}};
    return options;
}

// Names as the window measures them (about 7.5 px a character in DejaVu Sans at 15 px, 1 px halo),
// on screen around Westminster at `metres_per_pixel`.
std::vector<MapName> on_screen(double metres_per_pixel, const std::vector<WorldName>& names = london_names()) {
    constexpr double centre_x = 530000, centre_y = 180000;
    std::vector<MapName> out;
    for (const WorldName& name : names)
        out.push_back({name.kind,
                       {(name.x - centre_x) / metres_per_pixel + width / 2, height / 2 - (name.y - centre_y) / metres_per_pixel},
                       7.5 * static_cast<double>(name.text.size()) + 2,
                       name.kind == NameKind::ward ? 16.0 : 19.0});
    return out;
}

std::size_t count_of(const std::vector<MapName>& names, const render::LabelPlacement& placement, NameKind kind) {
    std::size_t count = 0;
    for (const auto& placed : placement.placed) count += names[placed.candidate].kind == kind;
    return count;
}

TEST(MapNames, ZoomedInWardNamesNeverOverlapEachOtherOrTheAttributionAndStayOnTheMap) {
    const auto names = on_screen(8);
    const render::MapNameOptions options = window_options();
    const auto placement = render::place_map_names(names, 8, options);
    ASSERT_GE(count_of(names, placement, NameKind::ward), 15u) << "too few ward names placed for the test to mean anything";
    EXPECT_GT(placement.dropped.size(), 0u) << "central London's wards should not all fit";
    for (std::size_t i = 0; i < placement.placed.size(); ++i) {
        const Box& a = placement.placed[i].box;
        EXPECT_TRUE(options.map.contains(a)) << names[placement.placed[i].candidate].at.x;
        for (const Box& covered : options.covered) EXPECT_FALSE(a.overlaps(covered));
        for (std::size_t j = i + 1; j < placement.placed.size(); ++j)
            EXPECT_FALSE(a.grown(options.padding - 1e-9).overlaps(placement.placed[j].box))
                << "names " << placement.placed[i].candidate << " and " << placement.placed[j].candidate << " overlap";
    }
}

TEST(MapNames, CityScaleShowsBoroughsNotWards) {
    const auto names = on_screen(45);
    const auto placement = render::place_map_names(names, 45, window_options());
    EXPECT_EQ(count_of(names, placement, NameKind::ward), 0u);
    EXPECT_GE(count_of(names, placement, NameKind::borough), 20u);
    const auto far_out = render::place_map_names(on_screen(150), 150, window_options());
    EXPECT_TRUE(far_out.placed.empty()) << "no command units given, and boroughs are not named at 150 m/px";
}

TEST(MapNames, WardNamesNeverPushABoroughNameOut) {
    std::vector<WorldName> boroughs;
    for (const WorldName& name : london_names())
        if (name.kind == NameKind::borough) boroughs.push_back(name);
    const auto alone = render::place_map_names(on_screen(8, boroughs), 8, window_options());
    const auto names = on_screen(8);
    std::set<std::string> placed_alone, placed_with_wards;
    for (const auto& placed : alone.placed) placed_alone.insert(boroughs[placed.candidate].text);
    for (const auto& placed : render::place_map_names(names, 8, window_options()).placed)
        if (names[placed.candidate].kind == NameKind::borough) placed_with_wards.insert(london_names()[placed.candidate].text);
    EXPECT_FALSE(placed_alone.empty());
    EXPECT_EQ(placed_alone, placed_with_wards);
}

TEST(MapNames, OffMapNamesAreNeitherPlacedNorDroppedAndOnlyCommandUnitsMove) {
    std::vector<MapName> names{{NameKind::ward, {100, 100}, 40, 16},          // under the left panel
                               {NameKind::command_unit, {800, 400}, 60, 19},
                               {NameKind::command_unit, {800, 420}, 60, 19},  // overlaps it: moves below
                               {NameKind::borough, {800, 400}, 60, 19}};     // same point: left out
    const auto placement = render::place_map_names(names, 8, window_options());
    ASSERT_EQ(placement.placed.size(), 2u);
    EXPECT_EQ(placement.placed[0].candidate, 1u);
    EXPECT_EQ(placement.placed[1].candidate, 2u);
    EXPECT_GT(placement.placed[1].anchor, 0u);
    EXPECT_EQ(placement.dropped, std::vector<std::size_t>{3});
}

}  // namespace
