#include "optimize/lp_dive.hpp"

#include <algorithm>
#include <cmath>
#include <memory>
#include <numeric>

#include "optimize/clp_load.hpp"
#include "optimize/lp_form.hpp"
#include "optimize/limits.hpp"

#include <coin/ClpSolve.hpp>

namespace staffplan::optimize {
namespace {

constexpr double tol = detail::kIntegralTolerance;
// A stop this close to the deadline is Clp's wall-clock limit, not an answer.
constexpr double time_tol = 0.05;
// Rounds fix 1 + (fractional variables) / batch_divisor variables at once.
constexpr std::size_t batch_divisor = 20;
// The dual simplex gets this long (at least dual_min_seconds, else this share of
// the time limit) before the LP is solved again by the barrier (with crossover,
// for the dive's basis). On the benchmark family the dual simplex is faster on 21
// of 24 weeks (all under 2.5 s, where the barrier takes up to 10 s) but needs
// 16 s on w5-tight-1h and 44 s on t4-two-15m, where the barrier takes 6 s and 9 s:
// the degenerate weeks with many long break-window columns.
constexpr double dual_min_seconds = 3.0;
constexpr double dual_share = 0.15;

double fraction(double x) { return x - std::floor(x + tol); }

}  // namespace

LpDiveResult solve_lp_and_dive(const MilpModel& model, const SolveOptions& options,
                               std::chrono::steady_clock::time_point started, const DiveOptions& dive) {
  using Clock = std::chrono::steady_clock;
  const auto deadline =
      started + std::chrono::milliseconds(static_cast<long long>(options.time_limit_s * 1000));
  const auto dive_deadline =
      started + std::chrono::milliseconds(static_cast<long long>(dive.until_share * options.time_limit_s * 1000));
  double last_report = -1;
  LpDiveResult result;
  const QuietStdout quiet;
  OsiClpSolverInterface solver;
  load_into(differenced(model), solver, false);  // same LP, a tenth of the entries
  const auto seconds_left = [&] {
    return std::chrono::duration<double>(deadline - Clock::now()).count();
  };
  // Clp counts its maximum wall seconds from the moment they are set.
  const double dual_seconds = dive.dual_limit_s ? *dive.dual_limit_s : std::max(dual_min_seconds, dual_share * options.time_limit_s);
  bool dual_out_of_time = true;
  if (dual_seconds > 0) {
    solver.getModelPtr()->setMaximumWallSeconds(std::max(0.01, std::min(dual_seconds, seconds_left())));
    // Dual simplex first: Clp's automatic choice took 7.2 s against 4.1 s on a
    // tight-seat family week (f8-small-tight), and its "idiot" crash can crash.
    ClpSolve lp_options;
    lp_options.setSolveType(ClpSolve::useDual);
    lp_options.setPresolveType(ClpSolve::presolveOff);
    solver.setSolveOptions(lp_options);
    const auto dual_started = Clock::now();
    solver.initialSolve();
    dual_out_of_time = std::chrono::duration<double>(Clock::now() - dual_started).count() >= dual_seconds - time_tol;
  }
  if (!solver.isProvenOptimal() && !solver.isProvenPrimalInfeasible() && !solver.isProvenDualInfeasible() &&
      dual_out_of_time && seconds_left() > time_tol && !(options.stop && options.stop->load())) {
    ClpSolve barrier;
    barrier.setSolveType(ClpSolve::useBarrier);
    barrier.setPresolveType(ClpSolve::presolveOff);
    solver.getModelPtr()->setMaximumWallSeconds(std::max(0.01, seconds_left()));
    // On the Clp model itself: through OsiClpSolverInterface::initialSolve the same
    // barrier did not finish t4-two-15m in 25 s (9 s here). The warm start then
    // hands the crossover's basis to the interface, for the dive's re-solves.
    solver.getModelPtr()->initialSolve(barrier);
    const std::unique_ptr<CoinWarmStart> basis(solver.getWarmStart());
    solver.setWarmStart(basis.get());
  }
  if (!solver.isProvenOptimal()) {
    result.lp_out_of_time = seconds_left() <= time_tol;
    result.lp_interrupted = solver.isIterationLimitReached();
    return result;
  }
  result.lp_feasible = true;
  result.lp_objective = solver.getObjValue();
  const int n = model.num_vars();
  result.lp_x.assign(solver.getColSolution(), solver.getColSolution() + n);
  result.lp_reduced_cost.assign(solver.getReducedCost(), solver.getReducedCost() + n);
  // Clp solved the differenced rows (row r minus row r − 1): the model's row r has
  // the dual of differenced row r minus that of row r + 1.
  const double* price = solver.getRowPrice();
  const int rows = model.num_rows();
  result.lp_row_dual.resize(rows);
  for (int r = 0; r < rows; ++r) result.lp_row_dual[r] = price[r] - (r + 1 < rows ? price[r + 1] : 0.0);

  if (std::chrono::duration<double>(Clock::now() - started).count() > dive.start_by_share * options.time_limit_s) {
    result.dive_skipped = true;
    return result;
  }
  std::vector<double> x = result.lp_x;
  // Bounded by the number of variables: every round fixes at least one more.
  for (int round = 0; round < n; ++round) {
    result.dive_x = x;  // where the dive stands, should it stop here
    if ((options.stop && options.stop->load()) || Clock::now() > dive_deadline) return result;
    const double elapsed = std::chrono::duration<double>(Clock::now() - started).count();
    if (options.on_progress && elapsed - last_report >= 0.25) {
      last_report = elapsed;
      options.on_progress(Progress{elapsed, std::nullopt, result.lp_objective, std::nullopt});
    }
    std::vector<int> fractional;
    bool fractional_increments = false;
    for (int v = 0; v < n; ++v) {
      if (!model.integer[v]) continue;
      const double f = fraction(x[v]);
      // A day or week goal's service-level steps (increment variables) follow from
      // the agents: fixing one up forces an agent into its interval. Diving on them
      // took the help-desk week (LP 46 010) to a 75 088 plan; left to the rounding,
      // which fills them from the agents, it starts from 46 384. On the family's
      // one-site day goal it is the other way round: 53 760 against 54 075.
      if (!dive.on_increments && model.is(v, VarFamily::increment)) {
        fractional_increments = fractional_increments || (f > tol && f < 1 - tol);
        continue;
      }
      if (f > tol && f < 1 - tol) fractional.push_back(v);
      // Keep what the LP already gives in whole agents.
      if (x[v] >= 1 - tol) solver.setColLower(v, std::max(model.col_lb[v], std::floor(x[v] + tol)));
    }
    if (fractional.empty() && fractional_increments) return result;  // dive_x: whole agents, for the rounding
    if (fractional.empty()) {
      std::vector<double> integral(n);
      for (int v = 0; v < n; ++v) integral[v] = model.integer[v] ? std::round(x[v]) : x[v];
      result.integer = std::move(integral);
      return result;
    }
    // The most nearly integral variables first (first on ties). One per round is
    // best (0.08 % above the LP bound on the issue-4 week, against 0.35 % for large
    // batches) but needs a re-solve per fractional variable; while many are left,
    // a small share of them goes at once, so the dive ends inside its time.
    std::stable_sort(fractional.begin(), fractional.end(),
                     [&](int a, int b) { return fraction(x[a]) > fraction(x[b]); });
    const std::size_t batch = 1 + fractional.size() / batch_divisor;
    for (std::size_t k = 0; k < batch; ++k)
      solver.setColLower(fractional[k], std::ceil(x[fractional[k]] - tol));
    solver.getModelPtr()->setMaximumWallSeconds(std::max(0.01, seconds_left()));
    solver.resolve();
    if (!solver.isProvenOptimal() && seconds_left() <= time_tol) return result;
    if (!solver.isProvenOptimal()) {
      // Rounding this batch up breaks a seat or agent limit: round it down instead.
      for (std::size_t k = 0; k < batch; ++k) {
        const int v = fractional[k];
        solver.setColLower(v, std::max(model.col_lb[v], std::floor(x[v] + tol)));
        solver.setColUpper(v, std::floor(x[v] + tol));
      }
      solver.getModelPtr()->setMaximumWallSeconds(std::max(0.01, seconds_left()));
      solver.resolve();
      if (!solver.isProvenOptimal()) return result;
    }
    x.assign(solver.getColSolution(), solver.getColSolution() + n);
  }
  return result;
}

}  // namespace staffplan::optimize
