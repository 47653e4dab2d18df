#include "optimize/lp_form.hpp"

#include <limits>
#include <vector>

namespace staffplan::optimize {
namespace {

constexpr double inf = std::numeric_limits<double>::infinity();
constexpr double zero_tol = 1e-12;  // differences this small are exact cancellations

}  // namespace

MilpModel differenced(const MilpModel& m) {
  const int n = m.num_vars(), rows = m.num_rows();
  MilpModel d;
  d.col_lb = m.col_lb;
  d.col_ub = m.col_ub;
  d.cost = m.cost;
  d.integer = m.integer;
  std::vector<Eigen::Triplet<double>> entries;
  entries.reserve(static_cast<std::size_t>(m.a.nonZeros()) * 2 + static_cast<std::size_t>(rows) * 2);
  for (int v = 0; v < n; ++v)
    for (Eigen::SparseMatrix<double>::InnerIterator it(m.a, v); it; ++it) {
      entries.emplace_back(static_cast<int>(it.row()), v, it.value());
      if (it.row() + 1 < rows) entries.emplace_back(static_cast<int>(it.row()) + 1, v, -it.value());
    }
  std::vector<double> rhs(rows);
  for (int r = 0; r < rows; ++r) {
    double sign = -1, lb = 0, ub = inf;
    if (m.row_lb[r] > -inf) {
      rhs[r] = m.row_lb[r];  // a·x − s = lb, s ≤ ub − lb
      ub = m.row_ub[r] < inf ? m.row_ub[r] - m.row_lb[r] : inf;
    } else if (m.row_ub[r] < inf) {
      rhs[r] = m.row_ub[r];  // a·x + s = ub
      sign = 1;
    } else {
      rhs[r] = 0;            // a free row: a·x − s = 0 with s free
      lb = -inf;
    }
    const int s = n + r;
    d.col_lb.push_back(lb);
    d.col_ub.push_back(ub);
    d.cost.push_back(0);
    d.integer.push_back(false);
    entries.emplace_back(r, s, sign);
    if (r + 1 < rows) entries.emplace_back(r + 1, s, -sign);
  }
  for (int r = 0; r < rows; ++r) {
    const double b = rhs[r] - (r > 0 ? rhs[r - 1] : 0.0);
    d.row_lb.push_back(b);
    d.row_ub.push_back(b);
  }
  d.a.resize(rows, n + rows);
  d.a.setFromTriplets(entries.begin(), entries.end());  // sums duplicates
  d.a.prune(1.0, zero_tol);
  d.a.makeCompressed();
  return d;
}

}  // namespace staffplan::optimize
