// geo/core/settings and geo/store/store_location: the user's settings file, and where the plan
// store is found (--store, then $WARDMAP_STORE, then the settings file).
#include "geo/core/errors.h"
#include "geo/core/settings.h"
#include "geo/store/store_location.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace {

namespace fs = std::filesystem;

TEST(Settings, TheStoreConnectionIsRead) {
    const geo::Settings settings = geo::parse_settings("# mine\n[store]\nconnection = \"PG:dbname=plans host=gis\"\n", "s.toml");
    EXPECT_EQ(settings.store_connection, "PG:dbname=plans host=gis");
    EXPECT_EQ(geo::parse_settings("", "s.toml").store_connection, "");
}

TEST(Settings, AMisspeltOrWronglyTypedSettingIsRefused) {
    try {
        geo::parse_settings("[store]\nconection = \"PG:dbname=plans\"\n", "s.toml");
        FAIL() << "a misspelt key was taken";
    } catch (const geo::InputError& error) {
        const std::string what = error.what();
        EXPECT_NE(what.find("s.toml"), std::string::npos) << what;
        EXPECT_NE(what.find("[store] conection (line 2)"), std::string::npos) << what;
        EXPECT_NE(what.find("not a setting wardmap knows"), std::string::npos) << what;
    }
    EXPECT_THROW(geo::parse_settings("[stor]\nconnection = \"x\"\n", "s.toml"), geo::InputError);
    EXPECT_THROW(geo::parse_settings("[store]\nconnection = 5\n", "s.toml"), geo::InputError);
    EXPECT_THROW(geo::parse_settings("store = \"x\"\n", "s.toml"), geo::InputError);
}

// --store wins over $WARDMAP_STORE, which wins over the settings file; none: empty, and the
// advice names the settings file.
TEST(Settings, TheStoreIsFoundInOrder) {
    std::string pattern = (fs::temp_directory_path() / "wardmap-settings-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    const fs::path dir = pattern;
    setenv("XDG_CONFIG_HOME", dir.c_str(), 1);
    unsetenv("WARDMAP_STORE");
    EXPECT_EQ(geo::settings_path(), (dir / "wardmap" / "settings.toml").string());
    EXPECT_EQ(geo::store::find_store("").connection, "") << "no settings file: no store";
    EXPECT_NE(geo::store::how_to_set_a_store().find((dir / "wardmap" / "settings.toml").string()), std::string::npos);

    fs::create_directories(dir / "wardmap");
    std::ofstream(dir / "wardmap" / "settings.toml") << "[store]\nconnection = \"PG:dbname=team\"\n";
    geo::store::StoreLocation found = geo::store::find_store("");
    EXPECT_EQ(found.connection, "PG:dbname=team");
    EXPECT_EQ(found.from, (dir / "wardmap" / "settings.toml").string());

    setenv("WARDMAP_STORE", "PG:dbname=env", 1);
    found = geo::store::find_store("");
    EXPECT_EQ(found.connection, "PG:dbname=env");
    EXPECT_EQ(found.from, "$WARDMAP_STORE");
    found = geo::store::find_store("PG:dbname=given");
    EXPECT_EQ(found.connection, "PG:dbname=given");
    EXPECT_EQ(found.from, "--store");

    unsetenv("WARDMAP_STORE");
    unsetenv("XDG_CONFIG_HOME");
    fs::remove_all(dir);
}

}  // namespace
