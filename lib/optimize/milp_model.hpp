#pragma once
// The shift-scheduling MILP, solver-neutral (rows × variables as an Eigen sparse
// matrix plus bounds), built from the expanded columns.
//
// Sets
//   C            columns (site s(c), queue q(c), shift, start, break placement)
//   Q × I        queues × plan intervals with required(q, i) > 0
//   S × I        sites with a seat limit × intervals
//   G            (site, shift, start) groups with a min or max agents limit
// Variables
//   x_c ∈ ℤ, 0 ≤ x_c ≤ min(seats(s(c)), max_agents(group(c)))   agents on column c
//   u_qi ∈ ℝ, 0 ≤ u_qi ≤ required(q, i)     shortfall, only with --allow-shortfall
// Constraints
//   coverage  Σ_c (1 − shrinkage(s(c))) · cover_c(q, i) · x_c + u_qi ≥ required(q, i)
//             cover_c(q, i) ∈ (0, 1] is the share of interval i not on a break
//   seats     Σ_{c of site s on shift in i} x_c ≤ seats(s)      (breaks included)
//   limits    min_agents(g) ≤ Σ_{c ∈ g} x_c ≤ max_agents(g)
// Objective
//   min Σ_c paid_hours(c) · hourly_cost(c) · x_c + Σ penalty · interval_hours · u_qi
//   A column that costs nothing (hourly cost 0) gets the tie-break cost
//   kFreeAgentTieBreak × the cheapest positive column cost (1 when every column is
//   free) per agent, so among plans of the same cost the one with fewer agents wins
//   and a free site gets no agents nobody needs. The reported cost is always the
//   true cost (extract); the tie-break is far below any real cost difference.
// Reductions (exact, they never cut off an optimum)
//   - a seat row is dropped when the upper bounds of its columns cannot exceed it;
//   - among columns with the same site, queue and interval pattern (coverage and
//     seats) and no group limit, only the cheapest is kept (first on ties);
//   - a group limit on a single column becomes a bound.
#include <Eigen/SparseCore>

#include <optional>
#include <vector>

#include "model/plan.hpp"
#include "optimize/columns.hpp"
#include "require/require.hpp"

namespace staffplan::optimize {

// Share of the cheapest positive column cost that one free agent costs in the model.
inline constexpr double kFreeAgentTieBreak = 1e-6;

struct MilpModel {
  Eigen::SparseMatrix<double> a;          // rows × variables, column-major
  std::vector<double> col_lb, col_ub, cost;
  std::vector<double> row_lb, row_ub;     // ±infinity when unbounded on that side
  std::vector<bool> integer;
  std::vector<int> column;                // variable -> ColumnSet column, -1 = shortfall
  std::vector<int> shortfall_cell;        // variable -> q * count + i (shortfall only)
  int num_coverage_rows = 0;              // coverage rows come first

  int num_vars() const { return static_cast<int>(cost.size()); }
  int num_rows() const { return static_cast<int>(row_lb.size()); }
  double objective(const std::vector<double>& x) const;
};

// Reduced-cost fixing (exact for any solution cheaper than `incumbent`): by LP
// duality every feasible x costs at least lp_objective + Σ d_j · x_j over variables
// at their zero lower bound with reduced cost d_j ≥ 0, so a variable with
// d_j > incumbent − lp_objective is 0 in every better solution. Returns the model
// without those variables (and without seat rows that can no longer bind);
// `kept[k]` is the original index of the reduced model's variable k.
MilpModel fix_by_reduced_cost(const MilpModel& model, const std::vector<double>& lp_x,
                              const std::vector<double>& reduced_cost, double lp_objective,
                              double incumbent, std::vector<int>& kept);

MilpModel build_milp(const Plan& plan, const require::Requirement& requirement,
                     const ColumnSet& columns, std::optional<double> shortfall_penalty);

}  // namespace staffplan::optimize
