#pragma once
// Lower bounds from the model split into parts (a decomposition bound), shared by
// the week-by-week solve of long horizons (weeks.hpp, LP parts) and the whole-model
// solve (optimize.cpp, MILP parts of a few hours each).
//
// The rows are split into parts (every row in exactly one). Each variable's cost c_j
// is split over the parts it has row entries in, c_j = Σ_k c_jk; part k is the model
// of its rows over the variables in them, at the costs c_·k. Any plan restricted to
// part k is feasible for it and the costs split its cost exactly, so
//   Σ_k (a lower bound of part k's MILP) ≤ the cost of every plan.
// The split uses row duals y of the whole model's LP (any y whose signs fit the rows:
// ≥ for y ≥ 0, ≤ for y ≤ 0), with d = c − Aᵀy:
//   c_jk = Σ_{r ∈ k} y_r a_rj + d_j · (entries of j in k) / (entries of j).
// Without duals (y = 0) each variable costs the share of its entries in the part.
// With the LP's optimal duals the parts' LPs sum to at least the whole LP (y
// restricted to a part is feasible for its dual), so the parts' MILP bounds lift the
// LP bound by what integrality gains inside each part: there the whole agents of a
// few hours are planned together, beyond what the per-row rounding rows capture.
//
// Each part also has a floor, the Lagrangian value of y on it (no solve needed):
//   Σ_{r ∈ k} y_r · (the row's bound on y's side) + Σ_j min over [lb_j, ub_j] of
//   d_j · share_jk · x_j,
// a valid lower bound of the part (−inf when a variable without an upper bound has
// a negative share of d); with y = 0 and costs ≥ 0 it is 0.
#include <Eigen/SparseCore>

#include <chrono>
#include <optional>
#include <vector>

#include "model/plan.hpp"
#include "optimize/columns.hpp"
#include "optimize/milp_model.hpp"
#include "optimize/optimize.hpp"

namespace staffplan::optimize {

using RowMajor = Eigen::SparseMatrix<double, Eigen::RowMajor>;

// The duals (signs made to fit the rows; empty = all 0), reduced costs d = c − Aᵀy
// and entry counts of every variable.
struct CostSplit {
  std::vector<double> dual;
  std::vector<double> reduced;
  std::vector<int> entries;
};
CostSplit cost_split(const MilpModel& model, std::vector<double> dual);

// Part of `rows` (ascending): its model (the variables with entries in those rows,
// in ascending order, at their share of the cost), which model variable each of its
// variables is, and its floor.
struct Part {
  MilpModel model;
  std::vector<int> vars;
  double floor = 0;
};
Part make_part(const MilpModel& model, const RowMajor& by_row, const std::vector<int>& rows,
               const CostSplit& split);

// A lower bound that needs no LP (for when the LP does not finish in time): the
// floor of the whole model as one part, at one price θ on every Cover row with a
// positive requirement and −θ on every Capacity row (a shared group's allocation
// draws on its agents), θ the lowest cost per unit of that coverage of any
// variable, so that no reduced cost is negative: the requirement bought at the
// cheapest rate there is.
double uniform_price_bound(const MilpModel& model);

// Rows by time: parts of `hours` each along the horizon, part[r] for every row,
// `count` parts. The cuts fall at the time (a whole interval, the same in every
// period of `hours`) where the LP solution has the fewest agents on shifts running
// across them (then the fewest such shifts, then the earliest time): a part then
// holds most of the shifts of its rows whole. A row without an interval of its own
// (Limit: its start's; Round: its source row's) goes with its first variable that
// has one, else into part 0. Nothing when the horizon is shorter than two parts, or
// when the model has rows that span the horizon (a share-mode choice, a day or week
// service level, weekly tours, deferrable work): they would tie the parts together.
struct TimeParts {
  std::vector<int> part;
  int count = 0;
  int length = 0;  // intervals per part
  int cut = 0;     // intervals after the horizon start of the first cut
};
std::optional<TimeParts> time_parts(const Plan& plan, const ColumnSet& columns, const MilpModel& model,
                                    const std::vector<double>& lp_x, int hours);

// Σ over the parts of max(floor, CBC's proven bound of the part's MILP), the parts
// solved one after the other, each with an equal share of `seconds` left; CBC stops
// a part once its incumbent is within `absolute_gap` of its bound. Nothing when a
// part has no finite bound (or a stop was requested). The time limit counted from
// `started` holds too.
std::optional<double> part_mip_bound(const MilpModel& model, const TimeParts& parts, const CostSplit& split,
                                     const SolveOptions& options, double seconds, double absolute_gap,
                                     std::chrono::steady_clock::time_point started);

}  // namespace staffplan::optimize
