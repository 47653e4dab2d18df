#pragma once
// Writes a MilpModel as an MPS file (through Clp's writer), with every variable and
// row named by its family (x[12], Cover(0,17), Round(40,0), ...). A debugging and
// checking path only: the model can then be solved by another solver (scipy's
// HiGHS, scripts/highs_check.py) to tell whether a gap is the incumbent's or the
// bound's. The solver phases never call it.
#include <string>

#include "optimize/milp_model.hpp"

namespace staffplan::optimize {

// Writes `path` (Clp appends nothing: pass the full name, e.g. "week.mps").
// Throws std::runtime_error when the file cannot be written.
void write_mps(const MilpModel& model, const std::string& path);

}  // namespace staffplan::optimize
