#pragma once
// The bundled London 2014 wards with the bundled 12-BCU plan, and the scorer built on them with
// the bundled officer rules and ward tables: loaded once per test binary.
#include "geo/candidates/scoring_setup.h"
#include "geo/plan/plan.h"
#include "geo/plan/resolve.h"
#include "geo/source/load.h"
#include "support.h"

namespace wardmap_test {

inline const geo::WardSet& london_2014() {
    static const geo::WardSet wards = [] {
        geo::LoadOptions options;
        options.sources = {source_dir("shapes/london-wards-2014.gpkg")};
        return geo::load_units(options);
    }();
    return wards;
}

inline const geo::Grouping& mps_plan_2014() {
    static const geo::Grouping grouping =
        geo::resolve_plan(london_2014(), geo::read_plan(source_dir("datasets/plans/mps-12-bcu-2018.csv"))).grouping;
    return grouping;
}

inline const geo::PlanScorer& london_scorer() {
    static const geo::PlanScorer scorer = [] {
        geo::ScoringSources sources = geo::read_scoring_sources(london_2014(), mps_plan_2014(), {}, "");
        return geo::PlanScorer(london_2014(), geo::ward_facts(london_2014()), std::move(sources.setup));
    }();
    return scorer;
}

}  // namespace wardmap_test
