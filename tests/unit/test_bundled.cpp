// geo/core/bundled: inside the build tree (where this test runs, with no share/wardmap beside
// it) the bundled data is $WARDMAP_DATA when set, else the source tree. Installed copies are
// tests/install's.
#include "geo/core/bundled.h"

#include "support.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>

namespace {

// Sets or unsets WARDMAP_DATA for one test, and puts back what was there.
class DataVariable {
public:
    explicit DataVariable(const char* value) {
        if (const char* was = std::getenv("WARDMAP_DATA")) before_ = was;
        if (value) setenv("WARDMAP_DATA", value, 1);
        else unsetenv("WARDMAP_DATA");
    }
    ~DataVariable() {
        if (before_) setenv("WARDMAP_DATA", before_->c_str(), 1);
        else unsetenv("WARDMAP_DATA");
    }
    DataVariable(const DataVariable&) = delete;
    DataVariable& operator=(const DataVariable&) = delete;

private:
    std::optional<std::string> before_;
};

}  // namespace

TEST(Bundled, TheSourceTreeForAProgramInsideTheBuildTree) {
    const DataVariable unset(nullptr);
    EXPECT_EQ(std::filesystem::path(geo::bundled("shapes/london-wards-2014.gpkg")).lexically_normal(),
              std::filesystem::path(wardmap_test::source_dir("shapes/london-wards-2014.gpkg")));
    EXPECT_TRUE(std::filesystem::exists(geo::bundled("datasets/plans/mps-12-bcu-2018.csv")));
}

TEST(Bundled, WardmapDataBeforeTheSourceTree) {
    const wardmap_test::TempDir dir;
    const DataVariable set(dir.path().c_str());
    EXPECT_EQ(geo::bundled_root(), dir.path().string());
    EXPECT_EQ(geo::bundled("shapes/x.gpkg"), (dir.path() / "shapes/x.gpkg").string());
}
