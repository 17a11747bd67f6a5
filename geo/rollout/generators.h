#pragma once
// Rollouts for the real option sets: so many wards per phase in priority order (Step Change,
// 2003), or command unit by command unit with the pathfinders first (SLP, 2017-2019); then edits
// by hand.
#include "geo/dissolve/grouping.h"
#include "geo/rollout/phase.h"
#include "geo/source/ward.h"

#include <string>
#include <vector>

namespace geo {

struct PhaseCount {
    Phase phase;
    int wards = 0;
};

// The Step Change options of 2003 (Appendix A), in financial years from April 2004:
// 1: 208 a year for 3 years; 2 (and 4): 96, 264, 264; 3 (and 5): 96, 176, 176, 176;
// 6: option 1 a year later. Options 4 and 5 differ from 2 and 3 only in crime growth, not wards.
// Throws InputError for any other number.
std::vector<PhaseCount> step_change_option(int option);
// `per_year` wards a year from `first` until `total` are live (the last year takes what is left).
std::vector<PhaseCount> level_growth(int per_year, int total, Date first);
// The same counts, every start `years` later.
std::vector<PhaseCount> deferred(std::vector<PhaseCount> counts, int years);

// What happens when the counts do not add up to the wards in the plan.
enum class Remainder {
    last_phase,  // the wards left over join the last phase
    own_phase,   // they get a phase of their own, "Remainder", a year after the last
};

// Fills the phases with `order` (every unit in a group, first to go first; priority.h). Notes say
// when the counts and the wards differ, and which wards the remainder is.
Rollout by_counts(const WardSet& set, const std::vector<std::size_t>& order, const std::vector<PhaseCount>& counts,
                  Remainder remainder = Remainder::last_phase);

// A tranche of whole command units going live together.
struct Tranche {
    Phase phase;
    std::vector<std::string> units;  // command unit codes
};

// Throws InputError for a command unit in no tranche, in two, or not in the grouping.
Rollout by_command_unit(const WardSet& set, const Grouping& grouping, const std::vector<Tranche>& tranches);
// CSV: unit_code, phase, start (YYYY-MM-DD); rows with the same phase form one tranche.
std::vector<Tranche> read_tranches(const std::string& path);

// The phase each command unit carries in the plan (the plan's `phase` column, a date such as
// 2018-06; the planner's CommandUnit::phase): each goes live whole then. A unit with no phase stays
// unscheduled, with a note. Throws InputError for a phase that is not a date.
Rollout from_unit_phases(const WardSet& set, const Grouping& grouping);

// A hand edit: ward `code` (or every ward of borough or command unit `code`) into phase `phase`.
// Throws InputError for an unknown code or phase. Adds a note.
void move_to_phase(Rollout& rollout, const WardSet& set, const Grouping& grouping, const std::string& code,
                   const std::string& phase);

}  // namespace geo
