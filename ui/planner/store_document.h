#pragma once
// The planner's side of the team plan store (geo/store): a version opened as the document, the
// document saved as a new version whose parent is the version it was opened from, and what the
// planner is told when someone else saved first. Plain functions, each a whole conversation with
// the server (connect, work, disconnect), so that store_work.h can run them off the frame thread.
// No ImGui: the tests drive them as the window does.
#include "geo/store/merge_save.h"
#include "ui/planner/document.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ui {

// Every plan in the store with its versions (newest first): what the Open dialog lists.
struct StoreListing {
    std::string shown;  // the store, without its password
    std::vector<geo::store::PlanSummary> plans;
    std::vector<std::vector<geo::store::VersionInfo>> versions;  // parallel to plans
};
StoreListing list_store(const std::string& connection);

struct StoredVersion {
    std::string connection, shown;
    geo::store::VersionInfo info;
    std::string text;  // the plan file as saved
};
// The current version when `version` is none. Throws InputError (no such plan or version, no connection).
StoredVersion load_from_store(const std::string& connection, const std::string& plan, std::optional<int> version);

// The version as the document, linked to the store. Throws InputError saying plainly when it was
// made on another ward set (the store's fingerprint, then the plan's own check), as opening a plan
// file does.
Document document_from_store(const geo::WardSet& wards, const StoredVersion& stored, std::shared_ptr<const geo::PlanInputs> inputs);

// What a save sends, taken on the frame thread (the session is the frame thread's) and saved on
// a worker.
struct StoreSnapshot {
    std::string connection;
    geo::PlanFile plan;  // its version is the parent: the version the document was opened from
    std::string text;
    std::uint64_t revision = 0;  // the session's when taken: it is marked saved only if still at it
};
// Empty name, author or status: the document's (author: else $USER).
StoreSnapshot snapshot_for_store(const geo::WardSet& wards, const Document& document, const std::string& connection,
                                 const std::string& name, const std::string& author, const std::string& status);

struct StoreSaved {
    std::string shown;
    int started_from = 0;          // the parent asked for
    geo::store::MergedSave outcome;
};
// A new version. Plain: kept beside the current version when someone saved since the parent (the
// planner is asked); `merge`: my moves on top of theirs (geo/store/merge_save.h), as `plan save --merge`.
StoreSaved save_to_store(const geo::WardSet& wards, const StoreSnapshot& snapshot, bool merge);

// The document after a save: linked to the version saved (kept beside: still to the one it
// started from, so that a merge later merges against it), marked saved if unchanged since the
// snapshot. Merged: the merge as the new document (returned, to replace this one).
std::optional<Document> after_store_save(const geo::WardSet& wards, Document& document, const StoreSnapshot& snapshot,
                                         const StoreSaved& saved);

// "Ann saved v4 first; yours is kept as v5 beside it." and the like, for the status line and dialogs.
std::string store_saved_message(const StoreSaved& saved);
bool overtaken(const StoreSaved& saved);

}  // namespace ui
