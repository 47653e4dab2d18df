#pragma once
// Loads a MilpModel into a quiet OsiClpSolverInterface (shared by the LP
// relaxation, the diving heuristic and the CBC driver).
#include <coin/OsiClpSolverInterface.hpp>

#include "optimize/milp_model.hpp"

namespace staffplan::optimize {

void load_into(const MilpModel& model, OsiClpSolverInterface& solver, bool with_integers);

}  // namespace staffplan::optimize
