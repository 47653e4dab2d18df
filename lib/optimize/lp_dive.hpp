#pragma once
// The LP relaxation (Clp: dual simplex, then the barrier when the dual simplex
// has not finished within a few seconds) and a diving heuristic on it.
//
// Dive: repeatedly (1) keep every integer variable at least at the integer part of
// its LP value, (2) round up the most nearly integral fractional variables (largest
// fraction; one, or a small share of them while many are left), and (3) re-solve the LP warm-started from the previous basis, until
// the LP solution is integral. When rounding up makes the LP infeasible (seats or
// max agents), that variable is rounded down instead. Each re-solve costs a few
// dual simplex pivots, and the result is usually within a fraction of a percent of
// the LP bound, which CBC then only has to confirm or improve.
// Integrality tolerance: 1e-6 (values within it of an integer count as integral).
#include <atomic>
#include <chrono>
#include <optional>
#include <vector>

#include "optimize/milp_model.hpp"
#include "optimize/optimize.hpp"

namespace staffplan::optimize {

struct LpDiveResult {
  bool lp_feasible = false;
  // Clp's initialSolve installs its own SIGINT handler for the LP and stops on
  // Ctrl-C without telling us; an iteration-limit stop (we set no limit) is that.
  bool lp_interrupted = false;
  bool lp_out_of_time = false;          // Clp stopped at the time limit (its maximum seconds)
  double lp_objective = 0;              // the LP bound
  std::vector<double> lp_x;
  std::vector<double> lp_reduced_cost;  // at the LP optimum, before diving
  std::vector<double> lp_row_dual;      // the model's row duals at the LP optimum (cost = Aᵀ dual + reduced cost)
  std::optional<std::vector<double>> integer;  // the dive's integral solution, if any
  std::vector<double> dive_x;           // the dive's last LP solution (when it stopped early)
  bool dive_skipped = false;            // the LP ended after DiveOptions::start_by_share
};

// How the dive runs (all shares are of options.time_limit_s, counted from `started`).
struct DiveOptions {
  // The dive stops at this share of the time limit (the LP itself may use all of
  // it): what is left belongs to the neighbourhood search and CBC, which improve a
  // rounded start faster than a long dive finishes. 0: the LP alone.
  double until_share = 1.0;
  // No dive at all when the LP ends after this share: an LP that slow means dive
  // re-solves as slow (t4-two-15m: LP 9.7 s of 30, re-solves of 7-53 s), and the
  // caller has better uses for the time (optimize.cpp: the coarse start grid).
  double start_by_share = 1.0;
  // How long the dual simplex may run before the barrier takes over (unset: a few
  // seconds, see lp_dive.cpp; 0: the barrier straight away).
  std::optional<double> dual_limit_s;
  // Whether the dive also fixes a day or week goal's service-level increments, or
  // fixes agents only and leaves the increments to the rounding (lp_dive.cpp says
  // when each wins).
  bool on_increments = true;
};

// Gives up the LP or the dive when options.stop is set or the time limit (counted
// from `started`) passes: Clp gets the time left as its own maximum seconds, the
// dive checks the clock between re-solves. Reports progress through options.on_progress.
// The point to round: the dive's integer plan, else where the dive stopped, else
// the LP optimum. Empty when the LP was not solved.
inline const std::vector<double>& point_to_round(const LpDiveResult& r) {
  return r.integer ? *r.integer : r.dive_x.empty() ? r.lp_x : r.dive_x;
}

LpDiveResult solve_lp_and_dive(const MilpModel& model, const SolveOptions& options,
                               std::chrono::steady_clock::time_point started, const DiveOptions& dive = {});

}  // namespace staffplan::optimize
