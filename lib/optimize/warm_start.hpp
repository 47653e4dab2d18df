#pragma once
// A given plan's agents as a point of the model (SolveOptions::start), for the
// solver to start from.
#include <vector>

#include "optimize/columns.hpp"
#include "optimize/milp_model.hpp"
#include "optimize/optimize.hpp"

namespace staffplan::optimize {

// x per agents variable (0 elsewhere). An assignment that matches no variable of
// the model (another plan's shift, or a column the formulation dropped as a dearer
// duplicate, which the same plan's solver never picks) is left out.
std::vector<double> start_point(const ColumnSet& set, const MilpModel& model,
                                const std::vector<Assignment>& start);

}  // namespace staffplan::optimize
