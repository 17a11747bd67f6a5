#include "geo/store/store_location.h"

#include "geo/core/errors.h"
#include "geo/core/settings.h"

#include <cstdlib>
#include <pwd.h>
#include <unistd.h>

namespace geo::store {

StoreLocation find_store(const std::string& given) {
    if (!given.empty()) return {given, "--store"};
    if (const char* set = std::getenv("WARDMAP_STORE"); set && *set) return {set, "$WARDMAP_STORE"};
    const std::string path = settings_path();
    const Settings settings = read_settings(path);
    if (!settings.store_connection.empty()) return {settings.store_connection, path};
    return {};
}

std::string store_connection(const std::string& given, const std::string& option) {
    const StoreLocation store = find_store(given);
    if (store.connection.empty()) throw InputError("", option, "no plan store given", how_to_set_a_store());
    return store.connection;
}

std::string login_name() {
    if (const char* user = std::getenv("USER"); user && *user) return user;
    if (const passwd* entry = getpwuid(getuid())) return entry->pw_name;
    return "unknown";
}

std::string how_to_set_a_store() {
    const std::string path = settings_path();
    return "Give the team's database as --store \"PG:dbname=plans host=gis.example\", set WARDMAP_STORE, or write it in " +
           (path.empty() ? std::string("$XDG_CONFIG_HOME/wardmap/settings.toml") : path) +
           " as\n  [store]\n  connection = \"PG:dbname=plans host=gis.example\"";
}

}  // namespace geo::store
