#pragma once
// The ward-mode Markov chain behind `wardmap candidates --unit ward` and `wardmap ensemble`: ReCom
// (DeLord, Duchin et al., "Recombination: a family of Markov chains for redistricting", 2021).
// Each step merges two neighbouring command units, draws a uniformly random spanning tree of their
// wards (Wilson's algorithm, spanning_tree.h) and cuts one of its edges, chosen at random among
// those whose two sides keep every balance measure within its tolerance. Each side of a tree edge
// is connected, so contiguity holds by construction. Locked units never take part, locked wards
// keep their unit, and each keep-whole group (a borough) is one node of the graph the chain walks,
// expanded back to its wards in every sample. Plain data in and out: the caller loads the wards,
// their adjacency and weights, and scores the samples.
#include "geo/core/errors.h"
#include "geo/core/progress.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

namespace geo {

// One measure to balance: every command unit's total within ±tolerance of the mean (the total
// over all wards in the plan divided by the number of command units).
struct BalanceMeasure {
    std::string name;            // "crime", "population": for messages
    std::vector<double> weight;  // per ward, >= 0
    double tolerance = 0.1;      // 0.1 = ±10 %
};

// Wards that stay together in one command unit: a borough kept whole.
struct WardGroup {
    std::string name;  // "Westminster": for messages
    std::vector<std::size_t> wards;
};

struct WardChainInput {
    std::vector<std::vector<std::size_t>> neighbours;  // per ward: ward_adjacency(...).neighbours
    std::vector<int> start;                            // per ward: command unit 0 .. units - 1; negative: left out
    std::size_t units = 0;                             // k: every one must hold at least one ward in `start`
    std::vector<BalanceMeasure> balance;               // none: only contiguity, locks and groups
    std::vector<bool> locked_unit;                     // per unit or empty: never merged, its wards never move
    std::vector<bool> locked_ward;                     // per ward or empty: stays in its start unit
    std::vector<WardGroup> keep_whole;                 // groups must not overlap
    std::vector<std::string> unit_names;               // per unit or empty: "Central West" in messages
    std::vector<std::string> ward_names;               // per ward or empty: "E05000644 Abingdon" in messages
};

struct WardChainOptions {
    std::uint64_t seed = 1;        // chain c draws from stream c of this seed: the same plans on any machine
    std::size_t steps = 10000;     // per chain: proposals, accepted or rejected
    std::size_t chains = 0;        // 0: one per core; chains run in parallel, on at most one thread per core
    std::size_t thin = 1;          // visit a sample after every `thin` steps of a chain
    std::size_t tree_tries = 10;   // spanning trees drawn for one step before the step is rejected
    std::size_t stuck_after = 2000;  // a chain whose first `stuck_after` steps all fail is reported (0: never)
};

// The plan after `step` steps of chain `chain`. unit_of is per ward, like WardChainInput::start
// (left-out wards keep their negative value), and lives only during the call.
struct WardChainSample {
    std::size_t chain = 0;
    std::size_t step = 0;
    std::span<const int> unit_of;
};
// Called on the chain's own thread: calls for different chains may run at the same time, so keep
// what you gather per chain (by sample.chain). Throwing (geo::Cancelled) stops every chain and the
// exception leaves run_ward_chain.
using WardChainVisitor = std::function<void(const WardChainSample&)>;

struct WardChainCounts {
    std::size_t accepted = 0;  // steps that re-split their two units (possibly into the same plan)
    std::size_t rejected = 0;  // steps whose `tree_tries` trees had no balanced edge: the plan stays
    std::size_t trees = 0;     // spanning trees drawn
    std::size_t steps() const { return accepted + rejected; }
};

struct WardChainResult {
    std::vector<WardChainCounts> chains;  // per chain
    std::vector<std::vector<int>> last;   // per chain: the plan after its last step, as a sample's unit_of
    WardChainCounts total() const;
};

// Why a chain cannot start or cannot move.
enum class ChainProblemKind {
    empty_unit,      // a command unit with no ward in the start plan
    bad_weight,      // a negative or not-a-number weight
    split_group,     // a keep-whole group in two units of the start plan (or in two groups)
    not_contiguous,  // a command unit of the start plan in more than one piece
    out_of_balance,  // a command unit of the start plan outside the tolerance
    too_heavy,       // one ward or group alone above the upper limit: no plan can meet the tolerance
    nothing_to_move, // no two neighbouring command units are free to change
    stuck,           // a valid start, but none of the first `stuck_after` steps found a balanced split
    not_reached,     // balanced_start found no plan within the tolerance: the closest one's worst unit
};

struct ChainProblem {
    ChainProblemKind kind;
    int unit = -1;         // the command unit concerned, or -1
    std::string measure;   // the balance measure concerned, or empty
    double ratio = 0;      // out_of_balance, too_heavy, not_reached: weight / mean (1.31 = 31 % over);
                           // stuck: how far the closest split's worse side was from the mean (0.12 = 12 %)
    double tolerance = 0;  // the measure's tolerance
    std::string message;   // one sentence for a planner: what, which, by how much
};

// Everything that stops the chain before it starts, empty when it can run. Throws
// std::invalid_argument when the input's vectors disagree in size or name wards or units that do
// not exist (the caller's bug, not the planner's).
std::vector<ChainProblem> ward_chain_problems(const WardChainInput& input);

class ChainInfeasible : public InputError {
public:
    explicit ChainInfeasible(std::vector<ChainProblem> problems);
    const std::vector<ChainProblem>& problems() const noexcept { return problems_; }

private:
    std::vector<ChainProblem> problems_;
};

// Runs options.chains chains from input.start for options.steps steps each, visiting every
// `thin`-th plan. Throws ChainInfeasible with ward_chain_problems(input) when there are any, or a
// `stuck` problem when a chain cannot move. The counts and plans depend only on the input and the
// seed, not on the number of cores or on timing. `progress` gets ("ReCom", steps done / all steps)
// from the chains' threads, one call at a time.
WardChainResult run_ward_chain(const WardChainInput& input, const WardChainOptions& options,
                               const WardChainVisitor& visit = {}, const Progress& progress = {});

// A start plan that meets the balance tolerances, for when input.start does not (the MPS plan's
// Central West holds 1.515 times the mean crime): balance-seeking ReCom steps from input.start,
// where a pair of units out of tolerance is re-split where it comes closest to it, never further
// from the mean than its worse unit was. Returns input.start when it already meets them, else the
// first plan that meets every rule (per ward, like a sample's unit_of); deterministic for the seed.
// Throws ChainInfeasible for what it cannot mend (a ward or group too heavy, a locked unit out of
// balance, a broken start plan) and, after `max_steps`, with the closest plan's worst unit and by how much.
std::vector<int> balanced_start(const WardChainInput& input, std::uint64_t seed = 1, std::size_t max_steps = 100000);

}  // namespace geo
