#pragma once
// Everything worked out from a plan being edited: the boroughs dissolved once, each command unit's
// shape, the statistics, the findings, and (on demand) the officers and rollout. The session tells
// it which command units an edit touched; only those are dissolved again. No window, no files.
#include "geo/dissolve/dissolve.h"
#include "geo/model/plan_figures.h"
#include "geo/plan/apply.h"
#include "geo/planner/assignment.h"
#include "geo/validate/validate.h"

#include <cstdint>
#include <future>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace geo {

// One row of the statistics panel.
struct UnitStats {
    std::string code;
    std::size_t wards = 0, parents = 0;  // parents: boroughs with at least one ward in the unit
    double area = 0, perimeter = 0, polsby_popper = 0;  // m², m, 4πA/P²
    int parts = 0, holes = 0;
    bool contiguous = true;     // one part
    bool whole_parents = true;  // no borough of it shared with another command unit
    std::vector<std::optional<double>> values;         // parallel to WardSet::fields; numeric fields, aggregated
    std::vector<std::optional<double>> deviation_pct;  // of each value from the mean over command units
};

struct SessionOptions {
    DissolveOptions dissolve;
    ValidateOptions validate;
    std::shared_ptr<const PlanInputs> inputs;  // officer rules, tables and rollout recipe; null: no officers or rollout
};

struct LatestFigures {
    const PlanFigures* figures = nullptr;  // null: none worked out yet
    std::uint64_t revision = 0;            // of the plan they were worked out for
    bool current = false;                  // of the plan as it is now
};

class WorkedPlan {
public:
    WorkedPlan(const WardSet& wards, const Assignment& assignment, SessionOptions options);

    // Dissolves these command units again from their current wards (whole boroughs merged from the
    // borough shapes) and re-checks their contiguity; codes no longer in the plan are forgotten.
    void redissolve(const Assignment& assignment, const std::set<std::string>& codes);
    // Names and colours of the units changed without their wards (findings use the names).
    void rename(const std::vector<CommandUnit>& units);
    // Statistics and findings of the whole plan from the per-unit results: cheap, linear in wards.
    void refresh(const Assignment& assignment, std::vector<Finding> locked_conflicts);
    // A finding for wards an edit left in a locked unit, placed on the first of them.
    Finding locked_conflict(const CommandUnit& locked, const std::vector<std::string>& codes) const;

    const GEOSGeometry* shape(const std::string& code) const;  // null when the unit has no ward
    const std::vector<UnitStats>& stats() const { return stats_; }
    const DissolveResult& parents() const { return parents_; }
    const std::vector<Finding>& findings() const { return findings_; }
    const SessionOptions& options() const { return options_; }

    // The plan as the exports and briefing maps take it: copies of the shapes held here, no dissolve.
    AppliedPlan applied(const Assignment& assignment) const;
    // Officers and rollout of the plan at `revision`: worked out now if they are not yet (after
    // waiting for any being worked out in the background).
    const PlanFigures& figures(const Assignment& assignment, std::uint64_t revision) const;
    // Without waiting: the newest figures worked out so far, and for which revision. When they are
    // not of `revision`, the current ones are worked out on another thread (on London's wards
    // they take under a millisecond, on the 34,753 LSOAs of England and Wales over 20 ms: a
    // window must not wait for them every edit).
    LatestFigures latest_figures(const Assignment& assignment, std::uint64_t revision) const;
    // Which wards share a boundary, once a rollout has needed it (null before).
    const Adjacency* known_adjacency() const;
    // The scorer of plans over these wards (made with the first figures: waits for them if need
    // be); null when the inputs ask for no scores or it could not be made (`scores_error` says why).
    std::shared_ptr<const PlanScorer> scorer(const Assignment& assignment, std::uint64_t revision) const;
    ~WorkedPlan();

private:
    std::optional<Location> location_of_ward(const std::string& code) const;
    // A point inside the ward, made once: contiguity checks and findings' locations ask again after
    // every edit, for every ward of the units it changed.
    geos::Point interior_point(std::size_t ward) const;
    std::optional<Location> location_of_parent(const std::string& code) const;
    void collect_findings(const Assignment& assignment, std::vector<Finding> locked_conflicts);

    const WardSet& wards_;
    SessionOptions options_;
    Grouping by_parent_;
    DissolveResult parents_;
    std::unordered_map<std::string, std::size_t> ward_index_;
    mutable std::vector<std::optional<geos::Point>> interior_points_;  // by ward, as asked (main thread only)
    std::unordered_map<std::string, std::size_t> parent_index_;   // parent code -> index in parents_.units
    std::unordered_map<std::string, DissolvedUnit> dissolved_;    // by command unit code; absent when empty
    std::unordered_map<std::string, std::vector<Finding>> contiguity_;
    std::vector<UnitStats> stats_;
    std::vector<Finding> findings_;

    // What is of the wards, not the plan: worked out on the first figures that need it, then kept.
    struct WardCache {
        std::shared_ptr<const Adjacency> adjacency;
        std::shared_ptr<const PlanScorer> scorer;
        std::string scorer_error;
        bool scorer_tried = false;
    };
    struct Worked {
        PlanFigures figures;
        WardCache cache;
    };
    static Worked work_out(const WardSet& wards, Grouping grouping, std::shared_ptr<const PlanInputs> inputs, WardCache cache);
    void collect(bool wait) const;  // takes the background result when it is there (or waits for it)

    mutable WardCache cache_;
    mutable std::optional<PlanFigures> figures_;
    mutable std::uint64_t figures_revision_ = 0;
    mutable std::future<Worked> job_;          // figures being worked out in the background
    mutable std::uint64_t job_revision_ = 0;
};

}  // namespace geo
