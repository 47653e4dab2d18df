// Week-by-week solve of long horizons and its LP bound (weeks.hpp).
#include "optimize/weeks.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "model/errors.hpp"
#include "optimize/cbc_solver.hpp"
#include "optimize/lp_dive.hpp"
#include "optimize/part_bound.hpp"
#include "optimize/rounding.hpp"
#include "optimize/limits.hpp"
#include "optimize/time_index.hpp"

namespace staffplan::optimize {
namespace {

using detail::Clock;
using detail::relative_gap;
using detail::seconds_since;

// Of a week's share of the time: the bound LP first, for at most bound_share of it
// (a week whose bound LP does not finish counts its floor, 0, in the bound), then the
// LP and dive of the week's own model end at dive_share of the rest, CBC gets what
// is left. A week with no plan after all that (its LP cut by the clock on a loaded
// machine) takes the greedy plan, so a long horizon always ends with a plan: the
// 4-week, 6-site benchmark once stopped at week 3 with none, its bound LP having
// taken the whole of that week's share while two other solves ran beside it.
constexpr double bound_share = 0.4;
constexpr double dive_share = 0.5;
// Below this much time for a week, its CBC run is not started.
constexpr double min_cbc_seconds = detail::kMinCbcSeconds;
// Share of the time kept for re-planning across the week boundaries (fix and
// optimise on the last day before and the first day after each boundary).
constexpr double boundary_share = 0.1;


// The model solves_week_by_week promises: agents, allocation and shortfall
// variables, every row local in time.
bool only_daily_shifts(const MilpModel& m) {
  for (const VarKey& k : m.var_key)
    if (k.family != VarFamily::agents && k.family != VarFamily::allocation && k.family != VarFamily::shortfall)
      return false;
  return rows_local_in_time(m);
}

// The week of every variable (its shift's start, or its interval) and row.
struct WeekIndex {
  int count = 0;
  std::vector<int> var, row;
  std::vector<int> var_interval;  // its shift's start, or its interval (clamped to the horizon)
  // ≥ rows of the first week of a cyclic horizon that the last week's shifts reach
  // (early Monday covered by Sunday night's shift): planned with the last week.
  std::vector<bool> wrapped;
};

WeekIndex index_weeks(const Plan& plan, const ColumnSet& columns, const MilpModel& m) {
  const int per_week = 7 * 86400 / plan.horizon.interval_s;
  const TimeIndex t = time_index(plan, columns, m);
  WeekIndex w;
  w.count = (plan.horizon.count + per_week - 1) / per_week;
  w.var.resize(m.num_vars());
  w.var_interval.resize(m.num_vars());
  for (int v = 0; v < m.num_vars(); ++v) {
    w.var_interval[v] = std::max(0, t.var[v]);
    w.var[v] = w.var_interval[v] / per_week;
  }
  w.row.resize(m.num_rows());
  for (int r = 0; r < m.num_rows(); ++r) w.row[r] = std::max(0, t.row[r]) / per_week;
  w.wrapped.assign(m.num_rows(), false);
  if (plan.horizon.cyclic && w.count > 1)
    for (int v = 0; v < m.num_vars(); ++v)
      if (w.var[v] == w.count - 1)
        for (Eigen::SparseMatrix<double>::InnerIterator it(m.a, v); it; ++it)
          if (w.row[it.row()] == 0 && !std::isinf(m.row_lb[it.row()])) w.wrapped[it.row()] = true;
  return w;
}

// The model over `free` variables and `rows` (both ascending), every other
// variable held at value[v]: its row entries move into the row bounds.
MilpModel sub_model(const MilpModel& m, const RowMajor& by_row, const std::vector<int>& free,
                    const std::vector<int>& rows, const std::vector<double>& value) {
  std::vector<int> index(m.num_vars(), -1);
  for (std::size_t j = 0; j < free.size(); ++j) index[free[j]] = static_cast<int>(j);
  MilpModel s;
  std::vector<Eigen::Triplet<double>> entries;
  for (std::size_t k = 0; k < rows.size(); ++k) {
    const int r = rows[k];
    double fixed = 0;
    for (RowMajor::InnerIterator it(by_row, r); it; ++it) {
      if (const int j = index[it.col()]; j >= 0) entries.emplace_back(static_cast<int>(k), j, it.value());
      else fixed += it.value() * value[it.col()];
    }
    s.row_lb.push_back(m.row_lb[r] - fixed);
    s.row_ub.push_back(m.row_ub[r] - fixed);
    s.row_key.push_back(m.row_key[r]);
  }
  for (int v : free) {
    s.col_lb.push_back(m.col_lb[v]);
    s.col_ub.push_back(m.col_ub[v]);
    s.cost.push_back(m.cost[v]);
    s.integer.push_back(m.integer[v]);
    s.var_key.push_back(m.var_key[v]);
  }
  s.a.resize(static_cast<int>(rows.size()), static_cast<int>(free.size()));
  s.a.setFromTriplets(entries.begin(), entries.end());
  return s;
}

// Week k's share of the bound: the LP of its part (part_bound.hpp: its rows and the
// variables in them, each at the share of its entries that lie in week k). Its
// floor (part_bound.hpp; 0 without duals) when the LP runs out of time or there is
// none left.
double week_bound(const MilpModel& m, const RowMajor& by_row, const WeekIndex& w, int k, const CostSplit& split,
                  const SolveOptions& options, double seconds) {
  std::vector<int> rows;
  for (int r = 0; r < m.num_rows(); ++r)
    if (w.row[r] == k) rows.push_back(r);
  const Part part = make_part(m, by_row, rows, split);
  if (seconds <= 0) return part.floor;
  SolveOptions lp_options = options;
  lp_options.time_limit_s = seconds;
  lp_options.on_progress = nullptr;
  const LpDiveResult r = solve_lp_and_dive(part.model, lp_options, Clock::now(), {.until_share = 0.0});
  return r.lp_feasible ? std::max(part.floor, r.lp_objective) : part.floor;
}

// Fix and optimise across each boundary between consecutive weeks (and, on a
// cyclic horizon, between the last week and the first): the shifts starting in
// the last day before it and the first day after it are planned again together,
// with the allocation and shortfall of the intervals they reach, everything else
// fixed. The rolling pass could not let one week's shifts serve the next; this
// can. Each sub-problem starts from the current plan, so it never gets worse.
void improve_boundaries(const Plan& plan, const WeekIndex& w, const MilpModel& m, const RowMajor& by_row,
                        std::vector<double>& x, const SolveOptions& options,
                        Clock::time_point started) {
  const int count = plan.horizon.count;
  const int per_day = 86400 / plan.horizon.interval_s;
  const int per_week = 7 * per_day;
  std::vector<int> boundaries;
  for (int k = 1; k < w.count; ++k) boundaries.push_back(k * per_week);
  if (plan.horizon.cyclic && w.count > 1) boundaries.push_back(count);  // the wrap
  for (std::size_t n = 0; n < boundaries.size(); ++n) {
    const double seconds = (options.time_limit_s - seconds_since(started)) / static_cast<double>(boundaries.size() - n);
    if (seconds < min_cbc_seconds || (options.stop && options.stop->load())) return;
    const int at = boundaries[n];
    // Distance after the boundary, on the horizon's circle when it is cyclic.
    const auto after = [&](int i) { return plan.horizon.cyclic ? ((i - at) % count + count) % count : i - at; };
    std::vector<int> free;
    for (int v = 0; v < m.num_vars(); ++v) {
      const int d = after(w.var_interval[v]);
      const bool near = (d >= 0 && d < per_day) || (d < 0 && d >= -per_day) || (plan.horizon.cyclic && d >= count - per_day);
      // Allocation and shortfall reach one more day after the freed starts.
      const bool reach = !m.is(v, VarFamily::agents) && ((d >= 0 && d < 2 * per_day) || (d < 0 && d >= -per_day) ||
                                                         (plan.horizon.cyclic && d >= count - per_day));
      if (m.is(v, VarFamily::agents) ? near : reach) free.push_back(v);
    }
    if (free.empty()) continue;
    std::vector<int> rows;
    for (int v : free)
      for (Eigen::SparseMatrix<double>::InnerIterator it(m.a, v); it; ++it) rows.push_back(static_cast<int>(it.row()));
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    const MilpModel sub = sub_model(m, by_row, free, rows, x);
    std::vector<double> start;
    for (int v : free) start.push_back(x[v]);
    SolveOptions sub_options = options;
    sub_options.on_progress = nullptr;
    sub_options.time_limit_s = seconds;
    MipLimits limits;
    limits.seconds = seconds;
    const MipResult mip = solve_mip(sub, &start, sub_options, limits, Clock::now());
    if (mip.x && mip.objective < sub.objective(start) - 1e-9)
      for (std::size_t j = 0; j < free.size(); ++j) x[free[j]] = (*mip.x)[j];
  }
}

}  // namespace

bool solves_week_by_week(const Plan& plan) {
  if (plan.horizon.days <= kMonolithMaxDays || plan.has_tours() || !plan.outsourcers.empty() || !plan.work.empty())
    return false;
  for (const Queue& q : plan.queues)
    if (q.goal.global()) return false;
  return true;
}

std::optional<WeeklyResult> solve_by_weeks(const Plan& plan, const ColumnSet& columns, const MilpModel& model,
                                           const SolveOptions& options, Clock::time_point started) {
  if (!solves_week_by_week(plan)) return std::nullopt;
  // The size limit let this plan through one week at a time: a model with anything
  // else would be a formulation that has outgrown solves_week_by_week.
  if (!only_daily_shifts(model))
    throw std::logic_error("solve_by_weeks: a plan of daily shifts has a row or variable that spans weeks");
  const WeekIndex w = index_weeks(plan, columns, model);
  const RowMajor by_row = model.a;
  const CostSplit split = cost_split(model, {});  // no duals: each week's share of the entries

  WeeklyResult result;
  result.weeks = w.count;
  const double reserve = boundary_share * (options.time_limit_s - seconds_since(started));
  result.x.assign(model.num_vars(), 0.0);
  for (int k = 0; k < w.count; ++k) {
    if (options.stop && options.stop->load()) {
      result.interrupted = true;
      break;
    }
    const double seconds = std::max(0.0, (options.time_limit_s - reserve - seconds_since(started)) / (w.count - k));
    result.bound += week_bound(model, by_row, w, k, split, options, bound_share * seconds);

    // Week k's shifts and rows, the ≤ rows of the next week (wrapping on a cyclic
    // horizon) that its shifts run into, and for the last week the first week's
    // wrapped rows; earlier weeks' agents are fixed.
    const int next = k + 1 < w.count ? k + 1 : plan.horizon.cyclic ? 0 : -1;
    std::vector<int> free, rows;
    for (int v = 0; v < model.num_vars(); ++v)
      if (w.var[v] == k) free.push_back(v);
    for (int r = 0; r < model.num_rows(); ++r) {
      const bool own = w.row[r] == k && !(k == 0 && w.wrapped[r]);
      const bool ahead = w.row[r] == next && (std::isinf(model.row_lb[r]) || (next == 0 && w.wrapped[r]));
      if (own || ahead) rows.push_back(r);
    }
    const MilpModel week = sub_model(model, by_row, free, rows, result.x);

    const double week_seconds =
        std::max(0.0, options.time_limit_s - reserve - seconds_since(started) - (w.count - k - 1) * seconds);
    SolveOptions week_options = options;
    week_options.time_limit_s = week_seconds;
    week_options.on_progress = nullptr;
    const auto week_started = Clock::now();
    LpDiveResult lp;
    if (week_seconds > 0) lp = solve_lp_and_dive(week, week_options, week_started, {.until_share = dive_share});
    else lp.lp_out_of_time = true;
    if (!lp.lp_feasible && !lp.lp_out_of_time && !lp.lp_interrupted)
      throw NoResultError("week " + std::to_string(k + 1) + " of " + std::to_string(w.count) +
                          " has no plan that meets every constraint with the shifts that run into it from the "
                          "week before (seats or min_agents/max_agents)");
    std::optional<std::vector<double>> best;
    if (lp.integer) best = lp.integer;
    else if (lp.lp_feasible) best = round_and_repair(week, point_to_round(lp));
    if (!best && lp.lp_feasible) best = round_and_repair(week, lp.lp_x);
    const double cbc_seconds = week_seconds - seconds_since(week_started);
    if (cbc_seconds >= min_cbc_seconds && !(options.stop && options.stop->load())) {
      MipLimits limits;
      limits.seconds = cbc_seconds;
      const MipResult mip = solve_mip(week, best ? &*best : nullptr, week_options, limits, week_started);
      if (mip.x && (!best || mip.objective < week.objective(*best) - 1e-9)) best = mip.x;
      result.out_of_time = result.out_of_time || mip.hit_time_limit;
      result.interrupted = result.interrupted || mip.interrupted;
    } else {
      result.out_of_time = true;
    }
    // The greedy plan (repair from no agents of this week) when the clock left none.
    if (!best) best = greedy_plan(week);
    if (!best)
      throw NoResultError("the solver found no plan for week " + std::to_string(k + 1) + " of " +
                          std::to_string(w.count) + " within its share of the time limit; raise --time-limit");
    for (std::size_t j = 0; j < free.size(); ++j) result.x[free[j]] = (*best)[j];
    // Progress: the weeks planned so far, their cost against their share of the bound.
    if (options.on_progress) {
      const double cost = model.objective(result.x);
      options.on_progress(Progress{seconds_since(started), cost, result.bound,
                                   cost > 0 ? std::optional<double>(relative_gap(cost, result.bound))
                                            : std::nullopt});
    }
  }
  if (result.interrupted) throw NoResultError("interrupted before every week was planned");
  improve_boundaries(plan, w, model, by_row, result.x, options, started);
  return result;
}

}  // namespace staffplan::optimize
