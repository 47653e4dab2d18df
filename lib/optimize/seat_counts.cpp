// Appends the seat-count variables and their defining rows (seat_counts.hpp).
#include "optimize/seat_counts.hpp"

#include <Eigen/SparseCore>

#include <algorithm>
#include <limits>
#include <map>

namespace staffplan::optimize {

MilpModel with_seat_counts(const MilpModel& model) {
  MilpModel m = model;
  using RowMatrix = Eigen::SparseMatrix<double, Eigen::RowMajor>;
  const RowMatrix rows = model.a;
  // The distinct column sets of the Seats rows, in row order (first row names it).
  std::map<std::vector<int>, int> count_of;
  std::vector<int> first_row;
  std::vector<std::vector<int>> columns_of;
  std::vector<double> upper;
  for (int r : model.rows_of(RowFamily::seats)) {
    std::vector<int> vars;
    for (RowMatrix::InnerIterator it(rows, r); it; ++it) vars.push_back(static_cast<int>(it.col()));
    if (vars.size() < 2) continue;
    const auto [at, added] = count_of.emplace(vars, static_cast<int>(first_row.size()));
    if (added) {
      first_row.push_back(r);
      columns_of.push_back(vars);
      upper.push_back(model.row_ub[r]);
    } else {
      upper[at->second] = std::min(upper[at->second], model.row_ub[r]);
    }
  }
  if (first_row.empty()) return m;

  std::vector<Eigen::Triplet<double>> entries = model.entries();
  for (std::size_t k = 0; k < first_row.size(); ++k) {
    const RowKey& seats = model.row_key[first_row[k]];
    const int n = m.num_vars(), row = m.num_rows();
    m.var_key.push_back(VarKey{.family = VarFamily::count, .interval = seats.interval, .site = seats.site});
    m.col_lb.push_back(0);
    m.col_ub.push_back(upper[k]);
    m.cost.push_back(0);
    m.integer.push_back(true);
    m.row_key.push_back(RowKey{.family = RowFamily::count, .site = seats.site, .interval = seats.interval});
    m.row_lb.push_back(0);
    m.row_ub.push_back(0);
    for (int v : columns_of[k]) entries.emplace_back(row, v, 1.0);
    entries.emplace_back(row, n, -1.0);
  }
  m.set_matrix(entries);
  return m;
}

std::vector<double> with_count_values(const MilpModel& counted, const std::vector<double>& x) {
  std::vector<double> full = x;
  full.resize(counted.num_vars(), 0.0);
  // With every n at 0, a Count row's activity is its Σ agents on shift, n's value.
  const Eigen::VectorXd activity = counted.a * Eigen::Map<const Eigen::VectorXd>(full.data(), counted.num_vars());
  for (int n = static_cast<int>(x.size()); n < counted.num_vars(); ++n)
    for (Eigen::SparseMatrix<double>::InnerIterator it(counted.a, n); it; ++it) full[n] = activity[it.row()];
  return full;
}

}  // namespace staffplan::optimize
