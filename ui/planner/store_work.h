#pragma once
// The window's dealings with the plan store between frames: one piece of work at a time on a
// worker thread (connecting, listing, loading, saving, merging), so that a slow or absent server
// never stops the frame; the window shows `working` meanwhile, and takes the outcome when it is
// ready (finish_store_work, every frame). No ImGui.
#include "ui/planner/store_document.h"

#include <future>
#include <optional>
#include <string>
#include <variant>

namespace ui {

struct StoreState {
    std::string connection;  // where the store is (geo/store/store_location.h); empty: none set
    std::string from;        // which setting said so
    std::string working;     // what is being done while the worker runs, in the planner's words
    std::optional<StoreListing> listing;  // the store's plans, for the Open dialog, once listed
    // A save someone else's overtook: the window asks Merge / Keep both while set.
    std::optional<StoreSaved> overtaken;
    std::optional<StoreSnapshot> overtaken_snapshot;  // what was saved then: merged on Merge
    bool synchronous = false;  // a replay: each piece of work is done before the command returns

    using Outcome = std::variant<StoreListing, StoredVersion, std::pair<StoreSnapshot, StoreSaved>>;
    std::future<Outcome> work;
    bool busy() const { return work.valid(); }
};

// Each starts a piece of work (refused with InputError while one runs, or with no store set).
void start_listing(StoreState& state);
void start_open(StoreState& state, const std::string& plan, std::optional<int> version);
void start_save(StoreState& state, const geo::WardSet& wards, const Document& document, const std::string& name,
                const std::string& author, const std::string& status);
// The answer to an overtaken save: merge it (as `plan save --merge`), or keep both as they are.
void start_merge(StoreState& state, const geo::WardSet& wards);
std::string keep_both(StoreState& state);

struct StoreFinished {
    std::string status;                // what happened, for the status line
    std::optional<Document> document;  // opened or merged: replaces the window's document
};
// The outcome of the work, if it is done (`wait`: waits for it); its errors as geo::Error, thrown
// here on the frame thread. Nothing when no work is done yet.
std::optional<StoreFinished> finish_store_work(StoreState& state, const geo::WardSet& wards, Document& document, bool wait = false);

}  // namespace ui
