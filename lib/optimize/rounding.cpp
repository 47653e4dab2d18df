#include "optimize/rounding.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>
#include <utility>

#include "optimize/limits.hpp"

namespace staffplan::optimize {
namespace {

constexpr double tol = detail::kRowTolerance;
// Cost difference below which a removal is "free" (no saving, no penalty): such an
// agent is removed too, so fewer agents win among plans of the same cost.
constexpr double kCostTieTolerance = 1e-9;
// A tour agent's shift that covers nothing short still scores this much, so the
// cheapest such shift wins.
constexpr double kIdleShiftScore = 1e-3;
using ColIt = Eigen::SparseMatrix<double>::InnerIterator;
using RowMatrix = Eigen::SparseMatrix<double, Eigen::RowMajor>;

// Variables that draw on a group's Capacity row: queue allocation y and work placement w.
bool draws_on_capacity(const MilpModel& m, int v) {
  return m.is(v, VarFamily::allocation) || m.is(v, VarFamily::work);
}

class Repair {
 public:
  Repair(const MilpModel& m, std::vector<double> x) : m_(m), rows_(m.a), x_(std::move(x)) {
    activity_.assign(m.num_rows(), 0.0);
    shortfall_var_.assign(m.num_rows(), -1);
    capacity_of_.assign(m.num_vars(), -1);
    for (int v = 0; v < m.num_vars(); ++v)
      for (ColIt it(m.a, v); it; ++it) activity_[it.row()] += it.value() * x_[v];
    for (int u : m.vars_of(VarFamily::shortfall))
      for (ColIt it(m.a, u); it; ++it) shortfall_var_[it.row()] = u;
    for (int y = 0; y < m.num_vars(); ++y)
      if (draws_on_capacity(m, y))
        for (ColIt it(m.a, y); it; ++it)
          if (m.is(static_cast<int>(it.row()), RowFamily::capacity)) capacity_of_[y] = static_cast<int>(it.row());
    tours_ = m.vars_of(VarFamily::tour);
  }

  // Weekly tours (Link and TourWeek rows): makes every Link row hold by giving
  // each tour agent a shift on each of its days (the best column of the day that
  // fits), or by taking surplus daily agents away (the dearest first); with days
  // off anywhere, a day has at most one shift per agent (Link) and the week k per
  // agent (TourWeek), on the days with room. False when a day's agents cannot all
  // be placed.
  bool balance_links() {
    std::vector<int> rows = m_.rows_of(RowFamily::link);
    const std::vector<int> weeks = m_.rows_of(RowFamily::tour_week);
    rows.insert(rows.end(), weeks.begin(), weeks.end());
    for (int r : rows) {
      while (activity_[r] > tol) {
        const int dearest = dearest_in(r, false);
        if (dearest < 0) return false;
        change(dearest, -1);
      }
      while (activity_[r] < m_.row_lb[r] - tol) {
        const int v = best_in_link(r);
        if (v < 0) return false;
        change(v, +1);
      }
    }
    return true;
  }

  // One more agent on tour t, with the best shift that fits on each of its days
  // (with days off anywhere: the k best shifts on days with room). Returns the
  // shortage the move covers and its cost, and keeps it in `moved` (undo with
  // undo()); nullopt, with nothing changed, when some day has no shift that fits.
  std::optional<std::pair<double, double>> add_tour(int t, std::vector<int>& moved) {
    moved.clear();
    if (x_[t] + 1 > m_.col_ub[t] + tol) return std::nullopt;
    double covered = 0, cost = m_.cost[t];
    change(t, +1);
    moved.push_back(t);
    for (ColIt it(m_.a, t); it; ++it) {
      const int r = static_cast<int>(it.row());
      if (!is_tour_row(r) || !std::isfinite(m_.row_lb[r])) continue;  // a pooled Link row only gains room
      while (activity_[r] < m_.row_lb[r] - tol) {
        const int v = best_in_link(r);
        if (v < 0) {
          undo(moved);
          return std::nullopt;
        }
        covered += coverage_gain(v);
        cost += m_.cost[v];
        change(v, +1);
        moved.push_back(v);
      }
    }
    return std::make_pair(covered, cost);
  }

  void undo(std::vector<int>& moved) {
    for (int v : moved) change(v, -1);
    moved.clear();
  }

  // For short row r: adds the tour agent (with the best shifts on its days) that
  // covers the most shortage per unit cost among those that help r; false when
  // none can be added.
  bool add_best_tour(int r) {
    std::vector<int> candidates;
    for (RowMatrix::InnerIterator it(rows_, r); it; ++it) {
      const int v = static_cast<int>(it.col());
      if (!m_.is(v, VarFamily::agents) || it.value() <= 0) continue;
      for (ColIt c(m_.a, v); c; ++c)
        if (m_.is(static_cast<int>(c.row()), RowFamily::link))
          for (RowMatrix::InnerIterator l(rows_, static_cast<int>(c.row())); l; ++l)
            if (m_.is(static_cast<int>(l.col()), VarFamily::tour)) candidates.push_back(static_cast<int>(l.col()));
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    int best = -1;
    double best_score = 0;
    std::vector<int> moved;
    for (int t : candidates) {
      const double short_before = m_.row_lb[r] - activity_[r];
      const auto move = add_tour(t, moved);
      if (!move) continue;
      const bool helps = m_.row_lb[r] - activity_[r] < short_before - tol;
      undo(moved);
      if (!helps) continue;
      const double score = move->first / std::max(move->second, 1e-9);
      if (score > best_score) {
        best_score = score;
        best = t;
      }
    }
    return best >= 0 && add_tour(best, moved).has_value();
  }

  // Takes whole tour agents away (the tour and one shift on each of its days, the
  // dearest that can go; with days off anywhere, one on each day that has more
  // shifts than agents left, then the dearest until the week is k per agent)
  // while every row still holds and the removal saves money or costs nothing.
  void remove_tours() {
    for (int t : tours_) {
      while (x_[t] - 1 >= m_.col_lb[t] - tol) {
        std::vector<int> moved;
        change(t, -1);
        moved.push_back(t);
        bool ok = true;
        // Link rows before the TourWeek row: the days that must lose a shift first.
        std::vector<int> rows;
        for (ColIt it(m_.a, t); it; ++it)
          if (m_.is(static_cast<int>(it.row()), RowFamily::link)) rows.push_back(static_cast<int>(it.row()));
        for (ColIt it(m_.a, t); it; ++it)
          if (m_.is(static_cast<int>(it.row()), RowFamily::tour_week)) rows.push_back(static_cast<int>(it.row()));
        for (std::size_t k = 0; k < rows.size() && ok; ++k) {
          const int r = rows[k];
          while (ok && activity_[r] > tol) {
            const int gone = dearest_in(r, true);
            if (gone < 0) ok = false;
            else {
              change(gone, -1);
              moved.push_back(gone);
            }
          }
        }
        if (ok) continue;
        for (int v : moved) change(v, +1);
        break;
      }
    }
  }

  // The dearest agents variable of tour row r that can lose an agent (with
  // `keep_rows`, only where every other row still holds then); -1 when none can.
  int dearest_in(int r, bool keep_rows) const {
    int dearest = -1;
    for (RowMatrix::InnerIterator it(rows_, r); it; ++it) {
      const int v = static_cast<int>(it.col());
      if (!m_.is(v, VarFamily::agents) || x_[v] - 1 < m_.col_lb[v] - tol) continue;
      if (keep_rows && !removal_keeps_rows(v)) continue;
      if (dearest < 0 || m_.cost[v] > m_.cost[dearest]) dearest = v;
    }
    return dearest;
  }

  // Link and TourWeek rows: the rows that tie daily shifts to weekly tours.
  bool is_tour_row(int r) const { return m_.is(r, RowFamily::link) || m_.is(r, RowFamily::tour_week); }

  // Whether every row still holds with one agent less on v, tour rows aside.
  bool removal_keeps_rows(int v) const {
    for (ColIt it(m_.a, v); it; ++it) {
      const int r = static_cast<int>(it.row());
      if (is_tour_row(r)) continue;
      const double after = activity_[r] - it.value();
      if (after > m_.row_ub[r] + tol || after < m_.row_lb[r] - tol) return false;
    }
    return true;
  }

  // Whether every row holds (within the tolerance).
  bool feasible() const {
    for (int r = 0; r < m_.num_rows(); ++r)
      if (activity_[r] < m_.row_lb[r] - tol || activity_[r] > m_.row_ub[r] + tol) return false;
    return true;
  }

  bool repair() {
    for (int r = 0; r < m_.num_rows(); ++r) {
      if (m_.is(r, RowFamily::service_level)) continue;  // after the coverage, below
      while (activity_[r] < m_.row_lb[r] - tol) {
        if (allocate(r)) continue;
        const int v = best_addition(r);
        if (v >= 0) {
          change(v, +1);
          continue;
        }
        if (tours_.empty() || !add_best_tour(r)) break;
      }
      if (activity_[r] >= m_.row_lb[r] - tol) continue;
      const int s = shortfall_var_[r];
      if (s < 0) return false;
      change(s, m_.row_lb[r] - activity_[r]);
    }
    return repair_service_level();
  }

  void remove() {
    std::vector<int> order = m_.vars_of(VarFamily::agents);
    const std::vector<int> sends = m_.vars_of(VarFamily::send);
    order.insert(order.end(), sends.begin(), sends.end());
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return m_.cost[a] > m_.cost[b]; });
    for (int v : order) {
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
  // ---- day and week service level (SPEC §11) --------------------------------
  // The z increments of an Increment row earn service-level credit for the agents
  // above the floor staffing. They are filled in step order (the order the Order
  // rows ask for, and the concave order), as far as the row's coverage allows;
  // binary increments only whole.
  void fill_increments(int r) {
    double slack = activity_[r] - m_.row_lb[r];
    for (RowMatrix::InnerIterator it(rows_, r); it; ++it) {  // z in step order (added so)
      const int z = static_cast<int>(it.col());
      if (!m_.is(z, VarFamily::increment)) continue;
      slack += x_[z];  // what this step holds now is available again
      double want = std::clamp(slack, 0.0, m_.col_ub[z]);
      if (m_.integer[z]) want = want >= 1 - tol ? 1.0 : 0.0;
      if (want != x_[z]) change(z, want - x_[z]);
      slack -= want;
    }
  }

  // The Increment rows whose z appear in ServiceLevel row r.
  std::vector<int> increment_rows_of(int r) const {
    std::vector<int> out;
    for (RowMatrix::InnerIterator it(rows_, r); it; ++it)
      for (ColIt c(m_.a, static_cast<int>(it.col())); c; ++c)
        if (m_.is(static_cast<int>(c.row()), RowFamily::increment)) out.push_back(static_cast<int>(c.row()));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

  // Service-level credit of the next `amount` agents on Increment row inc: the
  // unfilled steps' coefficients in ServiceLevel row r, in step order.
  double next_credit(int inc, int r, double amount) const {
    double credit = 0;
    for (RowMatrix::InnerIterator it(rows_, inc); it && amount > tol; ++it) {
      const int z = static_cast<int>(it.col());
      if (!m_.is(z, VarFamily::increment)) continue;
      const double room = m_.col_ub[z] - x_[z];
      if (room <= tol) continue;
      const double take = std::min(room, amount);
      for (ColIt c(m_.a, z); c; ++c)
        if (static_cast<int>(c.row()) == r) credit += take * c.value();
      amount -= take;
    }
    return credit;
  }

  // Every ServiceLevel row: fill the increments the coverage allows, then add the
  // agent that buys the most credit per cost until the row holds.
  bool repair_service_level() {
    for (int inc : m_.rows_of(RowFamily::increment)) fill_increments(inc);
    for (int r : m_.rows_of(RowFamily::service_level)) {
      const std::vector<int> incs = increment_rows_of(r);
      while (activity_[r] < m_.row_lb[r] - tol) {
        int best = -1;
        double best_score = 0;
        for (int inc : incs)
          for (RowMatrix::InnerIterator it(rows_, inc); it; ++it) {
            const int v = static_cast<int>(it.col());
            if (!m_.is(v, VarFamily::agents) || it.value() <= 0 || x_[v] + 1 > m_.col_ub[v] + tol) continue;
            if (!fits(v)) continue;
            double credit = 0;
            for (ColIt c(m_.a, v); c; ++c)
              if (m_.is(static_cast<int>(c.row()), RowFamily::increment) &&
                  std::binary_search(incs.begin(), incs.end(), static_cast<int>(c.row())))
                credit += next_credit(static_cast<int>(c.row()), r, c.value());
            const double score = credit / std::max(m_.cost[v], 1e-9);
            if (score > best_score + kCostTieTolerance) {
              best_score = score;
              best = v;
            }
          }
        if (best < 0) return false;
        change(best, +1);
        for (ColIt c(m_.a, best); c; ++c)
          if (m_.is(static_cast<int>(c.row()), RowFamily::increment)) fill_increments(static_cast<int>(c.row()));
      }
    }
    return true;
  }

  // One more agent on v keeps every row's upper bound (seats, limits).
  bool fits(int v) const {
    for (ColIt c(m_.a, v); c; ++c)
      if (activity_[c.row()] + c.value() > m_.row_ub[c.row()] + tol) return false;
    return true;
  }

  // Moves free capacity of shared groups into short row r through its allocation
  // (y) or work placement (w) variables; true when anything moved. A y counts 1 in
  // its Cover row, a w its share of the interval's hours in its Work row; both 1
  // in their Capacity row.
  bool allocate(int r) {
    bool moved = false;
    for (RowMatrix::InnerIterator it(rows_, r); it; ++it) {
      const int y = static_cast<int>(it.col());
      const int cap = capacity_of_[y];
      if (cap < 0 || it.value() <= 0) continue;
      const double free = m_.row_ub[cap] - activity_[cap];
      const double need = m_.row_lb[r] - activity_[r];
      if (free <= tol || need <= tol) continue;
      change(y, std::min(free, need / it.value()));
      moved = true;
    }
    return moved;
  }

  // What one more agent on v gives short row r: directly, or as capacity of a
  // shared group that row r draws on.
  double gain_for(int v, int r) const {
    double gain = 0;
    for (ColIt c(m_.a, v); c; ++c) {
      const int row = static_cast<int>(c.row());
      if (row == r && c.value() > 0) gain += c.value();
      if (m_.is(row, RowFamily::capacity) && c.value() < 0)
        for (RowMatrix::InnerIterator it(rows_, r); it; ++it)
          if (capacity_of_[it.col()] == row) gain += -c.value() * it.value();
    }
    return gain;
  }

  // The agents variable that covers the most of row r's shortage (directly or
  // through a shared group's capacity) plus other rows' shortage, per unit cost,
  // and can take one more agent; -1 when none can.
  int best_addition(int r) const {
    std::vector<int> candidates;
    for (RowMatrix::InnerIterator it(rows_, r); it; ++it) {
      const int v = static_cast<int>(it.col());
      if (addable(v) && it.value() > 0) candidates.push_back(v);
      if (const int cap = capacity_of_[v]; cap >= 0)
        for (RowMatrix::InnerIterator c(rows_, cap); c; ++c)
          if (m_.is(static_cast<int>(c.col()), VarFamily::agents)) candidates.push_back(static_cast<int>(c.col()));
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    const double short_r = m_.row_lb[r] - activity_[r];
    int best = -1;
    double best_score = 0;
    for (int v : candidates) {
      if (x_[v] + 1 > m_.col_ub[v] + tol) continue;
      double covered = std::min(gain_for(v, r), short_r);
      bool fits = true;
      for (ColIt c(m_.a, v); c; ++c) {
        const int row = static_cast<int>(c.row());
        if (activity_[row] + c.value() > m_.row_ub[row] + tol) {
          fits = false;
          break;
        }
        if (row != r && c.value() > 0)
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

  // Variables repair may raise by one: agents, and intervals-mode outsourcing (one
  // interval's calls sent out). A share (w) is chosen before repair, never by it.
  bool addable(int v) const { return m_.is(v, VarFamily::agents) || m_.is(v, VarFamily::send); }

  // What one more agent on v covers of rows now short.
  double coverage_gain(int v) const {
    double covered = 0;
    for (ColIt c(m_.a, v); c; ++c) {
      const int row = static_cast<int>(c.row());
      if (c.value() > 0 && !is_tour_row(row))
        covered += std::min(c.value(), std::max(0.0, m_.row_lb[row] - activity_[row]));
    }
    return covered;
  }

  // The agents variable of Link row r that covers the most shortage per unit cost
  // (the cheapest when none covers any) and can take one more agent without
  // breaking a ≤ row; -1 when none can.
  int best_in_link(int r) const {
    int best = -1;
    double best_score = -1;
    for (RowMatrix::InnerIterator it(rows_, r); it; ++it) {
      const int v = static_cast<int>(it.col());
      if (!m_.is(v, VarFamily::agents) || x_[v] + 1 > m_.col_ub[v] + tol) continue;
      bool fits = true;
      for (ColIt c(m_.a, v); c && fits; ++c)
        if (activity_[c.row()] + c.value() > m_.row_ub[c.row()] + tol) fits = false;
      if (!fits) continue;
      const double score = (coverage_gain(v) + kIdleShiftScore) / std::max(m_.cost[v], 1e-9);
      if (score > best_score) {
        best_score = score;
        best = v;
      }
    }
    return best;
  }

  // True when one agent less on v keeps every hard row (and every shared group's
  // allocation) and the shortfall it adds costs no more than the agent: it saves
  // money, or it costs nothing and is one agent fewer (an agent at hourly cost 0
  // that no row needs).
  bool removal_pays(int v) const {
    double added_penalty = 0;
    for (ColIt it(m_.a, v); it; ++it) {
      const int r = static_cast<int>(it.row());
      const double after = activity_[r] - it.value();
      if (after > m_.row_ub[r] + tol) return false;
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
  std::vector<int> shortfall_var_;  // row -> its u variable, -1 = hard row
  std::vector<int> capacity_of_;    // y or w variable -> its Capacity row, -1 = neither
  std::vector<int> tours_;          // t variables
};

// Allocation (y) and work placement (w) from the LP, scaled down wherever the rounded-down agents cannot
// carry it, so that every Capacity row holds.
void fit_allocation(const MilpModel& m, const std::vector<double>& lp, std::vector<double>& x) {
  std::vector<double> drawn(m.num_rows(), 0.0), given(m.num_rows(), 0.0);
  for (int v = 0; v < m.num_vars(); ++v)
    for (ColIt it(m.a, v); it; ++it) {
      if (!m.is(static_cast<int>(it.row()), RowFamily::capacity)) continue;
      if (draws_on_capacity(m, v)) drawn[it.row()] += it.value() * std::max(0.0, lp[v]);
      else given[it.row()] -= it.value() * x[v];
    }
  for (int y = 0; y < m.num_vars(); ++y) {
    if (!draws_on_capacity(m, y)) continue;
    x[y] = std::max(0.0, lp[y]);
    for (ColIt it(m.a, y); it; ++it)
      if (m.is(static_cast<int>(it.row()), RowFamily::capacity) && drawn[it.row()] > given[it.row()])
        x[y] *= given[it.row()] / drawn[it.row()];
  }
}

}  // namespace

namespace {

// Rounding and repair with the share levels given: `chosen[k]` is the w variable
// set to 1 in the k-th Choice row.
std::optional<std::vector<double>> round_with(const MilpModel& model, const std::vector<double>& lp_solution,
                                              const std::vector<int>& chosen) {
  std::vector<double> x(model.num_vars(), 0.0);
  for (int v : model.vars_of(VarFamily::agents))
    x[v] = std::clamp(std::floor(lp_solution[v] + tol), model.col_lb[v], model.col_ub[v]);
  // Tours round down too; balance_links() then fits the daily agents to them.
  for (int t : model.vars_of(VarFamily::tour))
    x[t] = std::clamp(std::floor(lp_solution[t] + tol), model.col_lb[t], model.col_ub[t]);
  for (int v : model.vars_of(VarFamily::send))
    x[v] = std::clamp(std::floor(lp_solution[v] + tol), model.col_lb[v], model.col_ub[v]);
  for (int w : chosen) x[w] = 1;
  fit_allocation(model, lp_solution, x);
  Repair repair(model, std::move(x));
  if (!repair.balance_links()) return std::nullopt;
  if (!repair.repair()) return std::nullopt;
  repair.remove();
  repair.remove_tours();
  // Every row, equality Link rows included, must hold: else CBC searches alone.
  if (!repair.feasible()) return std::nullopt;
  return repair.solution();
}

}  // namespace

std::optional<std::vector<double>> round_and_repair(const MilpModel& model,
                                                    const std::vector<double>& lp_solution) {
  // Share-mode outsourcing: each Choice row's share with the largest LP value
  // (the first on ties)...
  const std::vector<int> choices = model.rows_of(RowFamily::choice);
  std::vector<std::vector<int>> options(choices.size());
  std::vector<int> chosen;
  {
    std::vector<int> slot(model.num_rows(), -1);
    for (std::size_t k = 0; k < choices.size(); ++k) slot[choices[k]] = static_cast<int>(k);
    for (int w : model.vars_of(VarFamily::share))
      for (ColIt it(model.a, w); it; ++it)
        if (const int k = slot[it.row()]; k >= 0) options[k].push_back(w);
    for (const auto& levels : options) {
      int best = levels.front();
      for (int w : levels)
        if (lp_solution[w] > lp_solution[best] + tol) best = w;
      chosen.push_back(best);
    }
  }
  std::optional<std::vector<double>> best = round_with(model, lp_solution, chosen);
  // ... then every other share of one queue at a time, the others kept: the LP
  // mixes the cheap ends of the requirement curve (it is concave in the share), so
  // its favourite is not always the best whole share.
  for (std::size_t k = 0; k < options.size(); ++k) {
    const int incumbent = chosen[k];
    for (int w : options[k]) {
      if (w == incumbent) continue;
      chosen[k] = w;
      auto x = round_with(model, lp_solution, chosen);
      if (x && (!best || model.objective(*x) < model.objective(*best) - kCostTieTolerance)) {
        best = std::move(x);
        continue;
      }
    }
    // Keep the share of the best plan for the next queue's trial.
    chosen[k] = incumbent;
    if (best)
      for (int w : options[k])
        if ((*best)[w] > 0.5) chosen[k] = w;
  }
  return best;
}

std::vector<double> remove_redundant(const MilpModel& model, std::vector<double> x) {
  Repair repair(model, std::move(x));
  repair.remove();
  repair.remove_tours();
  return repair.solution();
}

std::optional<std::vector<double>> greedy_plan(const MilpModel& model) {
  return round_and_repair(model, std::vector<double>(model.num_vars(), 0.0));
}

}  // namespace staffplan::optimize
