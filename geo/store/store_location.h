#pragma once
// Where the team's plan store is, in one order for every command and the planner window:
// --store, else $WARDMAP_STORE, else [store] connection in the user's settings file (geo/core/settings.h).
#include <string>

namespace geo::store {

struct StoreLocation {
    std::string connection;  // empty: none given anywhere
    std::string from;        // "--store", "$WARDMAP_STORE" or the settings file's path: said in messages
};

// Throws InputError for a settings file that cannot be read (only looked at when needed).
StoreLocation find_store(const std::string& given);
// The connection to use: as find_store, or InputError "no plan store given" saying how to set one
// (`option`: the option the message names, e.g. "--store").
std::string store_connection(const std::string& given, const std::string& option = "--store");
// Who saves, when the plan names no author: $USER, else the login of this process.
std::string login_name();
// What to tell a planner who has no store set.
std::string how_to_set_a_store();

}  // namespace geo::store
