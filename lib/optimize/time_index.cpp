// Intervals of a model's variables and rows (time_index.hpp).
#include "optimize/time_index.hpp"

#include <Eigen/SparseCore>

#include <algorithm>

namespace staffplan::optimize {

bool rows_local_in_time(const MilpModel& m) {
  for (const RowKey& k : m.row_key)
    switch (k.family) {
      case RowFamily::cover: case RowFamily::capacity: case RowFamily::pool: case RowFamily::seats:
      case RowFamily::limit: case RowFamily::group_limit: case RowFamily::rounding: break;
      default: return false;
    }
  return true;
}

TimeIndex time_index(const Plan& plan, const ColumnSet& columns, const MilpModel& m) {
  const int last = plan.horizon.count - 1;
  const auto start_interval = [&](int site, int shift, int start) {
    return std::clamp(plan.sites[site].shifts[shift].starts[start].interval, 0, last);
  };
  TimeIndex t;
  t.var.assign(m.num_vars(), -1);
  for (int v = 0; v < m.num_vars(); ++v) {
    const VarKey& k = m.var_key[v];
    if (k.family == VarFamily::agents) {
      const Column& c = columns.columns[k.column];
      t.var[v] = start_interval(c.site, c.shift, c.start);
    } else if (k.interval >= 0) {
      t.var[v] = std::clamp(k.interval, 0, last);
    }
  }
  const Eigen::SparseMatrix<double, Eigen::RowMajor> by_row = m.a;
  t.row.assign(m.num_rows(), -1);
  for (int r = 0; r < m.num_rows(); ++r) {
    const RowKey& k = m.row_key[r];
    if (k.family == RowFamily::rounding && k.source >= 0 && k.source < r) {
      t.row[r] = t.row[k.source];  // a Round row lies in the interval of the row it rounds
    } else if (k.family == RowFamily::limit) {
      const StartGroup& s = columns.starts[k.start];
      t.row[r] = start_interval(s.site, s.shift, s.start);
    } else if (k.interval >= 0) {
      t.row[r] = std::clamp(k.interval, 0, last);
    } else {
      for (decltype(by_row)::InnerIterator it(by_row, r); it && t.row[r] < 0; ++it) t.row[r] = t.var[it.col()];
    }
  }
  return t;
}

}  // namespace staffplan::optimize
