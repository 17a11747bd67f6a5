#pragma once
// The scores of a plan, per command unit and for the plan as a whole: workload balance (demand
// against officers as the rules allocate them), balance of population, area and other measures,
// compactness, boroughs per unit, reach to a headquarters, and core retention against a reference
// plan. Pure: built once from the wards' figures (PlanScorer), then any plan over those wards is
// scored in well under a millisecond. Used by `wardmap score`, `wardmap candidates`, `wardmap
// ensemble` and the planner's statistics panel alike.
#include "geo/candidates/ward_facts.h"
#include "geo/dissolve/grouping.h"
#include "geo/officers/rules.h"

#include <optional>
#include <string>
#include <vector>

namespace geo {

// One number per ward (parallel to WardSet::units).
struct WardMeasure {
    std::string name;            // crime, population, area, or a field name
    std::vector<double> of_ward; // missing values are 0, and counted in `missing`
    std::size_t missing = 0;
};

struct Station {
    std::string name;
    double x_km = 0, y_km = 0;  // on the same flat frame as WardFacts
};

// Everything but the plan: what is measured and against what.
struct ScoringSetup {
    WardMeasure demand;                       // what officers' workload is measured by (recorded crime)
    std::optional<WardMeasure> population;    // weights reach and retention; none: each ward counts once
    std::vector<WardMeasure> balance;         // further measures whose balance is reported (area is always)
    std::optional<OfficerRules> rules;        // none: no officers, no workload balance
    std::vector<WardMeasure> pool_measures;   // the measures the rules' pools weight by
    std::vector<int> reference_unit;          // per ward: the reference plan's unit (-1: none); empty: no reference
    std::vector<GroupInfo> reference_units;
    std::vector<Station> stations;            // empty: each unit's headquarters is its best ward centroid
};

struct UnitScore {
    std::string code, name;
    std::size_t wards = 0, parents = 0;
    double demand = 0, officers = 0, demand_per_officer = 0;
    double demand_share = 0, officer_share = 0;  // of the plan's totals, 0..1
    double population = 0, area_km2 = 0;
    std::vector<double> deviation_pct;           // parallel to PlanScores::balance_names: from the plan's mean
    double polsby_popper = 0;                    // 4πA/P², 1 for a disc
    double reach_mean_km = 0, reach_p95_km = 0;  // population-weighted, ward centroids to headquarters
    std::string headquarters;                    // the ward (code name) or station
    std::string matched_reference;               // the reference unit it continues (code), "" if none
};

struct PlanScores {
    std::vector<UnitScore> units;                 // parallel to the plan's command units
    std::vector<std::string> balance_names;       // demand name, population, area, then ScoringSetup::balance
    std::vector<double> max_deviation_pct;        // parallel: the largest |deviation| of any unit
    bool has_officers = false;
    double workload_ratio = 0;                    // max/min demand per officer over units
    double workload_cv = 0;                       // coefficient of variation of demand per officer
    double polsby_popper_mean = 0, polsby_popper_min = 0;
    std::size_t borders_cut = 0;                  // ward boundaries between different units
    std::size_t parents_min = 0, parents_max = 0, parents_split = 0;
    double reach_mean_km = 0, reach_p95_km = 0;   // over all wards of the plan
    bool has_reference = false;
    double retained_wards = 0, retained_population = 0, retained_officers = 0;  // shares 0..1
    std::vector<std::size_t> moved_wards;         // wards whose unit is not the one continuing their reference unit
};

// A unit's officers as the rules allocate them, from the sums of its wards (as geo::allocate
// works them out, without the findings): fixed ward posts, leadership and pool shares.
struct UnitOfficers {
    int dwo = 0, leadership = 0;
    std::vector<int> pool_posts;
    int officers() const;
};

class PlanScorer {
public:
    // Throws InputError when a measure's length does not match the wards.
    PlanScorer(const WardSet& wards, WardFacts facts, ScoringSetup setup);

    // unit_of_ward: each ward's command unit (index into units, -1: in none).
    PlanScores score(const std::vector<int>& unit_of_ward, const std::vector<GroupInfo>& units) const;

    const WardFacts& facts() const { return facts_; }
    const ScoringSetup& setup() const { return setup_; }
    const WardSet& wards() const { return *wards_; }

    // Officers of each unit (parallel to units) by the rules; empty without rules.
    std::vector<UnitOfficers> officers(const std::vector<int>& unit_of_ward, const std::vector<GroupInfo>& units) const;

private:
    const WardSet* wards_;
    WardFacts facts_;
    ScoringSetup setup_;
    std::vector<int> parent_of_ward_;            // index of the ward's parent code
    std::size_t parent_count_ = 0;
    std::vector<double> reference_officers_;     // per ward: its officers in the reference plan (retention)
    // Ward-to-ward distances (km), kept when there are few enough wards: finding each unit's
    // headquarters is most of the time a plan's scoring takes.
    std::vector<float> distance_;
    double distance(std::size_t a, std::size_t b) const;
};

// The per-ward values of a measure by its name in PlanScores::balance_names (the demand, the
// population, area or a further balance field). Throws InputError naming those there are.
const std::vector<double>& ward_measure(const PlanScorer& scorer, const std::string& name);

// Each ward's share of its unit's officers in a plan: its own fixed posts plus the unit's pool
// posts in proportion to the ward's weight in each pool (leadership stays with the unit).
std::vector<double> officers_of_wards(const PlanScorer& scorer, const std::vector<int>& unit_of_ward,
                                      const std::vector<GroupInfo>& units);

}  // namespace geo

namespace geo {

// The plan-wide scores by name, in one list: what `score`, `candidates.csv`, the ensemble figure,
// the percentiles and the planner show, in this order.
struct ScoreColumn {
    const char* key;    // csv/json name
    const char* label;  // for people
    const char* unit;   // "", "%", "km"
    bool lower_is_better;
    double (*of)(const PlanScores&);
};
const std::vector<ScoreColumn>& score_columns();
const ScoreColumn& score_column(const std::string& key);  // throws InputError listing the keys

// Share of `values` no better than `value` (equal counts as no better), 0..100: the reference plan's
// percentile, as the ensemble figure (render/charts/ensemble_figure.h) prints it. Values that are not
// finite are left out; NaN when none is finite or `value` is not.
double percentile_among(const std::vector<double>& values, double value, bool lower_is_better);

}  // namespace geo
