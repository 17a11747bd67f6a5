#pragma once
// Officers and the rollout of the plan being edited, recomputed when the plan changes. The rules,
// tables and rollout generator are chosen on the command line (`wardmap view` takes the options
// of `allocate` and `rollout`); here they are only applied. No ImGui here.
#include "geo/officers/measure_tables.h"
#include "geo/planner/session.h"
#include "geo/rollout/adjacency.h"
#include "geo/rollout/phase_results.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace ui {

// Makes the rollout of a grouping (the CLI's generator, options bound). Throws geo::Error.
using RolloutMaker = std::function<geo::Rollout(const geo::UnitSet&, const geo::Grouping&, const geo::Adjacency&)>;

struct FigureInputs {
    std::optional<geo::OfficerRules> rules;  // none: no officers
    std::vector<geo::MeasureTable> tables;   // read once; joined again on every edit
    RolloutMaker make_rollout;               // empty: no rollout
    std::string rollout_source;              // "SLP tranches (datasets/rollout/...)", for the panel
    std::string officers_error;              // the rules or a table could not be read: shown instead
    // Nothing chosen on the command line: the bundled MPS rules, tables and SLP tranches. On other
    // data they need not fit; their failure is then a note, not an error.
    bool default_officers = false, default_rollout = false;
};

struct Figures {
    const geo::PlanSession* session = nullptr;  // with revision: what they were computed for
    std::uint64_t revision = 0;
    geo::Grouping grouping;
    std::optional<geo::Allocation> allocation;
    std::vector<geo::JoinResult> joins;
    std::string officers_error;                 // why there is no allocation
    std::optional<geo::Rollout> rollout;
    std::vector<geo::PhaseResult> phases;
    std::string rollout_error;
    double allocation_ms = 0, rollout_ms = 0;   // the last recompute, for the panel and the bench
};

// Recomputes when the session or its revision changed; returns whether it did. Errors of the rules,
// tables or generator go into officers_error / rollout_error: the window shows them, never throws.
bool refresh_figures(Figures& figures, const FigureInputs& inputs, const geo::UnitSet& wards, const geo::PlanSession& session,
                     std::optional<geo::Adjacency>& adjacency);

// What is live on `date`: the last phase started by then (nullptr: none yet) and per ward.
struct LiveOn {
    const geo::PhaseResult* phase = nullptr;
    std::vector<bool> ward;
    std::size_t wards_live = 0;
};
LiveOn live_on(const Figures& figures, geo::Date date);

}  // namespace ui
