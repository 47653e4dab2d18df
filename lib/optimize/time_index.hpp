#pragma once
// Where each variable and row of a model lies on the plan clock, for the solves
// that cut a model by time: the week-by-week solve of long horizons (weeks.cpp)
// and the parts' bound (part_bound.cpp). One mapping, so both cut the same way.
#include <vector>

#include "model/plan.hpp"
#include "optimize/columns.hpp"
#include "optimize/milp_model.hpp"

namespace staffplan::optimize {

// Whether every row is local in time (Cover, Capacity, Pool, Seats, Limit,
// GroupLimit, Round). Rows that span the horizon (a share choice, a day or week
// service level, weekly tours, deferrable work) tie every time slice together.
bool rows_local_in_time(const MilpModel& model);

// The interval of every variable (an agents column: its shift's start; else its
// own interval) and row (Limit: its start's; Round: its source row's; a row with
// neither: its first variable's), clamped to the horizon; −1 when there is none.
struct TimeIndex {
  std::vector<int> var, row;
};
TimeIndex time_index(const Plan& plan, const ColumnSet& columns, const MilpModel& model);

}  // namespace staffplan::optimize
