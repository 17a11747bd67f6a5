// geo/export: outputs appear whole or not at all, and formats by name or extension.
#include "geo/core/errors.h"
#include "geo/export/atomic_output.h"
#include "geo/export/format.h"
#include "support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace fs = std::filesystem;
using testing::HasSubstr;
using testing::UnorderedElementsAre;
using wardmap_test::read_text;
using wardmap_test::TempDir;
using wardmap_test::write_text;

namespace {

// Every entry in a folder, hidden ones included.
std::vector<std::string> entries(const fs::path& folder) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(folder)) names.push_back(entry.path().filename().string());
    return names;
}

}  // namespace

TEST(AtomicOutput, ExistingTargetWithoutOverwriteIsRefusedAndUntouched) {
    TempDir dir;
    const fs::path target = dir.path() / "bcus.gpkg";
    write_text(target, "the user's earlier export");
    try {
        geo::AtomicOutput output(target, false);
        FAIL() << "an existing output would be replaced without --overwrite";
    } catch (const geo::OutputError& e) {
        EXPECT_THAT(e.what(), HasSubstr(target.string()));
        EXPECT_THAT(e.what(), HasSubstr("--overwrite"));
    }
    EXPECT_EQ(read_text(target), "the user's earlier export");
    EXPECT_THAT(entries(dir.path()), UnorderedElementsAre("bcus.gpkg"));
}

TEST(AtomicOutput, WithoutCommitNothingIsLeft) {
    TempDir dir;
    const fs::path target = dir.path() / "bcus.geojson";
    fs::path partial;
    {
        geo::AtomicOutput output(target, false);
        partial = output.path();
        EXPECT_EQ(partial.filename(), "bcus.geojson");
        EXPECT_NE(partial.parent_path(), dir.path());  // written aside, not in place
        write_text(partial, "{\"type\": \"FeatureCollection\", \"features\": [");  // cut short
        EXPECT_TRUE(fs::exists(partial));
    }  // an error or Ctrl-C unwinds past here
    EXPECT_FALSE(fs::exists(partial));
    EXPECT_FALSE(fs::exists(partial.parent_path()));
    EXPECT_FALSE(fs::exists(target));
    EXPECT_TRUE(entries(dir.path()).empty()) << "left behind: " << testing::PrintToString(entries(dir.path()));
}

TEST(AtomicOutput, CommitMovesTheFileIntoPlace) {
    TempDir dir;
    const fs::path target = dir.path() / "bcus.csv";
    {
        geo::AtomicOutput output(target, false);
        write_text(output.path(), "code,name\nCN,Central North\n");
        EXPECT_FALSE(fs::exists(target));
        output.commit();
        EXPECT_EQ(read_text(target), "code,name\nCN,Central North\n");
    }
    EXPECT_EQ(read_text(target), "code,name\nCN,Central North\n");  // the destructor keeps it
    EXPECT_THAT(entries(dir.path()), UnorderedElementsAre("bcus.csv"));
}

TEST(AtomicOutput, OverwriteReplacesTheTargetOnlyAtCommit) {
    TempDir dir;
    const fs::path target = dir.path() / "bcus.csv";
    write_text(target, "old");
    {
        geo::AtomicOutput output(target, true);
        write_text(output.path(), "new");
        EXPECT_EQ(read_text(target), "old");
        output.commit();
    }
    EXPECT_EQ(read_text(target), "new");
    EXPECT_THAT(entries(dir.path()), UnorderedElementsAre("bcus.csv"));
}

TEST(AtomicOutput, TargetAppearingBeforeCommitIsNotClobberedWithoutOverwrite) {
    // Another run (or the user) writes the same path while the export is being written.
    TempDir dir;
    const fs::path target = dir.path() / "bcus.gpkg";
    geo::AtomicOutput output(target, false);
    write_text(output.path(), "this run's export");
    write_text(target, "another run's export");
    EXPECT_THROW(output.commit(), geo::OutputError);
    EXPECT_EQ(read_text(target), "another run's export");
}

TEST(AtomicOutput, ShapefileSidecarsMoveTogether) {
    TempDir dir;
    const fs::path target = dir.path() / "bcus.shp";
    {
        geo::AtomicOutput output(target, false);
        for (const char* ext : {".shp", ".shx", ".dbf", ".prj"})
            write_text(output.path().parent_path() / (std::string("bcus") + ext), ext);
        output.commit();
    }
    EXPECT_THAT(entries(dir.path()), UnorderedElementsAre("bcus.shp", "bcus.shx", "bcus.dbf", "bcus.prj"));
    EXPECT_EQ(read_text(dir.path() / "bcus.dbf"), ".dbf");
}

TEST(AtomicOutput, MissingFolderIsAnOutputError) {
    TempDir dir;
    EXPECT_THAT([&] { geo::AtomicOutput output(dir.path() / "no" / "such" / "bcus.gpkg", false); },
                testing::ThrowsMessage<geo::OutputError>(HasSubstr("does not exist")));
}

TEST(Format, ByNameAnyCaseAndShortForms) {
    EXPECT_EQ(geo::format_named("GPKG").format, geo::Format::gpkg);
    EXPECT_EQ(geo::format_named("gpkg").format, geo::Format::gpkg);
    EXPECT_EQ(geo::format_named("ESRI Shapefile").format, geo::Format::shapefile);
    EXPECT_EQ(geo::format_named("shapefile").format, geo::Format::shapefile);
    EXPECT_EQ(geo::format_named("json").format, geo::Format::geojson);
    EXPECT_EQ(geo::format_named("fgb").format, geo::Format::flatgeobuf);
}

TEST(Format, UnknownNameListsTheFormats) {
    EXPECT_THAT([] { geo::format_named("DXF"); },
                testing::ThrowsMessage<geo::InputError>(HasSubstr("GPKG, ESRI Shapefile, GeoJSON")));
}

TEST(Format, ByExtension) {
    EXPECT_EQ(geo::format_for_path("out/bcus.GPKG").format, geo::Format::gpkg);
    EXPECT_EQ(geo::format_for_path("bcus.json").format, geo::Format::geojson);
    EXPECT_EQ(geo::format_for_path("bcus.kml").format, geo::Format::kml);
    EXPECT_TRUE(geo::format_for_path("bcus.kml").lonlat_only);
    EXPECT_FALSE(geo::format_for_path("lookup.csv").geometry);
    EXPECT_THROW(geo::format_for_path("bcus.xlsx"), geo::InputError);
    EXPECT_THROW(geo::format_for_path("bcus"), geo::InputError);
}
