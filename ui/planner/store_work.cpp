#include "ui/planner/store_work.h"

#include "geo/core/errors.h"
#include "geo/store/store_location.h"

#include <fmt/format.h>

#include <chrono>
#include <functional>

namespace ui {

namespace {

void require_store(const StoreState& state) {
    if (state.connection.empty()) throw geo::InputError("", "plan store", "no plan store is set", geo::store::how_to_set_a_store());
}

void start(StoreState& state, std::string working, std::function<StoreState::Outcome()> work) {
    if (state.busy()) throw geo::InputError("", "plan store", "the window is still busy with the store: " + state.working, "Wait for it.");
    require_store(state);
    state.working = std::move(working);
    // A replay waits for each step: deferred work is run by the first get().
    state.work = std::async(state.synchronous ? std::launch::deferred : std::launch::async, std::move(work));
}

}  // namespace

void start_listing(StoreState& state) {
    start(state, "Reading the plans in the store", [connection = state.connection] { return StoreState::Outcome(list_store(connection)); });
}

void start_open(StoreState& state, const std::string& plan, std::optional<int> version) {
    start(state, fmt::format("Opening \"{}\" {} from the store", plan, version ? "v" + std::to_string(*version) : "(current)"),
          [connection = state.connection, plan, version] { return StoreState::Outcome(load_from_store(connection, plan, version)); });
}

void start_save(StoreState& state, const geo::WardSet& wards, const Document& document, const std::string& name,
                const std::string& author, const std::string& status) {
    require_store(state);  // said before anything about the plan
    StoreSnapshot snapshot = snapshot_for_store(wards, document, state.connection, name, author, status);
    state.overtaken.reset();
    start(state, fmt::format("Saving \"{}\" to the store", snapshot.plan.name), [&wards, snapshot] {
        StoreSaved saved = save_to_store(wards, snapshot, false);
        return StoreState::Outcome(std::pair{snapshot, std::move(saved)});
    });
}

void start_merge(StoreState& state, const geo::WardSet& wards) {
    if (!state.overtaken || !state.overtaken_snapshot)
        throw geo::InputError("", "merge", "no save was overtaken", "Merge is offered when someone saved the plan before you.");
    const StoreSnapshot snapshot = *state.overtaken_snapshot;
    start(state, fmt::format("Merging your moves with v{}", state.overtaken->outcome.saved.ahead->version), [&wards, snapshot] {
        StoreSaved saved = save_to_store(wards, snapshot, true);
        return StoreState::Outcome(std::pair{snapshot, std::move(saved)});
    });
    state.overtaken.reset();
}

std::string keep_both(StoreState& state) {
    if (!state.overtaken) return "";
    const geo::store::SaveResult& saved = state.overtaken->outcome.saved;
    std::string status = fmt::format("Kept both: v{} is current, yours is v{}", saved.ahead->version, saved.version);
    state.overtaken.reset();
    state.overtaken_snapshot.reset();
    return status;
}

std::optional<StoreFinished> finish_store_work(StoreState& state, const geo::WardSet& wards, Document& document, bool wait) {
    if (!state.busy()) return std::nullopt;
    if (!wait && !state.synchronous && state.work.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return std::nullopt;
    state.working.clear();
    StoreState::Outcome outcome = state.work.get();  // the worker's exception, if any, from here
    StoreFinished finished;
    if (StoreListing* listing = std::get_if<StoreListing>(&outcome)) {
        finished.status = fmt::format("{} plan(s) in the store {}", listing->plans.size(), listing->shown);
        state.listing = std::move(*listing);
    } else if (const StoredVersion* stored = std::get_if<StoredVersion>(&outcome)) {
        finished.document = document_from_store(wards, *stored, document.inputs);
        finished.status = fmt::format("Opened \"{}\" v{} ({}, {} by {} at {}) from the store", stored->info.plan, stored->info.version,
                                      stored->info.current ? "current" : "not current", stored->info.status, stored->info.author,
                                      stored->info.saved_at);
    } else {
        auto& [snapshot, saved] = std::get<std::pair<StoreSnapshot, StoreSaved>>(outcome);
        finished.document = after_store_save(wards, document, snapshot, saved);
        finished.status = store_saved_message(saved);
        // Overtaken and not yet merged: the planner is asked (a merge refused for conflicts is not asked again).
        if (overtaken(saved) && !saved.outcome.merged_with && saved.outcome.conflicts.empty()) {
            state.overtaken = saved;
            state.overtaken_snapshot = snapshot;
        }
    }
    return finished;
}

}  // namespace ui
