#include "optimize/milp_model.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace staffplan::optimize {
namespace {

constexpr double inf = std::numeric_limits<double>::infinity();
using Triplet = Eigen::Triplet<double>;

// The interval pattern of a column: its coverage and seat entries, for duplicate
// detection.
struct Pattern {
  int site, queue;
  std::vector<std::pair<int, double>> cover;
  std::vector<int> seats;
  bool operator<(const Pattern& o) const {
    return std::tie(site, queue, cover, seats) < std::tie(o.site, o.queue, o.cover, o.seats);
  }
};

}  // namespace

double MilpModel::objective(const std::vector<double>& x) const {
  double sum = 0;
  for (int v = 0; v < num_vars(); ++v) sum += cost[v] * x[v];
  return sum;
}

MilpModel build_milp(const Plan& plan, const require::Requirement& requirement,
                     const ColumnSet& set, std::optional<double> shortfall_penalty) {
  const Horizon& h = plan.horizon;
  const int count = h.count;
  MilpModel m;

  // Which columns survive the duplicate reduction.
  std::vector<bool> keep(set.columns.size(), true);
  {
    std::map<Pattern, int> cheapest;
    for (int c = 0; c < static_cast<int>(set.columns.size()); ++c) {
      const StartGroup& g = set.groups[set.columns[c].group];
      if (g.min_agents > 0 || g.max_agents >= 0) continue;
      Pattern p{set.columns[c].site, set.columns[c].queue, {}, {}};
      for (Eigen::SparseMatrix<double>::InnerIterator it(set.coverage, c); it; ++it)
        p.cover.emplace_back(static_cast<int>(it.row()), it.value());
      for (Eigen::SparseMatrix<double>::InnerIterator it(set.on_shift, c); it; ++it)
        p.seats.push_back(static_cast<int>(it.row()));
      auto [pos, fresh] = cheapest.try_emplace(std::move(p), c);
      if (fresh) continue;
      if (set.columns[c].cost < set.columns[pos->second].cost) {
        keep[pos->second] = false;
        pos->second = c;
      } else {
        keep[c] = false;
      }
    }
  }

  // The model cost of a free column (see kFreeAgentTieBreak).
  double cheapest = inf;
  for (int c = 0; c < static_cast<int>(set.columns.size()); ++c)
    if (keep[c] && set.columns[c].cost > 0) cheapest = std::min(cheapest, set.columns[c].cost);
  const double free_agent_cost = std::isfinite(cheapest) ? kFreeAgentTieBreak * cheapest : 1.0;

  // Variables: kept columns, bounded by seats and the group maximum.
  std::vector<int> var_of(set.columns.size(), -1);
  for (int c = 0; c < static_cast<int>(set.columns.size()); ++c) {
    if (!keep[c]) continue;
    const Column& col = set.columns[c];
    const StartGroup& g = set.groups[col.group];
    double ub = inf;
    if (plan.sites[col.site].seats) ub = *plan.sites[col.site].seats;
    if (g.max_agents >= 0) ub = std::min<double>(ub, g.max_agents);
    double lb = 0;
    if (g.columns.size() == 1 && g.min_agents > 0) lb = g.min_agents;
    var_of[c] = m.num_vars();
    m.column.push_back(c);
    m.shortfall_cell.push_back(-1);
    m.col_lb.push_back(lb);
    m.col_ub.push_back(ub);
    m.cost.push_back(col.cost > 0 ? col.cost : free_agent_cost);
    m.integer.push_back(true);
  }

  std::vector<Triplet> entries;
  // Coverage rows (q, i) with a requirement.
  std::vector<int> cover_row(static_cast<std::size_t>(plan.queues.size()) * count, -1);
  for (int q = 0; q < static_cast<int>(plan.queues.size()); ++q)
    for (int i = 0; i < count; ++i) {
      const int required = requirement.queues[q].intervals[i].agents;
      if (required <= 0) continue;
      cover_row[static_cast<std::size_t>(q) * count + i] = m.num_rows();
      m.row_lb.push_back(required);
      m.row_ub.push_back(inf);
    }
  m.num_coverage_rows = m.num_rows();
  for (int c = 0; c < static_cast<int>(set.columns.size()); ++c) {
    if (var_of[c] < 0) continue;
    const double productive = 1 - plan.sites[set.columns[c].site].shrinkage;
    for (Eigen::SparseMatrix<double>::InnerIterator it(set.coverage, c); it; ++it)
      if (const int r = cover_row[it.row()]; r >= 0)
        entries.emplace_back(r, var_of[c], productive * it.value());
  }
  if (shortfall_penalty) {
    const double interval_h = h.interval_s / 3600.0;
    for (std::size_t cell = 0; cell < cover_row.size(); ++cell) {
      if (cover_row[cell] < 0) continue;
      const int v = m.num_vars();
      m.column.push_back(-1);
      m.shortfall_cell.push_back(static_cast<int>(cell));
      m.col_lb.push_back(0);
      m.col_ub.push_back(m.row_lb[cover_row[cell]]);
      m.cost.push_back(*shortfall_penalty * interval_h);
      m.integer.push_back(false);
      entries.emplace_back(cover_row[cell], v, 1.0);
    }
  }

  // Seat rows that can bind.
  for (int s = 0; s < static_cast<int>(plan.sites.size()); ++s) {
    if (!plan.sites[s].seats) continue;
    std::vector<std::vector<int>> on(count);
    for (int c = 0; c < static_cast<int>(set.columns.size()); ++c) {
      if (var_of[c] < 0 || set.columns[c].site != s) continue;
      for (Eigen::SparseMatrix<double>::InnerIterator it(set.on_shift, c); it; ++it)
        on[it.row() - static_cast<Eigen::Index>(s) * count].push_back(var_of[c]);
    }
    const double seats = *plan.sites[s].seats;
    for (int i = 0; i < count; ++i) {
      double most = 0;
      for (int v : on[i]) most += m.col_ub[v];
      if (most <= seats) continue;
      const int r = m.num_rows();
      m.row_lb.push_back(-inf);
      m.row_ub.push_back(seats);
      for (int v : on[i]) entries.emplace_back(r, v, 1.0);
    }
  }

  // Group limits over several columns.
  for (const StartGroup& g : set.groups) {
    if (g.columns.size() < 2 || (g.min_agents <= 0 && g.max_agents < 0)) continue;
    const int r = m.num_rows();
    m.row_lb.push_back(g.min_agents > 0 ? g.min_agents : -inf);
    m.row_ub.push_back(g.max_agents >= 0 ? g.max_agents : inf);
    for (int c : g.columns) entries.emplace_back(r, var_of[c], 1.0);
  }

  m.a.resize(m.num_rows(), m.num_vars());
  m.a.setFromTriplets(entries.begin(), entries.end());
  m.a.makeCompressed();
  return m;
}

MilpModel fix_by_reduced_cost(const MilpModel& m, const std::vector<double>& lp_x,
                              const std::vector<double>& reduced_cost, double lp_objective,
                              double incumbent, std::vector<int>& kept) {
  // A margin of 1e-6 relative keeps round-off in the duals from fixing a needed column.
  const double slack = incumbent - lp_objective + 1e-6 * std::max(1.0, std::abs(incumbent));
  kept.clear();
  for (int v = 0; v < m.num_vars(); ++v) {
    const bool at_zero = m.col_lb[v] == 0 && lp_x[v] <= 1e-9;
    if (!(m.integer[v] && at_zero && reduced_cost[v] > slack)) kept.push_back(v);
  }
  // Rows: coverage rows and limits stay; a ≤ row stays while its kept columns
  // could still exceed it.
  std::vector<int> new_row(m.num_rows(), -1);
  Eigen::SparseMatrix<double, Eigen::RowMajor> rows(m.a);
  std::vector<bool> is_kept(m.num_vars(), false);
  for (int v : kept) is_kept[v] = true;
  MilpModel r;
  for (int row = 0; row < m.num_rows(); ++row) {
    bool keep_row = row < m.num_coverage_rows || m.row_lb[row] > -inf;
    if (!keep_row) {
      double most = 0;
      for (Eigen::SparseMatrix<double, Eigen::RowMajor>::InnerIterator it(rows, row); it; ++it)
        if (is_kept[it.col()]) most += it.value() * m.col_ub[it.col()];
      keep_row = most > m.row_ub[row];
    }
    if (!keep_row) continue;
    new_row[row] = r.num_rows();
    r.row_lb.push_back(m.row_lb[row]);
    r.row_ub.push_back(m.row_ub[row]);
    if (row < m.num_coverage_rows) r.num_coverage_rows = r.num_rows();
  }
  std::vector<Triplet> entries;
  for (int k = 0; k < static_cast<int>(kept.size()); ++k) {
    const int v = kept[k];
    r.col_lb.push_back(m.col_lb[v]);
    r.col_ub.push_back(m.col_ub[v]);
    r.cost.push_back(m.cost[v]);
    r.integer.push_back(m.integer[v]);
    r.column.push_back(m.column[v]);
    r.shortfall_cell.push_back(m.shortfall_cell[v]);
    for (Eigen::SparseMatrix<double>::InnerIterator it(m.a, v); it; ++it)
      if (const int row = new_row[it.row()]; row >= 0) entries.emplace_back(row, k, it.value());
  }
  r.a.resize(r.num_rows(), r.num_vars());
  r.a.setFromTriplets(entries.begin(), entries.end());
  r.a.makeCompressed();
  return r;
}

}  // namespace staffplan::optimize
