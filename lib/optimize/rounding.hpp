#pragma once
// LP rounding and repair: turns the LP optimum into a good integer start for CBC.
// The model is a covering problem (Cover rows) with packing side constraints
// (Seats, GroupLimit, Limit) and, for shared groups, Capacity rows that an
// allocation y draws on; the variables are found by family, so:
//   1. round every agents variable x down (the result respects every packing row)
//      and keep the LP's allocation, scaled down where the rounded agents cannot
//      carry it;
//   2. repair: for each short row in order, first move free shared-group capacity
//      into it, then add one agent to the column that covers the most remaining
//      shortage (directly or as shared capacity) per unit cost without breaking a
//      ≤ row, until the row holds (soft coverage: the rest becomes shortfall u);
//   2b. day and week service level: fill each Increment row's z in step order as
//      far as the coverage above the floor allows, then, while a ServiceLevel row
//      is short, add the agent that buys the most service-level credit per cost
//      (refilling the z it unlocks);
//   3. remove: from the most expensive column down, take agents away while every
//      row still holds (soft coverage: while the added shortfall costs no more than
//      the agent). An agent whose removal costs nothing is removed whatever its own
//      cost, so agents at an hourly cost of 0 are not kept when nobody needs them
//      (minimise cost first, then agents).
// Returns nothing when repair cannot satisfy a hard row (CBC then searches alone).
#include <optional>
#include <vector>

#include "optimize/milp_model.hpp"

namespace staffplan::optimize {

std::optional<std::vector<double>> round_and_repair(const MilpModel& model,
                                                    const std::vector<double>& lp_solution);

// The greedy plan: repair from no agents at all, then removal; for when the clock
// left no LP point to round (a week of a long plan, a week whose LP did not finish).
std::optional<std::vector<double>> greedy_plan(const MilpModel& model);

// Step 3 alone on a feasible integer solution (e.g. CBC's): never raises its
// objective, drops every agent nobody needs (free ones included).
std::vector<double> remove_redundant(const MilpModel& model, std::vector<double> x);

}  // namespace staffplan::optimize
