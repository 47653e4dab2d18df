#pragma once
// Result extraction: a solver vector -> assignments and per-interval coverage.
#include <vector>

#include "model/plan.hpp"
#include "optimize/columns.hpp"
#include "optimize/milp_model.hpp"
#include "optimize/optimize.hpp"

namespace staffplan::optimize {

// Fills schedule.assignments (sorted by site, group, start, shift, breaks),
// schedule.coverage, schedule.allocation, paid_cost, shortfall_cost and cost from solution x.
void extract(const Plan& plan, const require::Requirement& requirement, const ColumnSet& columns,
             const MilpModel& model, const std::vector<double>& x, Schedule& schedule);

}  // namespace staffplan::optimize
