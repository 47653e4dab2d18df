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
#include <limits>
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
  bool hit_node_limit = false;           // stopped at MipLimits::max_nodes: its end proves nothing
  // With MipLimits::seat_counts: CBC's LP at its first node, after the root's cuts,
  // over the model's own variables (empty if the run never got there). Far closer
  // to a plan than the LP relaxation; the search's floor and RINS start from it.
  std::vector<double> root_x;
};

// What one CBC run may spend and what it reports. A sub-MIP of the neighbourhood
// search (neighbourhood.hpp) reports the whole problem's incumbent and bound, not
// its own: `objective_offset` is the cost of the variables fixed outside it and
// `global_bound` the honest bound of the whole problem.
struct MipLimits {
  double seconds = 0;                      // wall-clock for this run (the global deadline also holds)
  long max_nodes = -1;                     // branch-and-bound nodes; -1 = no limit
  double cutoff = std::numeric_limits<double>::infinity();  // only cheaper solutions count
  double objective_offset = 0;
  std::optional<double> global_bound;
  // Stop once the incumbent is within this much (absolute) of CBC's bound; a sub-MIP
  // gets the whole problem's gap in cost units, its own objective leaving out the offset.
  std::optional<double> absolute_gap;
  // Stop (as at the time limit) once neither CBC's incumbent nor its bound has moved
  // for this many seconds: a run that has stalled gives its time back to the caller.
  // A sub-MIP (global_bound set) has stalled when its incumbent has not moved
  // (stall_watch.hpp has the whole rule).
  std::optional<double> stall_seconds;
  // CBC sees the sites' headcounts as integers, with its preprocessing off so it
  // keeps them (seat_counts.hpp): a higher root bound and a root LP close to a plan
  // (MipResult::root_x), but fewer plans of CBC's own. Such a run reports its
  // root's bound only and never a proof: its tree once closed above the optimum.
  bool seat_counts = false;
  // CBC without its preprocessing and cut generators. On a small sub-MIP (a block
  // cut down to the LP's support, neighbourhood.hpp) they take most of the run and
  // change nothing: a t4-two-15m day block of 225 variables reaches its proven
  // optimum in 0.18 s, against 1.46 s with them.
  bool plain = false;
};

// `start`: a feasible integer solution handed to CBC as its first incumbent.
MipResult solve_mip(const MilpModel& model, const std::vector<double>* start,
                    const SolveOptions& options, const MipLimits& limits,
                    std::chrono::steady_clock::time_point started);

}  // namespace staffplan::optimize
