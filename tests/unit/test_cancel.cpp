// Ctrl-C's watchdog (geo/core/cancel.cpp), each case in a child process (a death test): work that
// never looks at the request is still ended, with the partial output removed, and an output being
// moved into place is never cut in half.
#include "geo/core/cancel.h"

#include "geo/core/errors.h"

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <fstream>
#include <thread>

namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

void write_file(const fs::path& path, const std::string& text) {
    std::ofstream out(path);
    out << text;
}

// The "threadsafe" style runs the test again in a fresh process up to the death statement, so the
// folder is named without a process id (unlike wardmap_test::TempDir) for both to find.
fs::path fresh_folder(const std::string& name) {
    const fs::path folder = fs::temp_directory_path() / ("wardmap-test-cancel-" + name);
    fs::remove_all(folder);
    fs::create_directories(folder);
    return folder;
}

[[noreturn]] void busy_without_looking() {
    for (;;) std::this_thread::sleep_for(1s);  // as a GEOS union or a Cairo page would
}

}  // namespace

TEST(CancelDeathTest, WorkThatDoesNotLookIsEndedAndItsPartialOutputRemoved) {
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    const fs::path dir = fresh_folder("ended");
    const fs::path partial = dir / ".map.pdf.partial-1";
    EXPECT_EXIT(
        {
            geo::stop_on_interrupt(130, 100ms);
            fs::create_directory(partial);
            geo::register_partial_output(partial);
            write_file(partial / "map.pdf", "half a page");
            std::raise(SIGINT);
            if (!geo::interrupt_requested()) std::_Exit(1);
            busy_without_looking();
        },
        testing::ExitedWithCode(130), "wardmap: cancelled");
    EXPECT_FALSE(fs::exists(partial));
    EXPECT_TRUE(fs::is_empty(dir));
    fs::remove_all(dir);
}

TEST(CancelDeathTest, AnOutputBeingMovedIntoPlaceIsMovedWhole) {
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    const fs::path dir = fresh_folder("moved-whole");
    const fs::path partial = dir / ".wards.shp.partial-1";
    EXPECT_EXIT(
        {
            geo::stop_on_interrupt(130, 50ms);
            fs::create_directory(partial);
            geo::register_partial_output(partial);
            for (const char* ext : {"shp", "shx", "dbf"}) write_file(partial / (std::string("wards.") + ext), ext);
            {
                const auto moving = geo::hold_partial_outputs();
                std::raise(SIGINT);
                std::this_thread::sleep_for(300ms);  // the watchdog's moment comes and goes meanwhile
                for (const char* ext : {"shp", "shx", "dbf"})
                    fs::rename(partial / (std::string("wards.") + ext), dir / (std::string("wards.") + ext));
            }
            busy_without_looking();
        },
        testing::ExitedWithCode(130), "");
    for (const char* ext : {"shp", "shx", "dbf"}) EXPECT_TRUE(fs::exists(dir / (std::string("wards.") + ext))) << ext;
    EXPECT_FALSE(fs::exists(partial));
    fs::remove_all(dir);
}

TEST(CancelDeathTest, AWindowWithItsOwnCloseIsNotEnded) {
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    EXPECT_EXIT(
        {
            geo::stop_on_interrupt(130, 50ms);
            geo::keep_running_on_interrupt();
            std::raise(SIGINT);
            std::this_thread::sleep_for(400ms);
            std::_Exit(geo::interrupt_requested() ? 7 : 1);  // the request is kept for it to read
        },
        testing::ExitedWithCode(7), "");
}

TEST(Cancel, NoRequestNoThrow) {
    EXPECT_NO_THROW(geo::throw_if_interrupted());
    EXPECT_FALSE(geo::interrupt_requested());
}
