#pragma once
// The planner's state between frames, and the one place commands are carried out: the edit goes
// to the session, the map follows (colours, changed outlines), and the status line says what
// happened. No ImGui here.
#include "geo/plan/apply.h"
#include "ui/map/map_layer.h"
#include "ui/map/view.h"
#include "ui/planner/commands.h"
#include "ui/planner/comparison.h"
#include "ui/planner/document.h"
#include "ui/planner/store_work.h"
#include "geo/model/plan_figures.h"

#include <optional>
#include <string>

namespace ui {

enum class Tool { paint, box, pan };

struct Planner {
    Planner(const geo::WardSet& wards_, std::string boundary, Document document_)
        : wards(wards_), boundary_path(std::move(boundary)), document(std::move(document_)), map(wards_) {}

    const geo::WardSet& wards;
    std::string boundary_path;
    Document document;
    MapLayer map;
    MapView view;
    std::optional<MapView> flying_to;

    Tool tool = Tool::paint;
    bool whole_boroughs = false;  // paint moves the borough under the cursor
    std::string active_unit;      // code painted with
    std::string status;           // last thing that happened, in the planner's words
    std::string error;            // shown in a dialog until dismissed
    std::string refused;          // why the last edit was refused (a replay stops on it); empty if applied
    bool quit = false;
    Show show;                    // what is drawn over the map
    StoreState store;             // the team plan store: where, and the work under way

    // Officers and rollout come from the session (shown_figures()); overlays.h keeps the fills in
    // step with them.
    bool wait_for_figures = false;        // a replay or screenshot shows every frame's figures current
    std::uint64_t coloured_revision = 0;  // the session revision the fills were made for
    std::uint64_t coloured_figures = 0;   // and the revision of the figures they showed
    ColourMode colour_mode = ColourMode::units;
    std::optional<geo::Date> timeline;  // wards not live on this date are greyed
    Colouring colouring;                // of colour_mode: fills and legend
    bool colours_dirty = true;

    CandidateRun candidates;                 // the Candidates panel's search, results and preview
    std::uint64_t coloured_preview = 0;      // the preview the fills were made for
    std::optional<Comparison> comparison;  // Compare with…: kept current by sync_overlays
};

// The officers and rollout to show this frame: the newest worked out (the current ones follow on
// another thread), or the current ones when the planner waits for them.
geo::LatestFigures shown_figures(const Planner& planner);

// Carries out a command. Errors from files become `error`, never an exception out of here.
void apply_command(Planner& planner, const Command& command);
// Takes the plan store's finished work, if any: the document it opened or merged, its message or
// error. Every frame, and after each store command.
void finish_store(Planner& planner, bool wait = false);
// The extent of a ward, borough or command unit by code ("all": every ward). Empty if unknown.
geo::Extent extent_of(const Planner& planner, const std::string& code);
// The new document replaces the old: the map is rebuilt from it.
void replace_document(Planner& planner, Document document);

}  // namespace ui
