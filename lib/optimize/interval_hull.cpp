// Interval hull cuts (interval_hull.hpp): classes per interval, minimal integer
// points, one separation LP (Clp) per interval.
#include "optimize/interval_hull.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>

#include <coin/ClpSimplex.hpp>
#include <coin/CoinPackedMatrix.hpp>

#include "optimize/limits.hpp"
#include "optimize/rounding_cuts.hpp"

namespace staffplan::optimize {
namespace {

using RowMatrix = Eigen::SparseMatrix<double, Eigen::RowMajor>;
constexpr double inf = std::numeric_limits<double>::infinity();
// A point meets a row within this (the rows' right-hand sides are Erlang agent counts).
constexpr double kMeetTolerance = 1e-9;
// The LP point must violate a cut by this much (relative to its right-hand side) for
// the cut to be added; smaller violations move the LP by nothing worth a row.
constexpr double kMinViolation = 1e-6;
// The cut's right-hand side is eased by this much, against round-off in π·p.
constexpr double kRhsEase = 1e-9;

// One interval's covering set: rows (their right-hand sides) over classes.
struct IntervalSet {
  std::vector<int> rows;                  // model rows, ascending
  std::vector<std::vector<int>> members;  // per class: its variables
  std::vector<std::vector<double>> a;     // a[class][row]
  std::vector<double> rhs;                // per row
};

// The sets of every interval with at least two classes (and at most kMaxHullClasses).
std::vector<IntervalSet> interval_sets(const MilpModel& m) {
  const RowMatrix by_row(m.a);
  std::map<int, std::vector<int>> rows_of;  // interval -> rows
  for (int r = 0; r < m.num_rows(); ++r)
    if (m.row_key[r].interval >= 0 && integer_covering_row(m, by_row, r)) rows_of[m.row_key[r].interval].push_back(r);
  std::vector<IntervalSet> sets;
  for (const auto& [interval, rows] : rows_of) {
    // Each variable's coefficients across the interval's rows; equal ones form a class.
    std::map<int, std::vector<double>> pattern;
    for (std::size_t k = 0; k < rows.size(); ++k)
      for (RowMatrix::InnerIterator it(by_row, rows[k]); it; ++it) {
        std::vector<double>& p = pattern[static_cast<int>(it.col())];
        p.resize(rows.size(), 0.0);
        p[k] = it.value();
      }
    std::map<std::vector<double>, int> class_of;
    IntervalSet s;
    s.rows = rows;
    for (int r : rows) s.rhs.push_back(m.row_lb[r]);
    for (const auto& [v, p] : pattern) {
      const auto [it, added] = class_of.try_emplace(p, static_cast<int>(s.members.size()));
      if (added) {
        s.members.emplace_back();
        s.a.push_back(p);
      }
      s.members[it->second].push_back(v);
    }
    const int d = static_cast<int>(s.members.size());
    if (d >= 2 && d <= kMaxHullClasses) sets.push_back(std::move(s));
  }
  return sets;
}

bool meets(const IntervalSet& s, const std::vector<long>& n) {
  for (std::size_t r = 0; r < s.rows.size(); ++r) {
    double lhs = 0;
    for (std::size_t k = 0; k < n.size(); ++k) lhs += s.a[k][r] * static_cast<double>(n[k]);
    if (lhs < s.rhs[r] - kMeetTolerance) return false;
  }
  return true;
}

// The set's minimal integer points (no class can lose an agent), or nothing when
// the box is too large to enumerate.
std::optional<std::vector<std::vector<long>>> minimal_points(const IntervalSet& s) {
  const int d = static_cast<int>(s.members.size());
  // Box: no class ever needs more than its largest row asks of it alone.
  std::vector<long> upper(d, 0);
  for (int k = 0; k < d; ++k)
    for (std::size_t r = 0; r < s.rows.size(); ++r)
      if (s.a[k][r] > 0) upper[k] = std::max(upper[k], static_cast<long>(std::ceil(s.rhs[r] / s.a[k][r] - kMeetTolerance)));
  double size = 1;
  for (int k = 0; k + 1 < d; ++k) size *= static_cast<double>(upper[k] + 1);
  if (size > static_cast<double>(kMaxHullPoints)) return std::nullopt;
  std::vector<std::vector<long>> points;
  std::vector<long> n(d, 0);
  const int last = d - 1;
  while (true) {
    // The last class at its least, given the others; nothing when a row it is not in falls short.
    long least = 0;
    bool possible = true;
    for (std::size_t r = 0; r < s.rows.size() && possible; ++r) {
      double rest = s.rhs[r];
      for (int k = 0; k < last; ++k) rest -= s.a[k][r] * static_cast<double>(n[k]);
      if (rest <= kMeetTolerance) continue;
      if (s.a[last][r] <= 0) possible = false;
      else least = std::max(least, static_cast<long>(std::ceil(rest / s.a[last][r] - kMeetTolerance)));
    }
    if (possible) {
      n[last] = least;
      bool minimal = meets(s, n);
      for (int k = 0; k < last && minimal; ++k) {
        if (n[k] == 0) continue;
        --n[k];
        minimal = !meets(s, n);
        ++n[k];
      }
      if (minimal) points.push_back(n);
    }
    int k = 0;
    while (k < last && n[k] == upper[k]) n[k++] = 0;
    if (k == last) break;
    ++n[k];
  }
  return points;
}

// The most violated π·N ≥ π₀ over the minimal points (Σ π = 1, π ≥ 0), if any.
std::optional<std::pair<std::vector<double>, double>> separate(const std::vector<std::vector<long>>& points,
                                                               const std::vector<double>& at) {
  const int d = static_cast<int>(at.size());
  // Columns π_1 .. π_d, π₀; rows: π·p − π₀ ≥ 0 per point, Σ π = 1.
  CoinPackedMatrix matrix(false, 0, 0);
  matrix.setDimensions(0, d + 1);
  std::vector<int> index(d + 1);
  std::vector<double> value(d + 1);
  for (int c = 0; c <= d; ++c) index[c] = c;
  std::vector<double> row_lb, row_ub;
  for (const std::vector<long>& p : points) {
    for (int k = 0; k < d; ++k) value[k] = static_cast<double>(p[k]);
    value[d] = -1;
    matrix.appendRow(d + 1, index.data(), value.data());
    row_lb.push_back(0);
    row_ub.push_back(inf);
  }
  std::fill(value.begin(), value.begin() + d, 1.0);
  matrix.appendRow(d, index.data(), value.data());
  row_lb.push_back(1);
  row_ub.push_back(1);
  std::vector<double> col_lb(d, 0.0), col_ub(d, inf), cost(at);
  col_lb.push_back(-inf);
  col_ub.push_back(inf);
  cost.push_back(-1);
  ClpSimplex lp;
  lp.setLogLevel(0);
  lp.loadProblem(matrix, col_lb.data(), col_ub.data(), cost.data(), row_lb.data(), row_ub.data());
  lp.dual();
  if (!lp.isProvenOptimal()) return std::nullopt;
  std::vector<double> pi(lp.primalColumnSolution(), lp.primalColumnSolution() + d);
  const double top = *std::max_element(pi.begin(), pi.end());
  if (top <= 0) return std::nullopt;
  for (double& v : pi) v = v / top < kMeetTolerance ? 0.0 : v / top;
  // π₀ from the points themselves, so the cut holds at each of them whatever the LP's round-off.
  double pi0 = inf;
  for (const std::vector<long>& p : points) {
    double lhs = 0;
    for (int k = 0; k < d; ++k) lhs += pi[k] * static_cast<double>(p[k]);
    pi0 = std::min(pi0, lhs);
  }
  double at_value = 0;
  for (int k = 0; k < d; ++k) at_value += pi[k] * at[k];
  if (pi0 - at_value <= kMinViolation * std::max(1.0, pi0)) return std::nullopt;
  return std::pair{pi, pi0 - kRhsEase * std::max(1.0, pi0)};
}

}  // namespace

std::vector<HullCut> interval_hull_cuts(const MilpModel& model, const std::vector<double>& x) {
  std::vector<HullCut> cuts;
  for (const IntervalSet& s : interval_sets(model)) {
    const int d = static_cast<int>(s.members.size());
    std::vector<double> at(d, 0.0);
    for (int k = 0; k < d; ++k)
      for (int v : s.members[k]) at[k] += x[v];
    // Whole class counts that meet the rows lie in the hull: nothing to cut.
    std::vector<long> rounded;
    bool whole = true;
    for (double v : at) {
      rounded.push_back(std::lround(v));
      whole = whole && std::abs(v - static_cast<double>(rounded.back())) <= detail::kIntegralTolerance;
    }
    if (whole && meets(s, rounded)) continue;
    const std::optional<std::vector<std::vector<long>>> points = minimal_points(s);
    if (!points || points->empty()) continue;
    const auto found = separate(*points, at);
    if (!found) continue;
    HullCut cut;
    cut.lower = found->second;
    cut.source = s.rows.front();
    for (int k = 0; k < d; ++k) {
      if (found->first[k] == 0) continue;
      for (int v : s.members[k]) {
        cut.vars.push_back(v);
        cut.coefficients.push_back(found->first[k]);
      }
    }
    cuts.push_back(std::move(cut));
  }
  return cuts;
}

void append_hull_cuts(MilpModel& m, const std::vector<HullCut>& cuts) {
  if (cuts.empty()) return;
  std::map<int, int> next_step;  // source row -> next free step
  for (int r = 0; r < m.num_rows(); ++r)
    if (m.is(r, RowFamily::rounding) && m.row_key[r].step >= kHullStep)
      next_step[m.row_key[r].source] = std::max(next_step[m.row_key[r].source], m.row_key[r].step + 1);
  std::vector<Eigen::Triplet<double>> entries = m.entries();
  for (const HullCut& cut : cuts) {
    const int row = m.num_rows();
    RowKey key = m.row_key[cut.source];
    key.family = RowFamily::rounding;
    key.source = cut.source;
    const auto [it, added] = next_step.try_emplace(cut.source, kHullStep);
    key.step = it->second++;
    m.row_key.push_back(key);
    m.row_lb.push_back(cut.lower);
    m.row_ub.push_back(inf);
    for (std::size_t k = 0; k < cut.vars.size(); ++k) entries.emplace_back(row, cut.vars[k], cut.coefficients[k]);
  }
  m.set_matrix(entries);
}

}  // namespace staffplan::optimize
