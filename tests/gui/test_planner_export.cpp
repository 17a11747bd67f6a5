// The planner's File > Export and Export map come from the one plan model: the window writes what
// its session already holds (no dissolve during either export), and what it writes is what
// `wardmap dissolve` writes for the same plan, value by value and shape by shape.
#include "tests/gui/scratch_dir.h"

#include <gdal.h>
#include <ogr_api.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

std::string text_of(const fs::path& path) {
    std::ifstream in(path);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct DatasetCloser {
    void operator()(void* dataset) const { GDALClose(dataset); }
};
using Dataset = std::unique_ptr<void, DatasetCloser>;

struct FeatureDestroyer {
    void operator()(OGRFeatureH feature) const { OGR_F_Destroy(feature); }
};
using Feature = std::unique_ptr<std::remove_pointer_t<OGRFeatureH>, FeatureDestroyer>;

struct GeometryDestroyer {
    void operator()(OGRGeometryH geometry) const { OGR_G_DestroyGeometry(geometry); }
};
using Geometry = std::unique_ptr<std::remove_pointer_t<OGRGeometryH>, GeometryDestroyer>;

// One feature as read back: every field as text, and its shape.
struct Row {
    std::map<std::string, std::string> fields;
    Geometry shape;
};

// A layer's rows by the value of its code field.
std::map<std::string, Row> rows_of(OGRLayerH layer) {
    std::map<std::string, Row> rows;
    OGRFeatureDefnH definition = OGR_L_GetLayerDefn(layer);
    OGR_L_ResetReading(layer);
    while (Feature feature{OGR_L_GetNextFeature(layer)}) {
        Row row;
        for (int i = 0; i < OGR_FD_GetFieldCount(definition); ++i)
            row.fields[OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(definition, i))] =
                OGR_F_IsFieldSetAndNotNull(feature.get(), i) ? OGR_F_GetFieldAsString(feature.get(), i) : "<null>";
        if (OGRGeometryH shape = OGR_F_GetGeometryRef(feature.get())) row.shape.reset(OGR_G_Clone(shape));
        const std::string key = row.fields["code"];
        rows.emplace(key, std::move(row));
    }
    return rows;
}

class PlannerExport : public wardmap_test::ScratchDirTest {
protected:
    void SetUp() override {
        ScratchDirTest::SetUp();
        GDALAllRegister();
    }
    int run(const std::string& command) {
        return std::system((command + " > '" + (dir / "out.jsonl").string() + "' 2> '" + (dir / "err.txt").string() + "'").c_str());
    }
    std::vector<nlohmann::json> json_lines() const {
        std::vector<nlohmann::json> lines;
        std::ifstream out(dir / "out.jsonl");
        for (std::string line; std::getline(out, line);)
            if (!line.empty() && line.front() == '{') lines.push_back(nlohmann::json::parse(line));
        return lines;
    }
};

TEST_F(PlannerExport, WindowExportReusesTheSessionsShapesAndMatchesTheCommandLine) {
    const fs::path plan = dir / "abbey.wardplan", window = dir / "window.gpkg", cli = dir / "cli.gpkg", map = dir / "map.pdf";
    std::ofstream(dir / "actions.txt") << "move ward E05000026 to CN\n"
                                       << "save as " << plan.string() << "\n"
                                       << "screenshot " << (dir / "before.png").string() << "\n"
                                       << "export " << window.string() << "\n"
                                       << "export map " << map.string() << "\n"
                                       << "screenshot " << (dir / "after.png").string() << "\n";
    ASSERT_EQ(run("XDG_STATE_HOME='" + dir.string() + "' '" WARDMAP_BINARY "' view -q --replay '" + (dir / "actions.txt").string() + "' --exit"), 0)
        << text_of(dir / "err.txt");
    const std::vector<nlohmann::json> shots = json_lines();
    ASSERT_EQ(shots.size(), 2u) << text_of(dir / "out.jsonl");
    ASSERT_TRUE(shots[0].contains("dissolves"));
    EXPECT_GT(shots[0]["dissolves"].get<int>(), 0) << "the session dissolved the boroughs and command units when it opened";
    EXPECT_EQ(shots[1]["dissolves"], shots[0]["dissolves"]) << "an export dissolved again what the session holds";
    ASSERT_TRUE(fs::exists(window));
    ASSERT_TRUE(fs::exists(map));

    ASSERT_EQ(run("'" WARDMAP_BINARY "' dissolve -q --plan '" + plan.string() + "' -o '" + cli.string() + "'"), 0) << text_of(dir / "err.txt");

    const Dataset from_window{GDALOpenEx(window.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr)};
    const Dataset from_cli{GDALOpenEx(cli.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr)};
    ASSERT_TRUE(from_window && from_cli);
    ASSERT_EQ(GDALDatasetGetLayerCount(from_window.get()), GDALDatasetGetLayerCount(from_cli.get()));
    std::size_t compared = 0;
    for (const char* name : {"units", "parents", "command_units"}) {
        OGRLayerH a = GDALDatasetGetLayerByName(from_window.get(), name), b = GDALDatasetGetLayerByName(from_cli.get(), name);
        ASSERT_TRUE(a && b) << name;
        const std::map<std::string, Row> window_rows = rows_of(a), cli_rows = rows_of(b);
        ASSERT_EQ(window_rows.size(), cli_rows.size()) << name;
        for (const auto& [code, row] : cli_rows) {
            const auto it = window_rows.find(code);
            ASSERT_NE(it, window_rows.end()) << name << " " << code << " missing from the window's export";
            EXPECT_EQ(it->second.fields, row.fields) << name << " " << code;
            ASSERT_TRUE(row.shape && it->second.shape) << name << " " << code;
            const double area = OGR_G_Area(row.shape.get());
            const Geometry difference{OGR_G_SymDifference(row.shape.get(), it->second.shape.get())};
            ASSERT_TRUE(difference) << name << " " << code;
            EXPECT_LT(OGR_G_Area(difference.get()), 1e-6 * area) << name << " " << code << ": the shapes differ";
            ++compared;
        }
    }
    EXPECT_EQ(compared, 654u + 33u + 12u);  // the bundled 2014 wards (the City's 25 included), boroughs, command units
    // The edit reached both: Abbey in Central North.
    OGRLayerH units = GDALDatasetGetLayerByName(from_window.get(), "units");
    EXPECT_EQ(rows_of(units).at("E05000026").fields.at("cu_code"), "CN");

    // The Statistics panel's scores after the edit are `wardmap score`'s for the saved plan.
    ASSERT_TRUE(shots[1].contains("scores")) << shots[1].dump();
    ASSERT_EQ(run("'" WARDMAP_BINARY "' score -q --json '" + plan.string() + "'"), 0) << text_of(dir / "err.txt");
    std::ifstream printed(dir / "out.jsonl");
    const nlohmann::json scored = nlohmann::json::parse(printed);
    const nlohmann::json& cli_scores = scored.at("plans").at(0).at("scores");
    std::size_t scores = 0;
    for (const auto& [key, value] : shots[1]["scores"].items()) {
        EXPECT_NEAR(value.get<double>(), cli_scores.at(key).get<double>(), 1e-9 * (1 + std::abs(value.get<double>()))) << key;
        ++scores;
    }
    EXPECT_GE(scores, 13u);
    // One ward of 629 moved: the window's plan retains 628 of the reference's wards.
    EXPECT_NEAR(shots[1]["scores"]["retained_wards"].get<double>(), 100.0 * 628 / 629, 1e-9);
}

}  // namespace
