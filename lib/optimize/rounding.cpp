#include "optimize/rounding.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace staffplan::optimize {
namespace {

constexpr double tol = 1e-6;  // row activity tolerance, as CBC's primal tolerance order
// Cost difference below which a removal is "free" (no saving, no penalty): such an
// agent is removed too, so fewer agents win among plans of the same cost.
constexpr double kCostTieTolerance = 1e-9;
using ColIt = Eigen::SparseMatrix<double>::InnerIterator;
using RowMatrix = Eigen::SparseMatrix<double, Eigen::RowMajor>;

class Repair {
 public:
  Repair(const MilpModel& m, std::vector<double> x) : m_(m), rows_(m.a), x_(std::move(x)) {
    activity_.assign(m.num_rows(), 0.0);
    shortfall_var_.assign(m.num_rows(), -1);
    for (int v = 0; v < m.num_vars(); ++v) {
      for (ColIt it(m.a, v); it; ++it) activity_[it.row()] += it.value() * x_[v];
      if (!m.integer[v])
        for (ColIt it(m.a, v); it; ++it) shortfall_var_[it.row()] = v;
    }
  }

  bool repair() {
    for (int r = 0; r < m_.num_rows(); ++r) {
      while (activity_[r] < m_.row_lb[r] - tol) {
        const int v = best_addition(r);
        if (v < 0) break;
        change(v, +1);
      }
      if (activity_[r] >= m_.row_lb[r] - tol) continue;
      const int s = shortfall_var_[r];
      if (s < 0) return false;
      change(s, m_.row_lb[r] - activity_[r]);
    }
    return true;
  }

  void remove() {
    std::vector<int> order(m_.num_vars());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return m_.cost[a] > m_.cost[b]; });
    for (int v : order) {
      if (!m_.integer[v]) continue;
      while (x_[v] - 1 >= m_.col_lb[v] - tol && removal_pays(v)) {
        change(v, -1);
        for (ColIt it(m_.a, v); it; ++it) {
          const int r = static_cast<int>(it.row());
          if (const int s = shortfall_var_[r]; s >= 0 && activity_[r] < m_.row_lb[r] - tol)
            change(s, m_.row_lb[r] - activity_[r]);
        }
      }
    }
  }

  const std::vector<double>& solution() const { return x_; }

 private:
  // The integer column covering row r that covers the most shortage per unit cost
  // and can take one more agent; -1 when none can.
  int best_addition(int r) const {
    int best = -1;
    double best_score = 0;
    for (RowMatrix::InnerIterator it(rows_, r); it; ++it) {
      const int v = static_cast<int>(it.col());
      if (!m_.integer[v] || it.value() <= 0 || x_[v] + 1 > m_.col_ub[v] + tol) continue;
      double covered = 0;
      bool fits = true;
      for (ColIt c(m_.a, v); c; ++c) {
        const int row = static_cast<int>(c.row());
        if (activity_[row] + c.value() > m_.row_ub[row] + tol) {
          fits = false;
          break;
        }
        covered += std::min(c.value(), std::max(0.0, m_.row_lb[row] - activity_[row]));
      }
      if (!fits) continue;
      const double score = covered / std::max(m_.cost[v], 1e-9);
      if (score > best_score) {
        best_score = score;
        best = v;
      }
    }
    return best;
  }

  // True when one agent less on v keeps every hard row and the shortfall it adds
  // costs no more than the agent: it saves money, or it costs nothing and is one
  // agent fewer (an agent at hourly cost 0 that no row needs).
  bool removal_pays(int v) const {
    double added_penalty = 0;
    for (ColIt it(m_.a, v); it; ++it) {
      const int r = static_cast<int>(it.row());
      const double after = activity_[r] - it.value();
      if (after >= m_.row_lb[r] - tol) continue;
      const int s = shortfall_var_[r];
      if (s < 0) return false;
      added_penalty += m_.cost[s] * (m_.row_lb[r] - after);
    }
    return added_penalty <= kCostTieTolerance || added_penalty < m_.cost[v] - kCostTieTolerance;
  }

  void change(int v, double delta) {
    x_[v] += delta;
    for (ColIt it(m_.a, v); it; ++it) activity_[it.row()] += it.value() * delta;
  }

  const MilpModel& m_;
  RowMatrix rows_;
  std::vector<double> x_;
  std::vector<double> activity_;
  std::vector<int> shortfall_var_;  // row -> its shortfall variable, -1 = hard row
};

}  // namespace

std::optional<std::vector<double>> round_and_repair(const MilpModel& model,
                                                    const std::vector<double>& lp_solution) {
  std::vector<double> x(model.num_vars(), 0.0);
  for (int v = 0; v < model.num_vars(); ++v)
    if (model.integer[v])
      x[v] = std::clamp(std::floor(lp_solution[v] + tol), model.col_lb[v], model.col_ub[v]);
  Repair repair(model, std::move(x));
  if (!repair.repair()) return std::nullopt;
  repair.remove();
  return repair.solution();
}

std::vector<double> remove_redundant(const MilpModel& model, std::vector<double> x) {
  Repair repair(model, std::move(x));
  repair.remove();
  return repair.solution();
}

}  // namespace staffplan::optimize
