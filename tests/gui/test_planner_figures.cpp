// Officers, rollout and briefing maps in the real planner window (run under Xvfb): the phase
// colouring with a timeline date, checked in the screenshot's pixels, and a briefing map exported
// from the window, checked as a file.
#include "render/style/palette.h"

#include "tests/gui/view_replay.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <stb_image.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <vector>

namespace {

namespace fs = std::filesystem;

// The bundled plan's SLP rollout (the default of `view`, as of `rollout`): six phases.
const std::string east_ward = "E05000027";     // Alibon, Barking and Dagenham: East, pathfinder, January 2017
const std::string north_ward = "E05000138";    // Holborn and Covent Garden, Camden: Central North, pathfinder
const std::string south_west_ward = "E05000626";  // Tooting, Wandsworth: South West, June 2018
constexpr std::size_t slp_phases = 6;

using Rgb8 = std::array<int, 3>;

Rgb8 from_hex(const std::string& hex) {
    const unsigned v = static_cast<unsigned>(std::stoul(hex.substr(1), nullptr, 16));
    return {static_cast<int>(v >> 16), static_cast<int>((v >> 8) & 0xff), static_cast<int>(v & 0xff)};
}

bool is_grey(const Rgb8& c) { return c[0] == c[1] && c[1] == c[2]; }

// The screenshot's pixels, RGB.
struct Screenshot {
    int width = 0, height = 0;
    std::vector<unsigned char> rgb;
    Rgb8 at(int x, int y) const {
        const std::size_t i = 3 * (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x));
        return {rgb[i], rgb[i + 1], rgb[i + 2]};
    }
    // Of the 5x5 pixels around a probe, how many are exactly `colour` (a ward line may cross a few).
    int count_near(const nlohmann::json& probe, const Rgb8& colour) const {
        int count = 0;
        for (int dy = -2; dy <= 2; ++dy)
            for (int dx = -2; dx <= 2; ++dx) count += at(probe["x"].get<int>() + dx, probe["y"].get<int>() + dy) == colour;
        return count;
    }
};

Screenshot read_screenshot(const std::string& path) {
    Screenshot shot;
    int channels = 0;
    unsigned char* data = stbi_load(path.c_str(), &shot.width, &shot.height, &channels, 3);
    if (!data) return shot;
    shot.rgb.assign(data, data + 3 * static_cast<std::size_t>(shot.width) * static_cast<std::size_t>(shot.height));
    stbi_image_free(data);
    return shot;
}

std::string text_of(const fs::path& path) {
    std::ifstream in(path);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class PlannerFigures : public wardmap_test::ViewReplayTest {
protected:
    std::map<std::string, nlohmann::json> probes(std::size_t line) const {
        std::map<std::string, nlohmann::json> by_code;
        for (const auto& probe : lines.at(line)["wards"]) by_code[probe["code"]] = probe;
        return by_code;
    }
};

TEST_F(PlannerFigures, PhaseColoursAndTimeline) {
    const std::string shot = (dir / "timeline.png").string(), after = (dir / "all-live.png").string();
    ASSERT_EQ(view("panels off\nlabels off\ncolour phase\ntimeline 2017-06-01\nzoom to all\n"
                   "screenshot " + shot + " " + east_ward + " " + north_ward + " " + south_west_ward + "\n"
                   "timeline off\nscreenshot " + after + " " + east_ward + " " + south_west_ward + "\n"),
              0)
        << text_of(dir / "err.txt");
    ASSERT_EQ(lines.size(), 2u);
    const Screenshot image = read_screenshot(shot);
    ASSERT_FALSE(image.rgb.empty()) << "no PNG at " << shot;
    auto ward = probes(0);
    ASSERT_EQ(ward.size(), 3u);

    // Live on 1 June 2017: the pathfinders, in the first phase's colour (the briefing maps' palette).
    const render::Rgb first = render::sequential_palette(slp_phases).front();
    const Rgb8 first_phase{static_cast<int>(std::lround(first.r * 255)), static_cast<int>(std::lround(first.g * 255)),
                           static_cast<int>(std::lround(first.b * 255))};
    for (const std::string& code : {east_ward, north_ward}) {
        EXPECT_EQ(from_hex(ward[code]["colour"]), first_phase) << code << " is not in the first phase's colour";
        EXPECT_NE(ward[code]["colour"], ward[code]["unit_colour"]) << code << " is still in its command unit's colour";
        EXPECT_GE(image.count_near(ward[code], first_phase), 13) << code << " at (" << ward[code]["x"] << ", " << ward[code]["y"] << ")";
    }
    // Not live yet: South West goes live in June 2018, so it is greyed.
    const Rgb8 tooting = from_hex(ward[south_west_ward]["colour"]);
    EXPECT_TRUE(is_grey(tooting)) << ward[south_west_ward]["colour"];
    EXPECT_GE(image.count_near(ward[south_west_ward], tooting), 13);

    // With the timeline off every ward has its phase's colour: South West a later (darker) one.
    const Screenshot all_live = read_screenshot(after);
    ASSERT_FALSE(all_live.rgb.empty());
    ward = probes(1);
    const Rgb8 south_west = from_hex(ward[south_west_ward]["colour"]);
    EXPECT_FALSE(is_grey(south_west)) << ward[south_west_ward]["colour"];
    EXPECT_NE(south_west, first_phase);
    EXPECT_GE(all_live.count_near(ward[south_west_ward], south_west), 13);
    EXPECT_GE(all_live.count_near(ward[east_ward], first_phase), 13);
}

TEST_F(PlannerFigures, ExportMapFromTheWindow) {
    const fs::path pdf = dir / "briefing.pdf", png = dir / "briefing.png";
    ASSERT_EQ(view("move ward E05000026 to CN\nexport map " + pdf.string() + " phase\nexport map " + png.string() + "\n"), 0)
        << text_of(dir / "err.txt");
    ASSERT_TRUE(fs::exists(pdf));
    const std::string info = "pdfinfo '" + pdf.string() + "' > '" + (dir / "pdfinfo.txt").string() + "' 2>&1";
    ASSERT_EQ(std::system(info.c_str()), 0) << text_of(dir / "pdfinfo.txt");
    const std::string pdf_info = text_of(dir / "pdfinfo.txt");
    const auto pages = pdf_info.find("Pages:");
    ASSERT_NE(pages, std::string::npos) << pdf_info;
    EXPECT_EQ(std::stoi(pdf_info.substr(pages + 6)), 1) << pdf_info;
    // A4 portrait at 300 dpi, as `wardmap render` draws it by default.
    int width = 0, height = 0, channels = 0;
    ASSERT_EQ(stbi_info(png.c_str(), &width, &height, &channels), 1) << "no PNG at " << png;
    EXPECT_EQ(width, 2480);
    EXPECT_EQ(height, 3508);
}

// The officers theme draws the Officers panel's allocation of the plan as edited: after Abbey moves,
// Central North has 35 wards and 151 officers (147 before), and the map's legend says so.
TEST_F(PlannerFigures, ExportOfficersMapFromTheWindow) {
    const fs::path pdf = dir / "officers.pdf";
    ASSERT_EQ(view("move ward E05000026 to CN\nexport map " + pdf.string() + " officers\n"), 0) << text_of(dir / "err.txt");
    const std::string text = "pdftotext -layout '" + pdf.string() + "' '" + (dir / "officers.txt").string() + "' 2>&1";
    ASSERT_EQ(std::system(text.c_str()), 0);
    const std::string page = text_of(dir / "officers.txt");
    EXPECT_NE(page.find("Officers by command unit"), std::string::npos) << page;
    EXPECT_NE(page.find("151 – < 155"), std::string::npos) << page;  // Central North's 151 opens the lowest class
    EXPECT_NE(page.find("No value"), std::string::npos) << page;     // the City's 25 wards
}

TEST_F(PlannerFigures, ExportMapErrorStopsTheReplayAtItsLine) {
    EXPECT_NE(view("zoom to all\nexport map " + (dir / "no-such-folder" / "map.pdf").string() + "\n"), 0);
    const std::string errors = text_of(dir / "err.txt");
    EXPECT_NE(errors.find("line 2"), std::string::npos) << errors;
    EXPECT_FALSE(fs::exists(dir / "no-such-folder"));
}

}  // namespace
