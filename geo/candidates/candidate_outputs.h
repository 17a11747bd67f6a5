#pragma once
// What `wardmap candidates -o DIR` leaves for the planner: each candidate as a plan file the
// planner opens (candidate-001.wardplan, ... by rank, then the Pareto front's), a ranked
// candidates.csv with every score, and candidates.gpkg with one layer of every candidate's command
// units (candidate, rank, scores). Each file is written atomically.
#include "geo/candidates/borough_search.h"
#include "geo/planner/plan_file.h"

#include <string>
#include <vector>

namespace geo {

struct CandidateFiles {
    std::vector<std::string> plans;  // in the order of the CSV's rows
    std::string csv, geopackage;
};

// Throws OutputError when DIR cannot be made or holds candidate files and overwrite is false.
CandidateFiles write_candidates(const std::string& folder, const PlanScorer& scorer, const CandidateSearch& search,
                                const std::string& search_description, bool overwrite);

// The candidate as the planner's plan: its units named after the reference units they continue,
// in their colours (fresh ones for new units); wards it leaves out are left out.
Assignment candidate_assignment(const Candidate& candidate);

// The candidate as a plan file the planner opens (units named after the reference units they continue).
PlanFile candidate_plan_file(const WardSet& wards, const Candidate& candidate, const std::string& name);

}  // namespace geo
