#pragma once
// Plans longer than two weeks, solved week by week (issue 10): one monolithic
// MILP over a quarter or a year at 15 minutes has hundreds of thousands of
// columns and needs gigabytes in CBC, while each week on its own is the size of
// the weekly plans the solver handles well.
//
// Rolling horizon. Week k (7 days of the plan clock from the horizon start) is
// solved with the agents of weeks before it fixed: their shifts that run into
// week k count towards its coverage and seats, and week k's own shifts may run
// into week k + 1, where only the ≤ rows (seats, group limits) hold them back;
// week k + 1 then covers what is left. A cyclic horizon's last week also runs into
// the first, where it only adds coverage. Each week gets an equal share of the
// time left: LP and dive, rounding, then CBC with the week's best plan as start.
//
// Lower bound, honest and from LPs only: for every week an LP over the rows of
// that week and the variables that appear in them, each variable costing the share
// of its row entries that lie in that week (shares of a variable sum to 1 over the
// weeks). Any plan restricted to one week is feasible for that week's LP and the
// shares split its cost exactly, so Σ_k LP_k ≤ the cost of every plan. A week
// whose LP does not finish in time counts its floor (costs are never negative). This is
// part_bound.hpp's decomposition bound with the weeks as parts and no duals.
//
// Taken only for models of daily shifts: agents, allocation and shortfall
// variables with their covering, capacity, seat and limit rows, and the Round rows
// of shrinkage (each in the week of the row it rounds). Tours, day or
// week service levels, outsourcers and deferrable work tie the weeks together
// and keep the monolithic model.
#include <chrono>
#include <optional>
#include <vector>

#include "model/plan.hpp"
#include "optimize/columns.hpp"
#include "optimize/milp_model.hpp"
#include "optimize/optimize.hpp"

namespace staffplan::optimize {

// Horizons longer than this many days go week by week.
inline constexpr int kMonolithMaxDays = 14;

// Whether `plan` is solved week by week: a horizon over kMonolithMaxDays and
// nothing that ties the weeks together (tours, a day or week service level,
// outsourcers, deferrable work). Decided from the plan alone, so that the size
// limit (size_limit.hpp) can apply to one week before any column is built.
bool solves_week_by_week(const Plan& plan);

struct WeeklyResult {
  std::vector<double> x;   // the whole model's variables
  double bound = 0;        // Σ of the weeks' LP bounds
  int weeks = 0;
  bool out_of_time = false;  // some week's CBC stopped at its share of the time
  bool interrupted = false;
};

// nullopt when !solves_week_by_week(plan). Throws
// NoResultError when a week has no plan (seats too tight for what runs into it).
std::optional<WeeklyResult> solve_by_weeks(const Plan& plan, const ColumnSet& columns, const MilpModel& model,
                                           const SolveOptions& options,
                                           std::chrono::steady_clock::time_point started);

}  // namespace staffplan::optimize
