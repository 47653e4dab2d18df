#pragma once
// The MILP with CBC, through its C++ API (OsiClpSolverInterface, CbcModel + CbcMain0/CbcMain1). CBC runs
// with its standard cut generators, heuristics and preprocessing, log level 0 (the
// library never prints), a fixed random seed, and stops on the first of:
//   - relative gap (best − bound) / best ≤ SolveOptions::relative_gap ("-ratio");
//   - wall-clock time limit ("-sec" with "-timeMode elapsed");
//   - SolveOptions::stop, polled by a CbcEventHandler at every node and solution.
// Determinism: with one thread CBC is deterministic for a given model and start;
// with more threads its search order can change (see README).
#include <chrono>
#include <optional>
#include <vector>

#include "optimize/milp_model.hpp"
#include "optimize/optimize.hpp"

namespace staffplan::optimize {

struct MipResult {
  std::optional<std::vector<double>> x;  // best integer solution found, if any
  double objective = 0;
  double bound = 0;                      // best proven lower bound
  bool proven_infeasible = false;
  bool interrupted = false;              // SolveOptions::stop was set
  bool hit_time_limit = false;
};

// `start`: a feasible integer solution handed to CBC as its first incumbent.
MipResult solve_mip(const MilpModel& model, const std::vector<double>* start,
                    const SolveOptions& options, double seconds_left,
                    std::chrono::steady_clock::time_point started);

}  // namespace staffplan::optimize
