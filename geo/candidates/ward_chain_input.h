#pragma once
// The ward chain's plain input (ward_chain.h) from what wardmap loads: the wards, their adjacency,
// a plan being edited, the weights to balance, the units to lock and the boroughs to keep whole.
#include "geo/candidates/ward_chain.h"
#include "geo/planner/assignment.h"
#include "geo/rollout/adjacency.h"
#include "geo/source/ward.h"

#include <string>
#include <vector>

namespace geo {

struct WardChainSetup {
    std::vector<BalanceMeasure> balance;    // weights per ward of `wards`
    std::vector<std::string> locked_units;  // command unit codes, besides those the plan itself locks
    bool keep_boroughs_whole = false;       // every parent (borough) one group
    std::vector<std::string> keep_whole;    // parent codes kept whole (with or without the flag)
};

// Wards the plan leaves out or has not assigned yet stay out of the chain. Throws InputError for a
// locked unit or keep-whole parent code that is not in the plan or the wards, listing those that are.
WardChainInput ward_chain_input(const WardSet& wards, const Adjacency& adjacency, const Assignment& plan,
                                const WardChainSetup& setup);

}  // namespace geo
