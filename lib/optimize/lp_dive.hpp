#pragma once
// The LP relaxation (Clp, dual simplex) and a diving heuristic on it.
//
// Dive: repeatedly (1) keep every integer variable at least at the integer part of
// its LP value, (2) round up the most nearly integral fractional variables (largest
// fraction; one, or a small share of them while many are left), and (3) re-solve the LP warm-started from the previous basis, until
// the LP solution is integral. When rounding up makes the LP infeasible (seats or
// max agents), that variable is rounded down instead. Each re-solve costs a few
// dual simplex pivots, and the result is usually within a fraction of a percent of
// the LP bound, which CBC then only has to confirm or improve.
// Integrality tolerance: 1e-6 (values within it of an integer count as integral).
//
// The LP: dual simplex solves most family weeks in 1.3–3.5 pivots per row, and
// Clp's barrier (with crossover) is 2–40× slower there; but on some weeks the dual
// pivots far longer (t4-two-15m, two breaks at 15 minutes: 43 000 pivots on 2 023
// rows, 38 s, against 10 s of barrier; f3-flat-2s: 9 pivots per row, 5.2 s against
// 0.9 s). The dual gets `dual_pivots` pivots (below 0: the default,
// max(kDualPivotsPerRow × rows, kMinDualPivots)), then the barrier
// solves the LP from scratch and its crossover basis warm-starts the dive. A pivot
// count, not the clock, decides, so the choice is the same on every run.
#include <atomic>
#include <chrono>
#include <optional>
#include <vector>

#include "optimize/milp_model.hpp"
#include "optimize/optimize.hpp"

namespace staffplan::optimize {

// The dual's pivots before the barrier: this many per row, at least
// kMinDualPivots. Per row ≥ 6: w5-tight-1h needs 5.0 per row (23 517 pivots,
// 15 s, against 7 s of barrier) and would lose most of them by switching. The
// floor keeps the dual on every family week but t4-two-15m (43 321 pivots):
// f3-flat-2s (9 151 pivots, 9.1 per row) and w7-min-1h (8 655, 6.4 per row) solve
// faster in the barrier, but the dive from its crossover vertex ended 1 % higher on
// f3 (165 330 against 163 635 at 15 s, load 5).
inline constexpr int kDualPivotsPerRow = 6;
inline constexpr int kMinDualPivots = 12000;

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
};

// Gives up the LP or the dive when options.stop is set or the time limit (counted
// from `started`) passes: Clp gets the time left as its own maximum seconds, the
// dive checks the clock between re-solves. Reports progress through options.on_progress.
// The dive stops at `dive_share` of the time limit (the LP itself may use all of
// it): what is left belongs to the neighbourhood search and CBC, which improve a
// rounded start faster than a long dive finishes.
LpDiveResult solve_lp_and_dive(const MilpModel& model, const SolveOptions& options,
                               std::chrono::steady_clock::time_point started,
                               double dive_share = 1.0,
                               int dual_pivots = -1);

}  // namespace staffplan::optimize
