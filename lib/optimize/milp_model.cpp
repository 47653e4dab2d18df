// MilpModel queries (families by name, subsets) and reduced-cost fixing.
#include "optimize/milp_model.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "optimize/model_builder.hpp"

namespace staffplan::optimize {

const char* family_name(VarFamily f) {
  switch (f) {
    case VarFamily::agents: return "x";
    case VarFamily::allocation: return "y";
    case VarFamily::shortfall: return "u";
    case VarFamily::increment: return "z";
    case VarFamily::share: return "w";
    case VarFamily::send: return "v";
    case VarFamily::work: return "p";
    case VarFamily::tour: return "t";
    case VarFamily::count: return "n";
  }
  return "?";
}

const char* family_name(RowFamily f) {
  switch (f) {
    case RowFamily::cover: return "Cover";
    case RowFamily::capacity: return "Capacity";
    case RowFamily::pool: return "Pool";
    case RowFamily::seats: return "Seats";
    case RowFamily::limit: return "Limit";
    case RowFamily::group_limit: return "GroupLimit";
    case RowFamily::increment: return "Increment";
    case RowFamily::service_level: return "ServiceLevel";
    case RowFamily::order: return "Order";
    case RowFamily::choice: return "Choice";
    case RowFamily::work: return "Work";
    case RowFamily::work_pool: return "WorkPool";
    case RowFamily::link: return "Link";
    case RowFamily::tour_week: return "TourWeek";
    case RowFamily::tour_limit: return "TourLimit";
    case RowFamily::rounding: return "Round";
    case RowFamily::count: return "Count";
  }
  return "?";
}

double MilpModel::objective(const std::vector<double>& x) const {
  double sum = 0;
  for (int v = 0; v < num_vars(); ++v) sum += cost[v] * x[v];
  return sum;
}

std::vector<int> MilpModel::vars_of(VarFamily f) const {
  std::vector<int> out;
  for (int v = 0; v < num_vars(); ++v)
    if (var_key[v].family == f) out.push_back(v);
  return out;
}

std::vector<int> MilpModel::rows_of(RowFamily f) const {
  std::vector<int> out;
  for (int r = 0; r < num_rows(); ++r)
    if (row_key[r].family == f) out.push_back(r);
  return out;
}

std::string MilpModel::var_name(int v) const {
  const VarKey& k = var_key[v];
  switch (k.family) {
    case VarFamily::agents: return fmt::format("x[{}]", k.column);
    case VarFamily::allocation: return fmt::format("y[{},{},{}]", k.group, k.queue, k.interval);
    case VarFamily::shortfall: return fmt::format("u[{},{}]", k.queue, k.interval);
    case VarFamily::increment: return fmt::format("z[{},{},{}]", k.queue, k.interval, k.step);
    case VarFamily::share: return fmt::format("w[{},{},{}]", k.outsourcer, k.queue, k.level);
    case VarFamily::send: return fmt::format("v[{},{},{}]", k.outsourcer, k.queue, k.interval);
    case VarFamily::work: return fmt::format("p[{},{},{},{}]", k.group, k.work, k.day, k.interval);
    case VarFamily::tour: return fmt::format("t[{},{},{},{:#x},{}]", k.site, k.contract, k.group, k.pattern, k.minute);
    case VarFamily::count: return fmt::format("n[{},{}]", k.site, k.interval);
  }
  return "?";
}

std::string MilpModel::row_name(int r) const {
  const RowKey& k = row_key[r];
  switch (k.family) {
    case RowFamily::cover: return fmt::format("Cover({},{})", k.queue, k.interval);
    case RowFamily::capacity: return fmt::format("Capacity({},{})", k.group, k.interval);
    case RowFamily::pool: return fmt::format("Pool({:#x},{})", k.queues, k.interval);
    case RowFamily::seats: return fmt::format("Seats({},{})", k.site, k.interval);
    case RowFamily::limit: return fmt::format("Limit({})", k.start);
    case RowFamily::group_limit: return fmt::format("GroupLimit({},{})", k.group, k.interval);
    case RowFamily::increment: return fmt::format("Increment({},{})", k.queue, k.interval);
    case RowFamily::service_level: return fmt::format("ServiceLevel({},{})", k.queue, k.period);
    case RowFamily::order: return fmt::format("Order({},{},{})", k.queue, k.interval, k.step);
    case RowFamily::choice: return fmt::format("Choice({},{})", k.outsourcer, k.queue);
    case RowFamily::work: return fmt::format("Work({},{})", k.work, k.day);
    case RowFamily::work_pool: return fmt::format("WorkPool({},{})", k.work, k.day);
    case RowFamily::link:
      return fmt::format("Link({},{},{},{},{},{})", k.site, k.contract, k.group, k.period, k.day, k.minute);
    case RowFamily::tour_week: return fmt::format("TourWeek({},{},{},{})", k.site, k.contract, k.group, k.minute);
    case RowFamily::tour_limit: return fmt::format("TourLimit({},{})", k.site, k.contract);
    case RowFamily::rounding: return fmt::format("Round({},{})", k.source, k.step);
    case RowFamily::count: return fmt::format("Count({},{})", k.site, k.interval);
  }
  return "?";
}

std::vector<Eigen::Triplet<double>> MilpModel::entries() const {
  std::vector<Eigen::Triplet<double>> out;
  out.reserve(static_cast<std::size_t>(a.nonZeros()));
  for (int v = 0; v < num_vars(); ++v)
    for (Eigen::SparseMatrix<double>::InnerIterator it(a, v); it; ++it)
      out.emplace_back(static_cast<int>(it.row()), v, it.value());
  return out;
}

void MilpModel::set_matrix(const std::vector<Eigen::Triplet<double>>& entries) {
  a.resize(num_rows(), num_vars());
  a.setFromTriplets(entries.begin(), entries.end());
  a.makeCompressed();
}

MilpModel MilpModel::subset(const std::vector<int>& vars, const std::vector<int>& rows) const {
  std::vector<int> new_row(num_rows(), -1);
  ModelBuilder b;
  for (int r : rows) new_row[r] = b.add_row(row_key[r], row_lb[r], row_ub[r]);
  for (int v : vars) {
    const int k = b.add_var(var_key[v], col_lb[v], col_ub[v], cost[v], integer[v]);
    for (Eigen::SparseMatrix<double>::InnerIterator it(a, v); it; ++it)
      if (const int row = new_row[it.row()]; row >= 0) b.add_entry(row, k, it.value());
  }
  return b.build();
}

MilpModel fix_by_reduced_cost(const MilpModel& m, const std::vector<double>& lp_x,
                              const std::vector<double>& reduced_cost, double lp_objective,
                              double incumbent, std::vector<int>& kept) {
  // A margin of 1e-6 relative keeps round-off in the duals from fixing a needed column.
  const double slack = incumbent - lp_objective + 1e-6 * std::max(1.0, std::abs(incumbent));
  kept.clear();
  for (int v = 0; v < m.num_vars(); ++v) {
    const bool at_zero = m.col_lb[v] == 0 && lp_x[v] <= 1e-9;
    if (!(m.is(v, VarFamily::agents) && at_zero && reduced_cost[v] > slack)) kept.push_back(v);
  }
  // Packing rows (Seats, GroupLimit) stay only while their kept agents could still
  // exceed them; every other row stays.
  std::vector<bool> is_kept(m.num_vars(), false);
  for (int v : kept) is_kept[v] = true;
  std::vector<double> most(m.num_rows(), 0.0);
  for (int v : kept)
    for (Eigen::SparseMatrix<double>::InnerIterator it(m.a, v); it; ++it)
      most[it.row()] += it.value() * m.col_ub[v];
  std::vector<int> rows;
  for (int r = 0; r < m.num_rows(); ++r) {
    const bool packing = m.is(r, RowFamily::seats) || m.is(r, RowFamily::group_limit);
    if (!packing || most[r] > m.row_ub[r]) rows.push_back(r);
  }
  return m.subset(kept, rows);
}

}  // namespace staffplan::optimize
