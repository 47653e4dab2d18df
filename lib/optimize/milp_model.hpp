#pragma once
// The shift-scheduling MILP as a solver-neutral model: a generic matrix view
// (rows × variables, column-major, with bounds, integrality and objective) that
// the LP, the dive and CBC read, plus named, typed families that say what every
// variable and row means. Post-solve code (rounding, reduced-cost fixing,
// extraction) looks variables and rows up by family, never by position, so a new
// kind of decision is one more family and its rows (see model_builder.hpp for how
// it is assembled and formulation.cpp for the formulation itself).
//
// Variable families
//   x[column]                 agents on a shift column (site, group, shift, start,
//                             breaks); integer
//   y[group, queue, interval] productive agents of a multi-queue group given to a
//                             queue; continuous (absent for one-queue groups)
//   u[queue, interval]        shortfall, only with --allow-shortfall; continuous
//   t[contract, group, days, start]  agents working one weekly tour (SPEC §8): a
//                             contract of a site, an agent group, the working
//                             weekdays (a bit mask) and, with same_start, the
//                             site-local start minute (-1 without); integer, cost 0
//                             (the daily x it links to carry the cost). With days
//                             off anywhere on a one-week horizon, days = 0: the
//                             agents of every pattern of that start together, their
//                             days left to the daily x (TourWeek below)
//   z[queue, interval, k]     day/week service level (SPEC §11): the k-th productive
//                             agent above the floor staffing, in [0, 1]; continuous
//                             where the service-level curve is concave and the
//                             coverage integral, else binary
//   w[outsourcer, queue, level]  share-mode outsourcing (SPEC §9): 1 when the queue
//                             sends share `level` of its calls out; binary. Costs
//                             share × Σ_i calls_i × aht_i / 60 × price per minute
//   v[outsourcer, queue, interval]  intervals-mode outsourcing: 1 when the interval's
//                             calls go out; binary. Costs calls × aht / 60 × price
//   n[site, interval]         agents on shift at a site, one per distinct Seats row;
//                             integer, cost 0, only in CBC's copy (seat_counts.hpp)
//   p[group, work, day, interval]  productive agents of a group that takes deferrable
//                             work (SPEC §10) placed on that work in an interval of
//                             that day's window; continuous
// Row families
//   Cover(queue, interval)    Σ one-queue columns' productive presence + Σ_g y + u + relief ≥ required
//                             where for an outsourced queue `required` is the most the
//                             interval can need in-house (require::most_required) and the
//                             relief is Σ_l (required − req_l(i)) · w[o,q,l] (share mode:
//                             with Σ_l w = 1 the row is coverage ≥ Σ_l w_l · req_l(i)) or
//                             required · v[o,q,i] (intervals mode: coverage ≥ req(i)(1 − v))
//   Choice(outsourcer, queue) Σ_l w[o,q,l] = 1: one share per queue for the horizon
//   Capacity(group, interval) Σ_q y[g,q,i] + Σ p[g,·,·,i] − Σ_{c ∈ g} productive presence · x_c ≤ 0
//                             (for groups answering several queues or taking work)
//   Work(work, day)           Σ_{g, i} share_i · interval hours · p[g,work,day,i] ≥ the day's
//                             work hours, share_i = part of interval i inside the window
//   WorkPool(work, day)       the Work row plus the calls competing for the same agents,
//                             on the integer agents (formulation.cpp); implied, like Pool
//   Pool(queues, interval)    for a set S of queues that shared groups connect:
//                             Σ productive presence of every group answering a queue
//                             of S + Σ_{q ∈ S} (u + relief) ≥ Σ_{q ∈ S} required — Hall's condition,
//                             implied by Cover and Capacity (the LP bound is the same)
//                             but stated on the integer agents, where CBC's cuts work
//   Seats(site, interval)     Σ agents on shift (any group, breaks included) ≤ seats
//   Limit(start)              min_agents ≤ Σ agents of one (site, shift, start) ≤ max_agents
//   GroupLimit(group, interval)  Σ agents of the group on shift ≤ its max_agents
//   Increment(queue, interval)   Σ productive presence (as in Cover, without u) − Σ_k z ≥ floor staffing
//   ServiceLevel(queue, period)  Σ_i w_i · (SL_i(floor) + Σ_k ΔSL_i,k · z[q,i,k]) ≥ goal, w_i = calls_i / Σ calls
//                                over the day or week `period`; ΔSL_i,k = SL_i(floor + k) − SL_i(floor + k − 1)
//   Order(queue, interval, k)    z[q,i,k] − z[q,i,k+1] ≥ 0 where the curve is not concave,
//                                so increments fill in order and the credit is exact
//   Link(contract, group, week, weekday, start)  Σ x of the contract's columns of that
//                                group starting on that site-local weekday of that
//                                week (at that start minute with same_start) − Σ t of
//                                the tours working that weekday (at that start) = 0:
//                                every tour agent works exactly one shift on each of
//                                its days — the implicit days-off formulation; break
//                                placements and (without same_start) start times stay
//                                daily choices, so the model grows with the weekly
//                                patterns (≤ 35), never with their product with
//                                starts and breaks
//                                With days off anywhere on a one-week horizon the
//                                patterns are not variables (C(7, k) of them, 21 for
//                                5 of 7, where many mixes give the same days): one
//                                t per start, and Link says Σ x of the weekday ≤ t
//                                (nobody works twice a day). Every x ≤ t per day
//                                with Σ x = k · t splits into t agents of k distinct
//                                days (tour_days.hpp gives the roster its days), so
//                                the plans and the LP are the same as with patterns
//   TourWeek(contract, group, start)  Σ x of the tours' week − k · t = 0, k =
//                                days_per_week: every agent works k days (only with
//                                days = 0 above)
//   TourLimit(contract)          Σ t of the contract ≤ its max_agents (headcount)
//   Round(row, k)                a mixed-integer rounding of a Cover or Pool row over
//                                integer agents at its k-th scale (rounding_cuts.hpp):
//                                implied for whole agents, it lifts the LP bound
//   Count(site, interval)        Σ agents on shift − n[site, interval] = 0: only in CBC's
//                                copy of the model (seat_counts.hpp)
// Objective
//   min Σ paid cost · x + Σ penalty · interval hours · u. An agent that costs
//   nothing (hourly cost 0) costs kFreeAgentTieBreak × the cheapest positive
//   column cost in the model, so among plans of the same cost the one with fewer
//   agents wins and a free site gets no agent nobody needs. Reports use the true
//   cost (extract); the tie-break is far below any real cost difference.
#include <Eigen/SparseCore>

#include <optional>
#include <string>
#include <vector>

#include "model/plan.hpp"
#include "optimize/columns.hpp"
#include "require/require.hpp"

namespace staffplan::optimize {

// Share of the cheapest positive column cost that one free agent costs in the model.
inline constexpr double kFreeAgentTieBreak = 1e-6;

enum class VarFamily : unsigned char { agents, allocation, shortfall, increment, tour, share, send, work, count };
enum class RowFamily : unsigned char {
  cover, capacity, pool, seats, limit, group_limit, increment, service_level, order, link, tour_week, tour_limit,
  choice, work, work_pool, rounding, count
};

const char* family_name(VarFamily f);  // "x", "y", "u", "z", "t", "w", "v", "p", "n"
const char* family_name(RowFamily f);  // "Cover", "Capacity", "Pool", "Seats", "Limit", "GroupLimit", "Increment",
                                       // "ServiceLevel", "Order", "Link", "TourWeek", "TourLimit", "Choice", "Work",
                                       // "WorkPool",
                                       // "Round", "Count"

// What one variable is. Fields a family does not use stay -1.
struct VarKey {
  VarFamily family = VarFamily::agents;
  int column = -1;     // x: ColumnSet column
  int group = -1;      // y, t, p: ColumnSet agent group
  int queue = -1;      // y, u, z, w, v
  int interval = -1;   // y, u, z, v, p
  int step = -1;       // z: agent k above the floor, from 1
  int site = -1;       // t
  int contract = -1;   // t: index into Site::contracts
  int pattern = -1;    // t: working weekdays, bit d = weekday d (0 = Monday); 0 = any k (TourWeek)
  int minute = -1;     // t: site-local start minute with same_start, else -1
  int outsourcer = -1; // w, v: index into Plan::outsourcers
  int level = -1;      // w: index into the outsourcer's shares
  int work = -1;       // p: index into Plan::work
  int day = -1;        // p: index into Work::days
};

// What one row is. Fields a family does not use stay -1.
struct RowKey {
  RowFamily family = RowFamily::cover;
  int queue = -1;      // Cover, Increment, ServiceLevel, Order, Choice
  int group = -1;      // Capacity, GroupLimit, Link, TourWeek: ColumnSet agent group
  int site = -1;       // Seats, Link, TourWeek, TourLimit
  int start = -1;      // Limit: ColumnSet start group
  int interval = -1;   // Cover, Capacity, Pool, Seats, GroupLimit, Increment, Order
  unsigned queues = 0; // Pool: bit q set for each queue of the set
  int period = -1;     // ServiceLevel: day or week index (require::period_of)
  int step = -1;       // Order: k
  int work = -1;       // Work, WorkPool: index into Plan::work
  int contract = -1;   // Link, TourWeek, TourLimit (with site)
  int day = -1;        // Link: site-local weekday (0 = Monday), period = week; Work, WorkPool: index into Work::days
  int minute = -1;     // Link, TourWeek: site-local start minute with same_start, else -1
  int outsourcer = -1; // Choice
  int source = -1;     // Round: the Cover or Pool row it rounds (with step = its scale)
};

struct MilpModel {
  // Generic matrix view (stable: the solver phases use only these).
  Eigen::SparseMatrix<double> a;          // rows × variables, column-major
  std::vector<double> col_lb, col_ub, cost;
  std::vector<double> row_lb, row_ub;     // ±infinity when unbounded on that side
  std::vector<bool> integer;
  // Families: var_key[v] and row_key[r] say what variable v and row r are.
  std::vector<VarKey> var_key;
  std::vector<RowKey> row_key;

  int num_vars() const { return static_cast<int>(cost.size()); }
  int num_rows() const { return static_cast<int>(row_lb.size()); }
  double objective(const std::vector<double>& x) const;
  bool is(int v, VarFamily f) const { return var_key[v].family == f; }
  bool is(int r, RowFamily f) const { return row_key[r].family == f; }
  std::vector<int> vars_of(VarFamily f) const;  // ascending
  std::vector<int> rows_of(RowFamily f) const;  // ascending
  std::string var_name(int v) const;            // e.g. "x[12]", "y[3,1,40]", "u[0,17]"
  std::string row_name(int r) const;            // e.g. "Cover(0,17)", "Seats(1,40)"
  // The model restricted to variables `vars` and rows `rows` (both ascending).
  MilpModel subset(const std::vector<int>& vars, const std::vector<int>& rows) const;
  // The matrix's entries (row, variable, value), to rebuild it with rows or
  // variables appended: set_matrix puts entries back at num_rows() × num_vars(),
  // summing duplicates.
  std::vector<Eigen::Triplet<double>> entries() const;
  void set_matrix(const std::vector<Eigen::Triplet<double>>& entries);
};

// Reduced-cost fixing (exact for any solution cheaper than `incumbent`): by LP
// duality every feasible x costs at least lp_objective + Σ d_j · x_j over variables
// at their zero lower bound with reduced cost d_j ≥ 0, so an agents variable with
// d_j > incumbent − lp_objective is 0 in every better solution. Returns the model
// without those variables (and without ≤ rows that can no longer bind);
// `kept[k]` is the original index of the reduced model's variable k.
MilpModel fix_by_reduced_cost(const MilpModel& model, const std::vector<double>& lp_x,
                              const std::vector<double>& reduced_cost, double lp_objective,
                              double incumbent, std::vector<int>& kept);

// The formulation above over the expanded columns (formulation.cpp). Exact
// reductions, which never cut off an optimum:
//   - a one-queue group's presence goes straight into Cover (no y, no Capacity):
//     with version-1 default groups the model is the plain covering model;
//   - a ≤ row (Seats, GroupLimit) is dropped when the upper bounds of its columns
//     cannot exceed it;
//   - among columns with the same site, group and interval pattern (presence and
//     seats) and no start limit, only the cheapest is kept (first on ties);
//   - a start limit on a single column becomes a bound.
MilpModel build_milp(const Plan& plan, const require::Requirement& requirement,
                     const ColumnSet& columns, std::optional<double> shortfall_penalty);

}  // namespace staffplan::optimize
