// geo/export: outputs appear whole or not at all, and formats by name or extension.
#include "geo/core/errors.h"
#include "geo/export/atomic_output.h"
#include "geo/export/format.h"
#include "support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

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

TEST(AtomicOutput, ASidecarOfTheOutputIsRefusedBeforeAnythingIsWritten) {
    // A stale cu.dbf used to be found only while moving files in, after cu.shp had been moved.
    TempDir dir;
    write_text(dir.path() / "cu.dbf", "keep me");
    EXPECT_THAT([&] { geo::AtomicOutput output(dir.path() / "cu.shp", false); },
                testing::ThrowsMessage<geo::OutputError>(HasSubstr("cu.dbf")));
    EXPECT_THAT(entries(dir.path()), UnorderedElementsAre("cu.dbf"));
    EXPECT_EQ(read_text(dir.path() / "cu.dbf"), "keep me");
}

TEST(AtomicOutput, OverwriteReplacesTheWholeSetStaleIndexesIncluded) {
    // QGIS trusts a .qix/.sbn beside a .shp: an old one drops features of the new file on zoom.
    TempDir dir;
    for (const char* ext : {".shp", ".shx", ".dbf", ".prj", ".qix", ".sbn", ".sbx", ".CPG"})
        write_text(dir.path() / (std::string("cu") + ext), std::string("old") + ext);
    write_text(dir.path() / "cu.gpkg", "another output");  // same stem, not of the set
    {
        geo::AtomicOutput output(dir.path() / "cu.shp", true);
        for (const char* ext : {".shp", ".shx", ".dbf", ".prj", ".cpg"})
            write_text(output.path().parent_path() / (std::string("cu") + ext), std::string("new") + ext);
        output.commit();
    }
    EXPECT_THAT(entries(dir.path()), UnorderedElementsAre("cu.shp", "cu.shx", "cu.dbf", "cu.prj", "cu.cpg", "cu.gpkg"));
    for (const char* ext : {".shp", ".shx", ".dbf", ".prj", ".cpg"})
        EXPECT_EQ(read_text(dir.path() / (std::string("cu") + ext)), std::string("new") + ext);
    EXPECT_EQ(read_text(dir.path() / "cu.gpkg"), "another output");
}

TEST(AtomicOutput, StoppedBetweenAnyTwoRenamesNoMixedSetCanBeOpened) {
    // A kill between renames left new .shp/.shx beside the old .dbf, and GDAL opened the mix.
    TempDir dir;
    const std::vector<std::string> old_set = {"cu.shp", "cu.shx", "cu.dbf", "cu.prj", "cu.qix"};
    const std::vector<std::string> new_set = {"cu.shp", "cu.shx", "cu.dbf", "cu.prj", "cu.cpg"};
    for (std::size_t stop = 0;; ++stop) {
        fs::remove_all(dir.path());
        fs::create_directories(dir.path());
        for (const auto& name : old_set) write_text(dir.path() / name, "old");
        geo::AtomicOutput output(dir.path() / "cu.shp", true);
        for (const auto& name : new_set) write_text(output.path().parent_path() / name, "new");
        const auto steps = output.commit_steps();
        for (std::size_t i = 0; i < stop && i < steps.size(); ++i) fs::rename(steps[i].from, steps[i].to);
        // What a reader finds: a .shp and whatever it reads beside it must all be one set.
        if (fs::exists(dir.path() / "cu.shp")) {
            const std::string kind = read_text(dir.path() / "cu.shp");
            for (const auto& name : kind == "old" ? old_set : new_set)
                EXPECT_EQ(read_text(dir.path() / name), kind) << name << " after " << stop << " renames";
            for (const auto& name : entries(dir.path())) {
                if (name[0] == '.') continue;  // the hidden folder
                EXPECT_EQ(read_text(dir.path() / name), kind) << name << " after " << stop << " renames";
            }
        }
        if (stop >= steps.size()) {
            EXPECT_EQ(read_text(dir.path() / "cu.shp"), "new");
            break;
        }
    }
}

TEST(AtomicOutput, PartialFoldersOfRunsThatEndedAreRemoved) {
    TempDir dir;
    const pid_t child = ::fork();
    if (child == 0) ::_exit(0);
    ::waitpid(child, nullptr, 0);  // a pid that was a run and is no longer
    const std::string dead = ".bcus.gpkg.partial-" + std::to_string(child);
    fs::create_directories(dir.path() / dead / ".old");
    write_text(dir.path() / dead / "bcus.gpkg", "half an export");
    const std::string alive = ".bcus.gpkg.partial-1";  // pid 1 is alive: another run still writing
    const std::string other = ".other.gpkg.partial-" + std::to_string(child);  // another target's
    fs::create_directory(dir.path() / alive);
    fs::create_directory(dir.path() / other);
    {
        geo::AtomicOutput output(dir.path() / "bcus.gpkg", false);
        EXPECT_FALSE(fs::exists(dir.path() / dead));
    }
    EXPECT_THAT(entries(dir.path()), UnorderedElementsAre(alive, other));
}

TEST(AtomicOutput, A250ByteFileNameWorks) {
    // ".NAME.partial-PID" is longer than NAME: the hidden folder was refused by the file system.
    TempDir dir;
    const std::string name = std::string(246, 'w') + ".csv";
    {
        geo::AtomicOutput output(dir.path() / name, false);
        write_text(output.path(), "code\n");
        output.commit();
    }
    EXPECT_THAT(entries(dir.path()), UnorderedElementsAre(name));
}

TEST(AtomicOutput, ANameOver255BytesIsAClearOutputError) {
    TempDir dir;
    EXPECT_THAT([&] { geo::AtomicOutput output(dir.path() / (std::string(300, 'w') + ".gpkg"), false); },
                testing::ThrowsMessage<geo::OutputError>(HasSubstr("305 bytes long")));
    EXPECT_TRUE(entries(dir.path()).empty());
}

TEST(AtomicOutput, SymbolicLinkLoopsAreAClearOutputError) {
    TempDir dir;
    fs::create_symlink("loop", dir.path() / "loop");
    EXPECT_THAT([&] { geo::AtomicOutput output(dir.path() / "loop" / "bcus.gpkg", false); },
                testing::ThrowsMessage<geo::OutputError>(HasSubstr("loop of symbolic links")));
    EXPECT_THAT([&] { geo::AtomicOutput output(dir.path() / "loop", true); },
                testing::ThrowsMessage<geo::OutputError>(HasSubstr("loop of symbolic links")));
}

TEST(AtomicOutput, OverwriteLeavesADeviceOrPipeAlone) {
    TempDir dir;
    const fs::path pipe = dir.path() / "bcus.geojson";
    ASSERT_EQ(::mkfifo(pipe.c_str(), 0600), 0);
    EXPECT_THAT([&] { geo::AtomicOutput output(pipe, true); },
                testing::ThrowsMessage<geo::OutputError>(HasSubstr("not a regular file")));
    EXPECT_TRUE(fs::is_fifo(pipe));
    EXPECT_THAT(entries(dir.path()), UnorderedElementsAre("bcus.geojson"));
}

TEST(AtomicOutput, AFolderAsTheTargetIsAClearOutputError) {
    TempDir dir;
    fs::create_directory(dir.path() / "maps");
    EXPECT_THAT([&] { geo::AtomicOutput output(dir.path() / "maps", true); },
                testing::ThrowsMessage<geo::OutputError>(HasSubstr("is a folder")));
    EXPECT_TRUE(fs::is_directory(dir.path() / "maps"));
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
