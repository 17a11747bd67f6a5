#pragma once
// The plan the window edits, and where it lives on disk: opening (plan file or CSV table),
// saving, autosave and recovery. No ImGui: the replay and the tests use it as the window does.
#include "geo/planner/plan_file.h"
#include "geo/planner/session.h"

#include <memory>
#include <optional>
#include <string>

namespace ui {

// The plan store version a document came from or was last saved as (ui/planner/store_document.h).
struct StoreLink {
    std::string connection, plan;
    int version = 0;     // the parent of the next save
    int kept_as = 0;     // last saved as this version, kept beside the current one (someone saved first)
    int current = 0;     // ... which is this one
};

struct Document {
    std::unique_ptr<geo::PlanSession> session;
    std::string path;    // the plan file being edited; empty until first saved
    std::string source;  // what it was opened from (a plan file or a CSV table): names the autosave
    geo::PlanFile meta;  // name, author, status, version, boundaries (units and assignment unused)
    std::shared_ptr<const geo::PlanInputs> inputs;  // officer rules, tables, rollout recipe: kept for the next plan opened
    std::uint64_t autosaved_revision = 0;
    bool recovered = false;  // opened from an autosave: unsaved even before the first edit
    std::optional<StoreLink> stored;  // opened from or saved to the team's plan store

    bool modified() const;
    // A signed-off plan opens read-only: its file is never written over from here. The first edit
    // makes it a new draft version whose parent is the signed one (make_new_draft), with no file
    // until "Save as".
    bool read_only() const;
    std::string integrity_problem;  // a signed-off plan changed since sign-off: said in the title and on opening
    std::string autosave_key() const { return path.empty() ? source : path; }

    std::string title() const;  // "wardmap - MPS 12 BCU (2018)*", "wardmap - NAME (v2 signed off by X: read-only)", "... (v3 in the store)"
};

// Plan file or CSV table (by extension), checked against these wards. Throws InputError.
Document open_document(const geo::WardSet& wards, const std::string& path, const std::string& boundary_path,
                       const geo::PlanColumns& columns = {}, const geo::CodeChanges& changes = {},
                       std::shared_ptr<const geo::PlanInputs> inputs = {});
Document new_document(const geo::WardSet& wards, geo::Assignment assignment, geo::PlanFile meta, std::string path,
                      std::string source, std::shared_ptr<const geo::PlanInputs> inputs = {});

// The read-only document edited: a new draft version whose parent is the signed one, with no file.
void make_new_draft(Document& document);

// Writes the plan file atomically and marks the session saved; removes the autosave.
void save_document(const geo::WardSet& wards, Document& document, const std::string& path);
// Writes the autosave when the plan changed since the last one. Returns whether it wrote.
bool autosave(const geo::WardSet& wards, Document& document);
void discard_autosave(const Document& document);
// An autosave newer than the plan (or of a never-saved plan), if there is one.
std::string recoverable_autosave(const Document& document);
// The autosaved plan, opened as an unsaved change to the document.
Document recover(const geo::WardSet& wards, const Document& document, const std::string& autosave);

}  // namespace ui
