// Decomposition lower bounds: the cost split, the parts, the time cuts and the
// parts' MILP bounds (part_bound.hpp).
#include "optimize/part_bound.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "optimize/cbc_solver.hpp"
#include "optimize/limits.hpp"
#include "optimize/time_index.hpp"

namespace staffplan::optimize {
namespace {

using detail::Clock;
constexpr double inf = std::numeric_limits<double>::infinity();
// Cut scores (LP agents across the cuts) this close are a tie.
constexpr double score_tol = 1e-9;

// min over lb ≤ x ≤ ub of coefficient · x (−inf when unbounded below).
double box_min(double coefficient, double lb, double ub) {
  if (coefficient > 0) return coefficient * lb;
  if (coefficient < 0) return coefficient * ub;
  return 0;
}

}  // namespace

CostSplit cost_split(const MilpModel& m, std::vector<double> dual) {
  CostSplit s;
  s.dual = std::move(dual);
  s.dual.resize(m.num_rows(), 0.0);
  for (int r = 0; r < m.num_rows(); ++r) {
    double& y = s.dual[r];
    if (!std::isfinite(y) || (y > 0 && !std::isfinite(m.row_lb[r])) || (y < 0 && !std::isfinite(m.row_ub[r]))) y = 0;
  }
  s.reduced = m.cost;
  s.entries.assign(m.num_vars(), 0);
  for (int v = 0; v < m.num_vars(); ++v)
    for (Eigen::SparseMatrix<double>::InnerIterator it(m.a, v); it; ++it) {
      s.reduced[v] -= s.dual[it.row()] * it.value();
      ++s.entries[v];
    }
  return s;
}

Part make_part(const MilpModel& m, const RowMajor& by_row, const std::vector<int>& rows, const CostSplit& split) {
  std::vector<int> in_part(m.num_vars(), 0);
  std::vector<double> priced(m.num_vars(), 0.0);  // Σ_{r ∈ part} y_r a_rj
  Part p;
  for (int r : rows) {
    const double y = split.dual[r];
    if (y > 0) p.floor += y * m.row_lb[r];
    if (y < 0) p.floor += y * m.row_ub[r];
    for (RowMajor::InnerIterator it(by_row, r); it; ++it) {
      ++in_part[it.col()];
      priced[it.col()] += y * it.value();
    }
  }
  for (int v = 0; v < m.num_vars(); ++v)
    if (in_part[v] > 0) p.vars.push_back(v);
  p.model = m.subset(p.vars, rows);
  for (std::size_t j = 0; j < p.vars.size(); ++j) {
    const int v = p.vars[j];
    const double own = split.reduced[v] * in_part[v] / split.entries[v];
    p.model.cost[j] = priced[v] + own;
    p.floor += box_min(own, m.col_lb[v], m.col_ub[v]);
  }
  return p;
}

// See part_bound.hpp; the prices are y = θ · weight.
double uniform_price_bound(const MilpModel& model) {
  std::vector<double> weight(model.num_rows(), 0.0);  // the row's price in units of θ
  for (int r = 0; r < model.num_rows(); ++r) {
    if (model.is(r, RowFamily::cover) && model.row_lb[r] > 0 && !std::isfinite(model.row_ub[r])) weight[r] = 1;
    if (model.is(r, RowFamily::capacity)) weight[r] = -1;
  }
  double price = std::numeric_limits<double>::infinity();
  for (int v = 0; v < model.num_vars(); ++v) {
    double coverage = 0;
    for (Eigen::SparseMatrix<double>::InnerIterator it(model.a, v); it; ++it) coverage += weight[it.row()] * it.value();
    if (coverage > 0) price = std::min(price, model.cost[v] / coverage);
  }
  if (!std::isfinite(price) || price < 0) price = 0;  // then the bound of the costs alone
  std::vector<double> dual(model.num_rows());
  std::vector<int> rows(model.num_rows());
  for (int r = 0; r < model.num_rows(); ++r) {
    rows[r] = r;
    dual[r] = price * weight[r];
  }
  return make_part(model, RowMajor(model.a), rows, cost_split(model, std::move(dual))).floor;
}

std::optional<TimeParts> time_parts(const Plan& plan, const ColumnSet& columns, const MilpModel& m,
                                    const std::vector<double>& lp_x, int hours) {
  const int count = plan.horizon.count;
  const int length = std::max(1, hours * 3600 / plan.horizon.interval_s);  // intervals per part
  if (count < 2 * length || static_cast<int>(lp_x.size()) != m.num_vars()) return std::nullopt;
  // Rows that span the horizon would tie every part together: such models are not cut.
  if (!rows_local_in_time(m)) return std::nullopt;
  // Score of each cut time: LP agents (and shifts) on shifts held across it.
  std::vector<double> agents(length, 0.0);
  std::vector<int> shifts(length, 0);
  for (int v = 0; v < m.num_vars(); ++v) {
    if (!m.is(v, VarFamily::agents)) continue;
    // The column's seat rows: one site, so its intervals come ascending.
    std::vector<int> on;
    for (Eigen::SparseMatrix<double>::InnerIterator it(columns.on_shift, m.var_key[v].column); it; ++it)
      on.push_back(static_cast<int>(it.row()) % count);
    const auto across = [&](int cut) {
      agents[cut % length] += std::max(0.0, lp_x[v]);
      ++shifts[cut % length];
    };
    for (std::size_t k = 0; k + 1 < on.size(); ++k)
      if (on[k + 1] == on[k] + 1) across(on[k + 1]);
    if (plan.horizon.cyclic && on.size() > 1 && on.front() == 0 && on.back() == count - 1) across(0);
  }
  int cut = 0;
  for (int o = 1; o < length; ++o)
    if (agents[o] < agents[cut] - score_tol || (agents[o] <= agents[cut] + score_tol && shifts[o] < shifts[cut])) cut = o;
  const auto part_of = [&](int i) {
    if (plan.horizon.cyclic) return ((i - cut) % count + count) % count / length;
    return cut == 0 ? i / length : i < cut ? 0 : 1 + (i - cut) / length;
  };
  TimeParts d;
  d.cut = cut;
  d.length = length;
  d.count = part_of(plan.horizon.cyclic ? (cut + count - 1) % count : count - 1) + 1;
  const std::vector<int> interval = time_index(plan, columns, m).row;
  d.part.resize(m.num_rows());
  for (int r = 0; r < m.num_rows(); ++r) d.part[r] = interval[r] < 0 ? 0 : std::min(part_of(interval[r]), d.count - 1);
  return d;
}

std::optional<double> part_mip_bound(const MilpModel& m, const TimeParts& parts, const CostSplit& split,
                                     const SolveOptions& options, double seconds, double absolute_gap,
                                     Clock::time_point started) {
  const auto end = Clock::now() + std::chrono::milliseconds(static_cast<long long>(1000 * std::max(0.0, seconds)));
  const RowMajor by_row = m.a;
  std::vector<std::vector<int>> rows(parts.count);
  for (int r = 0; r < m.num_rows(); ++r) rows[parts.part[r]].push_back(r);
  SolveOptions part_options = options;
  part_options.on_progress = nullptr;
  double total = 0;
  for (int k = 0; k < parts.count; ++k) {
    if (options.stop && options.stop->load()) return std::nullopt;
    const Part p = make_part(m, by_row, rows[k], split);
    double bound = p.floor;
    // An equal share of what is left, at least what CBC needs to start: most parts
    // close in a fraction of it and leave the rest to the parts after them.
    const double left = std::chrono::duration<double>(end - Clock::now()).count();
    if (left >= detail::kMinCbcSeconds && !p.vars.empty()) {
      MipLimits limits;
      limits.seconds = std::max(detail::kMinCbcSeconds, left / (parts.count - k));
      limits.absolute_gap = absolute_gap;
      MipResult r = solve_mip(p.model, nullptr, part_options, limits, started);
      // A part whose floor says nothing (a reduced cost a hair below 0 on an
      // unbounded variable) needs CBC's bound; when its short run gave none (its
      // child was stopped or died), it gets one more run of twice the time.
      if (!std::isfinite(bound) && !r.interrupted && !r.proven_infeasible && !std::isfinite(r.bound)) {
        limits.seconds *= 2;
        if (std::chrono::duration<double>(end - Clock::now()).count() >= limits.seconds)
          r = solve_mip(p.model, nullptr, part_options, limits, started);
      }
      if (r.interrupted) return std::nullopt;
      if (!r.proven_infeasible && std::isfinite(r.bound)) bound = std::max(bound, r.bound);
    }
    if (!std::isfinite(bound)) return std::nullopt;
    total += bound;
  }
  return total;
}

}  // namespace staffplan::optimize
