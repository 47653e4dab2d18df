#include "optimize/optimize.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "model/errors.hpp"
#include "optimize/cbc_solver.hpp"
#include "optimize/columns.hpp"
#include "optimize/extract.hpp"
#include "optimize/lp_dive.hpp"
#include "optimize/milp_model.hpp"
#include "optimize/precheck.hpp"
#include "optimize/rounding.hpp"
#include "optimize/size_limit.hpp"

namespace staffplan::optimize {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

// Relative gap of a cost to its bound; 0 when both are 0 (nothing to staff).
double relative_gap(double cost, double bound) {
  if (cost <= 1e-9) return 0;
  return std::max(0.0, (cost - bound) / cost);
}

bool stopped(const SolveOptions& options) { return options.stop && options.stop->load(); }

}  // namespace

Schedule solve(const Plan& plan, const require::Requirement& requirement,
               const SolveOptions& options) {
  const auto started = Clock::now();
  check_size(plan);  // before build_columns allocates anything
  const ColumnSet columns = build_columns(plan);
  if (!options.shortfall_penalty) check_coverable(plan, requirement, columns);
  const MilpModel model = build_milp(plan, requirement, columns, options.shortfall_penalty);

  const LpDiveResult lp = solve_lp_and_dive(model, options, started);
  // An LP stopped by Ctrl-C says nothing about feasibility.
  if (!lp.lp_feasible && (lp.lp_interrupted || stopped(options))) throw NoResultError("interrupted before any plan was found");
  if (!lp.lp_feasible)
    throw NoResultError(
        "no plan meets every constraint: the seats, or the shifts' min_agents/max_agents, "
        "leave no way to cover the requirement (every interval is coverable on its own; "
        "queues sharing a site compete for its seats); try --allow-shortfall");

  // An integer start from the LP (the dive, else plain rounding and repair, then
  // greedy removal of redundant agents): CBC then only has to close the gap.
  std::optional<std::vector<double>> best =
      round_and_repair(model, lp.integer ? *lp.integer : lp.lp_x);
  if (!best && lp.integer) best = round_and_repair(model, lp.lp_x);
  double best_cost = best ? model.objective(*best) : 0;
  double bound = lp.lp_objective;

  Schedule schedule;
  schedule.status = Status::optimal;
  const bool start_is_good = best && relative_gap(best_cost, bound) <= options.relative_gap;
  if (stopped(options)) {
    schedule.status = Status::interrupted;
  } else if (!start_is_good) {
    const double left = options.time_limit_s - seconds_since(started);
    // With a start, CBC only needs the columns that could appear in a cheaper plan.
    std::vector<int> kept;
    const MilpModel reduced =
        best ? fix_by_reduced_cost(model, lp.lp_x, lp.lp_reduced_cost, lp.lp_objective, best_cost, kept)
             : MilpModel{};
    const MilpModel& solved = best ? reduced : model;
    std::vector<double> start;
    if (best)
      for (int v : kept) start.push_back((*best)[v]);
    const MipResult mip = solve_mip(solved, best ? &start : nullptr, options, left, started);
    if (mip.proven_infeasible && !mip.x && !best)
      throw NoResultError("no plan meets every constraint (CBC proved the model infeasible)");
    if (mip.x && (!best || mip.objective < best_cost - 1e-9)) {
      std::vector<double> full(model.num_vars(), 0.0);
      for (std::size_t k = 0; k < kept.size(); ++k) full[kept[k]] = (*mip.x)[k];
      best = best ? std::move(full) : mip.x;
      best_cost = mip.objective;
    }
    // A bound of the reduced model holds for every plan cheaper than the start, so
    // min(start, bound) bounds the full model. A proven-infeasible reduced model
    // means nothing beats the start.
    if (mip.proven_infeasible && best) bound = best_cost;
    else bound = std::max(bound, mip.bound);
    if (mip.interrupted) schedule.status = Status::interrupted;
    else if (mip.hit_time_limit) schedule.status = Status::time_limit;
  }
  if (!best)
    throw NoResultError(stopped(options)
                            ? "interrupted before any plan was found"
                            : "the solver found no plan within the time limit; raise --time-limit");
  // CBC's plan is cheapest but may carry agents that cost nothing and cover nothing
  // needed (a site at hourly cost 0): drop them. Never raises the cost.
  best = remove_redundant(model, std::move(*best));
  best_cost = model.objective(*best);
  bound = std::min(bound, best_cost);  // a bound above the incumbent is round-off
  extract(plan, requirement, columns, model, *best, schedule);
  // The model's objective carries the free agents' tie-break; the schedule reports
  // true cost, so the bound loses that term too (it is 1e-6 of the cheapest agent
  // per free agent, far below any gap the solver is asked for).
  schedule.lower_bound = std::clamp(bound - (best_cost - schedule.cost), 0.0, schedule.cost);
  schedule.gap = relative_gap(schedule.cost, schedule.lower_bound);
  if (schedule.status == Status::optimal && schedule.gap > 1e-6) schedule.status = Status::within_gap;
  schedule.solve_seconds = seconds_since(started);
  return schedule;
}

void check_before_solve(const Plan& plan, const require::Requirement& requirement) {
  check_size(plan);
  check_coverable(plan, requirement, build_columns(plan));
}

Staffing productive_staffing(const Plan& plan, const Schedule& schedule) {
  Staffing staffing;
  staffing.agents.assign(plan.queues.size(), std::vector<int>(plan.horizon.count, 0));
  for (const IntervalCoverage& c : schedule.coverage)
    staffing.agents[c.queue][c.interval] = static_cast<int>(std::floor(c.productive + 1e-9));
  return staffing;
}

}  // namespace staffplan::optimize
