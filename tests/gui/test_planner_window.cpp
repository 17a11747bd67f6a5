// The planner in a real window (run under Xvfb): replay a move of one ward, a move of a whole
// borough and its undo, save; then check the screenshot's pixels and reload the saved plan.
#include "geo/plan/resolve.h"
#include "geo/planner/plan_file.h"
#include "geo/source/load.h"
#include "render/context/river.h"
#include "ui/app/window.h"
#include "ui/map/view.h"

#include "tests/gui/scratch_dir.h"

#include <gtest/gtest.h>
#include <imgui.h>
#include <nlohmann/json.hpp>
#include <stb_image.h>

#include <cmath>
#include <cstdlib>
#include <tuple>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>

namespace {

namespace fs = std::filesystem;

const std::string moved_ward = "E05000026";         // Abbey, Barking and Dagenham: East -> Central North
const std::string undone_borough = "E09000011";     // Greenwich: South East -> West, then undone
const std::string greenwich_ward = "E05000224";     // Middle Park and Sutcliffe, Greenwich
const std::string untouched_ward = "E05000027";     // Alibon, Barking and Dagenham: stays in East

struct Image {
    int width = 0, height = 0;
    std::unique_ptr<unsigned char, decltype(&stbi_image_free)> rgb{nullptr, &stbi_image_free};
    unsigned at(int x, int y) const {
        const unsigned char* p = rgb.get() + 3 * (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x));
        return static_cast<unsigned>(p[0]) << 16 | static_cast<unsigned>(p[1]) << 8 | p[2];
    }
};

Image load_png(const std::string& path) {
    Image image;
    int channels = 0;
    image.rgb.reset(stbi_load(path.c_str(), &image.width, &image.height, &channels, 3));
    return image;
}

unsigned hex_colour(const std::string& hex) { return static_cast<unsigned>(std::stoul(hex.substr(1), nullptr, 16)); }

// Pixels of a 5x5 patch around (x, y) that have this colour: a ward line may cross the patch,
// the fill covers most of it.
int matching(const Image& image, double x, double y, unsigned colour) {
    int count = 0;
    for (int dy = -2; dy <= 2; ++dy)
        for (int dx = -2; dx <= 2; ++dx) count += image.at(static_cast<int>(x) + dx, static_cast<int>(y) + dy) == colour;
    return count;
}

class PlannerWindow : public wardmap_test::ScratchDirTest {
protected:
    // Runs the viewer on the bundled London wards and plan; returns its JSON lines.
    std::vector<nlohmann::json> replay(const std::string& actions, const std::string& environment = "") {
        const fs::path script = dir / "actions.txt";
        std::ofstream(script) << actions;
        const std::string command = environment + " XDG_STATE_HOME='" + dir.string() + "' '" WARDMAP_BINARY "' view -q --replay '" +
                                    script.string() + "' --exit > '" + (dir / "out.jsonl").string() + "' 2> '" +
                                    (dir / "err.txt").string() + "'";
        const int status = std::system(command.c_str());
        std::ifstream err(dir / "err.txt");
        const std::string errors((std::istreambuf_iterator<char>(err)), std::istreambuf_iterator<char>());
        EXPECT_EQ(status, 0) << errors;
        std::vector<nlohmann::json> lines;
        std::ifstream out(dir / "out.jsonl");
        for (std::string line; std::getline(out, line);) lines.push_back(nlohmann::json::parse(line));
        return lines;
    }
};

TEST_F(PlannerWindow, MoveWardMoveBoroughUndoSave) {
    const std::string probes = moved_ward + " " + greenwich_ward + " " + untouched_ward;
    const auto lines = replay("panels off\nlabels off\n"
                              "move ward " + moved_ward + " to CN\n"
                              "move borough " + undone_borough + " to WA\n"
                              "undo\n"
                              "zoom to all\n"
                              "screenshot " + (dir / "map.png").string() + " " + probes + "\n"
                              "save " + (dir / "plan.toml").string() + "\n"
                              "panels on\nlabels on\n"
                              "screenshot " + (dir / "window.png").string() + "\n");
    ASSERT_EQ(lines.size(), 2u);
    const Image image = load_png(lines[0]["screenshot"]);
    ASSERT_TRUE(image.rgb) << "no PNG at " << lines[0]["screenshot"];
    std::map<std::string, nlohmann::json> ward;
    for (const auto& probe : lines[0]["wards"]) ward[probe["code"]] = probe;
    ASSERT_EQ(ward.size(), 3u);

    EXPECT_EQ(ward[moved_ward]["unit"], "CN");
    EXPECT_EQ(ward[greenwich_ward]["unit"], "SE") << "the borough move was not undone";
    EXPECT_EQ(ward[untouched_ward]["unit"], "EA");
    for (const auto& [code, probe] : ward) {
        const unsigned colour = hex_colour(probe["unit_colour"]);
        EXPECT_GE(matching(image, probe["x"], probe["y"], colour), 13)
            << code << " at (" << probe["x"] << ", " << probe["y"] << ") is not filled with " << probe["unit"] << "'s "
            << probe["unit_colour"];
    }
    // The moved ward is no longer its old unit's colour.
    EXPECT_LT(matching(image, ward[moved_ward]["x"], ward[moved_ward]["y"], hex_colour(ward[untouched_ward]["unit_colour"])), 5);

    // The saved plan reloads to the bundled plan with that one ward moved.
    geo::LoadOptions load;
    load.sources = {WARDMAP_SOURCE_DIR "/shapes/london-wards-2014.gpkg"};
    const geo::WardSet wards = geo::load_units(load);
    const geo::Plan bundled = geo::read_plan(WARDMAP_SOURCE_DIR "/datasets/plans/mps-12-bcu-2018.csv");
    geo::Assignment expected = geo::assignment_from(wards, bundled, geo::resolve_plan(wards, bundled));
    const geo::Assignment saved = geo::assignment_from(wards, geo::read_plan_file((dir / "plan.toml").string()));
    auto code_of = [](const geo::Assignment& a, std::size_t i) {
        return a.unit_of[i] >= 0 ? a.units[static_cast<std::size_t>(a.unit_of[i])].code : std::to_string(a.unit_of[i]);
    };
    std::size_t differences = 0;
    for (std::size_t i = 0; i < wards.units.size(); ++i) {
        const std::string want = wards.units[i].code == moved_ward ? "CN" : code_of(expected, i);
        if (code_of(saved, i) != want) ++differences;
        EXPECT_EQ(code_of(saved, i), want) << wards.units[i].where();
        if (differences > 5) break;
    }
    EXPECT_TRUE(fs::exists(lines[1]["screenshot"].get<std::string>()));
}

TEST_F(PlannerWindow, ReplayErrorNamesTheLine) {
    const fs::path script = dir / "bad.txt";
    std::ofstream(script) << "zoom to all\nmove ward E05000026 to NOPE\n";
    const std::string command = "XDG_STATE_HOME='" + dir.string() + "' '" WARDMAP_BINARY "' view -q --replay '" +
                                script.string() + "' --exit > /dev/null 2> '" + (dir / "err.txt").string() + "'";
    EXPECT_NE(std::system(command.c_str()), 0);
    std::ifstream err(dir / "err.txt");
    const std::string errors((std::istreambuf_iterator<char>(err)), std::istreambuf_iterator<char>());
    EXPECT_NE(errors.find("line 2"), std::string::npos) << errors;
}

// The tidal Thames is drawn over the wards that reach into it: off Wapping, just below Tower
// Bridge, with Tower Hamlets filling the window, the screenshot shows water, not a ward's fill.
TEST_F(PlannerWindow, ThamesIsWaterBelowTowerBridge) {
    const std::string tower_hamlets = "E09000030";
    const auto lines = replay("panels off\nlabels off\nzoom to " + tower_hamlets + "\nscreenshot " + (dir / "river.png").string() + "\n");
    ASSERT_EQ(lines.size(), 1u);
    const Image image = load_png(lines[0]["screenshot"]);
    ASSERT_TRUE(image.rgb);
    // Where the replay's view put the point: the borough's extent fitted to the window, as `zoom to` does.
    geo::LoadOptions load;
    load.sources = {WARDMAP_SOURCE_DIR "/shapes/london-wards-2014.gpkg"};
    const geo::WardSet wards = geo::load_units(load);
    geo::Extent borough;
    for (const geo::Ward& ward : wards.units)
        if (ward.parent_code == tower_hamlets) borough.include(geo::geos::envelope(*ward.shape));
    ui::MapView view;
    view.width = lines[0]["width"];
    view.height = lines[0]["height"];
    view.fit(borough);
    const ui::ScreenPoint wapping = view.to_screen({534125, 179950});  // 76 m from the lines down the river's middle
    const auto [r, g, b] = std::tuple{render::water_colour.r, render::water_colour.g, render::water_colour.b};
    const unsigned water = static_cast<unsigned>(std::lround(r * 255)) << 16 | static_cast<unsigned>(std::lround(g * 255)) << 8 |
                           static_cast<unsigned>(std::lround(b * 255));
    EXPECT_GE(matching(image, wapping.x, wapping.y, water), 20)
        << "no water at (" << wapping.x << ", " << wapping.y << "): " << std::hex << image.at(static_cast<int>(wapping.x), static_cast<int>(wapping.y));
}

// The window's text is DejaVu Sans (fonts-dejavu-core, a dependency in tools/setup.sh), not ImGui's
// bitmap font, and ImGui's atlas holds it under that name.
TEST_F(PlannerWindow, TextIsDejaVuSans) {
    ui::GlfwLibrary glfw;
    ui::Window window(320, 200, "font");
    ui::ImGuiBinding imgui(window);
    EXPECT_EQ(imgui.font().name, "DejaVu Sans") << imgui.font().note;
    EXPECT_TRUE(imgui.font().note.empty());
    EXPECT_EQ(fs::path(imgui.font().path).filename(), "DejaVuSans.ttf");
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    // Built as the first frame builds it: fonts know their configuration (and name) from then on.
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    atlas.GetTexDataAsRGBA32(&pixels, &width, &height);
    ASSERT_GE(atlas.Fonts.Size, 2);
    EXPECT_EQ(std::string(atlas.Fonts[0]->GetDebugName()).rfind("DejaVu Sans, ", 0), 0u) << atlas.Fonts[0]->GetDebugName();
    EXPECT_EQ(std::string(atlas.Fonts[1]->GetDebugName()).rfind("DejaVu Sans Bold", 0), 0u) << atlas.Fonts[1]->GetDebugName();
    // The en dash of the legends is in the atlas (ImGui's default covers Latin-1 only).
    EXPECT_NE(atlas.Fonts[0]->FindGlyphNoFallback(0x2013), nullptr);
}

// The window keeps its last frame (the back buffer, under Xvfb) and composes again only where the
// map, its labels or the panels changed. Each such frame of a replay that moves wards and boroughs,
// undoes, zooms, recolours, greys the timeline, compares, hides and shows panels and labels and
// saves is read back, composed again whole and compared: the same pixels, every frame.
TEST_F(PlannerWindow, FramesComposedWhereTheyChangedAreTheFramesComposedWhole) {
    const std::string actions = "move ward " + moved_ward + " to CN\nwait 2\nmove borough " + undone_borough +
                                " to WA\nwait 1\nundo\nwait 1\nredo\nzoom to CN\nwait 3\n"
                                "colour officers\nwait 2\ncolour phase\ntimeline 2017-06-01\nwait 2\ntimeline off\ncolour units\n"
                                "compare saved\nwait 2\nmove ward " + greenwich_ward + " to CE\nwait 2\ncompare off\n"
                                "panels off\nwait 2\npanels on\nlabels off\nwait 1\nlabels on\nzoom to all\nwait 3\n"
                                "save as " + (dir / "plan.wardplan").string() + "\nwait 2\n";
    const std::vector<nlohmann::json> lines = replay(actions, "WARDMAP_CHECK_FRAMES=1");
    ASSERT_FALSE(lines.empty());
    const nlohmann::json& check = lines.back();
    ASSERT_TRUE(check.contains("frames_checked")) << check.dump();
    EXPECT_GE(check["frames_checked"].get<long>(), 40) << check.dump();
    // Most frames change a few numbers or one ward: composed in part, not whole, not idle.
    EXPECT_GE(check["frames_composed_in_part"].get<long>(), 20) << check.dump();
    EXPECT_EQ(check["frames_differing"].get<long>(), 0) << check.dump();
    EXPECT_EQ(check["most_differing_pixels"].get<long>(), 0) << check.dump();
}

// WARDMAP_FULL_FRAMES=1 (README): every frame composed whole, whatever the back buffer keeps.
TEST_F(PlannerWindow, FullFramesComposeEveryFrameWhole) {
    const std::vector<nlohmann::json> lines =
        replay("move ward " + moved_ward + " to CN\nwait 2\nzoom to CN\nwait 2\n", "WARDMAP_FULL_FRAMES=1 WARDMAP_CHECK_FRAMES=1");
    ASSERT_FALSE(lines.empty());
    const nlohmann::json& check = lines.back();
    ASSERT_TRUE(check.contains("frames_checked")) << check.dump();
    EXPECT_GE(check["frames_checked"].get<long>(), 5) << check.dump();
    EXPECT_EQ(check["frames_composed_in_part"].get<long>(), 0) << check.dump();
    EXPECT_EQ(check["frames_untouched"].get<long>(), 0) << check.dump();
    EXPECT_EQ(check["frames_differing"].get<long>(), 0) << check.dump();
}

}  // namespace
