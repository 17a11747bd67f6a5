#include "ui/planner/store_document.h"

#include "geo/core/errors.h"
#include "geo/store/store_location.h"
#include "geo/store/stored_plan.h"

#include <fmt/format.h>

#include <cctype>

namespace ui {

namespace {

// What the autosave of a document from the store is named after: its plan, in letters a file name takes.
std::string autosave_source(const std::string& plan) {
    std::string out = "store-";
    for (unsigned char c : plan) out += std::isalnum(c) ? static_cast<char>(c) : '-';
    return out;
}

}  // namespace

StoreListing list_store(const std::string& connection) {
    geo::store::PlanStore store(connection);
    StoreListing listing;
    listing.shown = store.shown();
    listing.plans = store.plans();
    for (const geo::store::PlanSummary& plan : listing.plans) listing.versions.push_back(store.versions(plan.name));
    return listing;
}

StoredVersion load_from_store(const std::string& connection, const std::string& plan, std::optional<int> version) {
    geo::store::PlanStore store(connection);
    auto [info, text] = store.load(plan, version);
    // Its `version` line says which version it is, so that a save from it names that one as its parent.
    std::string with_version = geo::store::with_version(text, info.version);
    return {connection, store.shown(), std::move(info), std::move(with_version)};
}

Document document_from_store(const geo::WardSet& wards, const StoredVersion& stored, std::shared_ptr<const geo::PlanInputs> inputs) {
    const geo::store::VersionInfo& info = stored.info;
    const std::string where = fmt::format("\"{}\" v{} in the store", info.plan, info.version);
    if (!info.fingerprint.empty() && info.fingerprint != geo::ward_set_fingerprint(wards))
        throw geo::InputError(stored.shown, where,
                              fmt::format("this version was made on another ward set ({} wards from {}); the window has {} wards open",
                                          info.wards, info.boundaries.empty() ? "an unnamed source" : info.boundaries, wards.units.size()),
                              fmt::format("Open it in a window on the boundaries it names: wardmap view {} --store ...",
                                          info.boundaries.empty() ? "BOUNDARIES" : info.boundaries));
    geo::PlanFile meta = geo::parse_plan_file(stored.text, where);
    geo::Assignment assignment = geo::assignment_from(wards, meta);
    meta.version = info.version;
    Document document = new_document(wards, std::move(assignment), std::move(meta), "", autosave_source(info.plan), std::move(inputs));
    document.stored = StoreLink{stored.connection, info.plan, info.version};
    return document;
}

StoreSnapshot snapshot_for_store(const geo::WardSet& wards, const Document& document, const std::string& connection,
                                 const std::string& name, const std::string& author, const std::string& status) {
    StoreSnapshot snapshot;
    snapshot.connection = connection;
    geo::PlanFile meta = document.meta;
    if (!name.empty()) meta.name = name;
    if (meta.name.empty())
        throw geo::InputError("", "Save to store", "the plan has no name", "Give it a name in the Save to store dialog.");
    meta.author = !author.empty() ? author : !meta.author.empty() ? meta.author : geo::store::login_name();
    if (!status.empty()) meta.status = status;
    // Its parent: the version it was opened from (of the same plan); a plan new to the store has none.
    const bool same_plan = document.stored && document.stored->plan == meta.name && document.stored->connection == connection;
    meta.version = same_plan ? document.stored->version : 0;
    snapshot.plan = geo::plan_file_from(wards, document.session->assignment(), std::move(meta));
    snapshot.text = geo::format_plan_file(snapshot.plan);
    snapshot.revision = document.session->revision();
    return snapshot;
}

StoreSaved save_to_store(const geo::WardSet& wards, const StoreSnapshot& snapshot, bool merge) {
    // Worked out here, on this thread's GEOS context: the session's shapes belong to the frame thread.
    const geo::AppliedPlan applied = geo::apply_plan(wards, geo::plan_from_file(snapshot.plan), {}, {}, false);
    geo::store::PlanStore store(snapshot.connection);
    StoreSaved saved;
    saved.shown = store.shown();
    saved.started_from = snapshot.plan.version;
    if (merge) {
        saved.outcome = geo::store::save_merging(store, wards, snapshot.plan, snapshot.text, applied);
    } else {
        saved.outcome.saved = store.save(geo::store::plan_to_save(wards, snapshot.plan, snapshot.text, applied));
        saved.outcome.plan = snapshot.plan;
        saved.outcome.text = snapshot.text;
    }
    return saved;
}

bool overtaken(const StoreSaved& saved) { return !saved.outcome.saved.current; }

std::optional<Document> after_store_save(const geo::WardSet& wards, Document& document, const StoreSnapshot& snapshot,
                                         const StoreSaved& saved) {
    const geo::store::SaveResult& result = saved.outcome.saved;
    StoreLink link{snapshot.connection, snapshot.plan.name, result.version};
    if (!result.current) {
        link.version = saved.started_from;
        link.kept_as = result.version;
        link.current = result.ahead ? result.ahead->version : 0;
    }
    if (saved.outcome.merged_with) {
        // Their moves and mine: the merge is the plan now, at the version it was saved as.
        geo::PlanFile merged = saved.outcome.plan;
        merged.version = result.version;
        geo::Assignment assignment = geo::assignment_from(wards, merged);
        Document replaced = new_document(wards, std::move(assignment), std::move(merged), document.path, document.source, document.inputs);
        replaced.stored = link;
        discard_autosave(document);
        return replaced;
    }
    document.meta.name = snapshot.plan.name;
    document.meta.author = snapshot.plan.author;
    document.meta.status = snapshot.plan.status;
    document.meta.version = link.version;
    document.stored = link;
    if (document.session->revision() == snapshot.revision) {
        discard_autosave(document);
        document.session->mark_saved();
        document.recovered = false;
        document.autosaved_revision = document.session->revision();
    }
    return std::nullopt;
}

std::string store_saved_message(const StoreSaved& saved) {
    const geo::store::MergedSave& o = saved.outcome;
    const std::string& plan = o.plan.name;
    if (o.merged_with)
        return fmt::format("Saved \"{}\" v{}: your moves on top of {}'s v{}", plan, o.saved.version, o.merged_with->author,
                           o.merged_with->version);
    if (o.saved.current) return fmt::format("Saved \"{}\" v{} to the store", plan, o.saved.version);
    const geo::store::VersionInfo& ahead = *o.saved.ahead;
    std::string message = fmt::format("{} saved v{} first; yours is kept as v{} beside it", ahead.author, ahead.version, o.saved.version);
    if (!o.conflicts.empty()) {
        message += ". Not merged: " + o.conflicts.front();
        if (o.conflicts.size() > 1) message += fmt::format(" and {} more", o.conflicts.size() - 1);
    }
    return message;
}

}  // namespace ui
