#pragma once
// Loads a MilpModel into a quiet OsiClpSolverInterface (shared by the LP
// relaxation, the diving heuristic and the CBC driver).
#include <coin/OsiClpSolverInterface.hpp>

#include "optimize/milp_model.hpp"

namespace staffplan::optimize {

void load_into(const MilpModel& model, OsiClpSolverInterface& solver, bool with_integers);

// Clp and CBC print a few diagnostics ("N slacks added" when a warm basis is
// repaired) with printf whatever their log level; stdout carries only the result,
// so it points at /dev/null while they run (nothing else writes it then).
class QuietStdout {
 public:
  QuietStdout();
  ~QuietStdout();
  QuietStdout(const QuietStdout&) = delete;
  QuietStdout& operator=(const QuietStdout&) = delete;

 private:
  int saved_ = -1;
};

}  // namespace staffplan::optimize
