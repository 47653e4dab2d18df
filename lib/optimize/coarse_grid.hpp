#pragma once
// The coarse start grid: the model restricted to shifts that start on the hour.
//
// Why. On a few weeks the LP relaxation is degenerate and slow: many shift
// columns a quarter of an hour apart, each with several break placements, cover
// nearly the same intervals. t4-two-15m's LP takes 9.7 s of a 30 s limit and each
// dive re-solve 7-53 s, so the dive never ends and the plan rounded from where it
// stopped was 14 % above the LP bound; w5-tight-1h's was 5.75 %. The same weeks
// with hourly starts only have a quarter of the columns: their LP takes about 1 s
// and their dive ends in 1-3 s, at 2.6 % (t4) and 0.8 % (w5) above the whole
// model's LP bound. Every plan of the restricted model is a plan of the whole one
// (the other columns at 0), so it is a start for CBC and the search there, never a
// bound.
//
// Which columns stay: every variable that is not an agents column; every column
// whose start is on the hour of its site's clock; every column of a start with a
// min_agents (its Limit row must stay satisfiable); and every column of a shift
// that has no start on the hour (a fixed 07:30 shift keeps its one start).
#include <vector>

#include "model/plan.hpp"
#include "optimize/columns.hpp"
#include "optimize/milp_model.hpp"

namespace staffplan::optimize {

// The grid's step: minutes of the site-local clock.
inline constexpr int kCoarseStartStepMinutes = 60;

// The variables of the restricted model, ascending; empty when the grid would
// keep every agents column (nothing coarser to solve).
std::vector<int> coarse_grid_vars(const Plan& plan, const ColumnSet& columns, const MilpModel& model);

}  // namespace staffplan::optimize
