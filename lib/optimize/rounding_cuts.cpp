// add_rounding_cuts: MIR rows over the covering rows (rounding_cuts.hpp).
#include "optimize/rounding_cuts.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "optimize/limits.hpp"

namespace staffplan::optimize {
namespace {

// rhs/δ within this of a whole number is whole (nothing to round); a scaled
// coefficient within it of a whole number is that number.
constexpr double kWholeTolerance = detail::kIntegralTolerance;
// The cut's right-hand side is eased by this much, so that round-off in the
// coefficients never cuts off an integer plan that meets the rounded row exactly.
constexpr double kRhsEase = 1e-7;

}  // namespace

bool integer_covering_row(const MilpModel& m, const Eigen::SparseMatrix<double, Eigen::RowMajor>& by_row, int r) {
  if (!(m.is(r, RowFamily::cover) || m.is(r, RowFamily::pool)) || !std::isfinite(m.row_lb[r]) ||
      std::isfinite(m.row_ub[r]) || m.row_lb[r] <= 0)
    return false;
  bool any = false;
  for (Eigen::SparseMatrix<double, Eigen::RowMajor>::InnerIterator it(by_row, r); it; ++it) {
    const int v = static_cast<int>(it.col());
    if (!m.integer[v] || m.col_lb[v] < 0 || it.value() <= 0) return false;
    any = true;
  }
  return any;
}

bool rounding_cut(const std::vector<double>& coefficients, double rhs, double delta, std::vector<double>& cut,
                  double& cut_rhs) {
  const double b = rhs / delta;
  const double f = b - std::floor(b);
  if (f < kWholeTolerance || f > 1 - kWholeTolerance) return false;
  cut.clear();
  for (double a : coefficients) {
    const double scaled = a / delta;
    double whole = std::floor(scaled);
    double part = scaled - whole;
    if (part > 1 - kWholeTolerance) {
      whole += 1;
      part = 0;
    }
    cut.push_back(whole + (part < kWholeTolerance ? 0.0 : std::min(part / f, 1.0)));
  }
  cut_rhs = std::ceil(b) - kRhsEase;
  return true;
}

void add_rounding_cuts(MilpModel& m) {
  using RowMatrix = Eigen::SparseMatrix<double, Eigen::RowMajor>;
  const RowMatrix rows(m.a);
  std::vector<Eigen::Triplet<double>> entries = m.entries();
  const int original_rows = m.num_rows();
  std::vector<int> vars;
  std::vector<double> coefficients, cut;
  for (int r = 0; r < original_rows; ++r) {
    if (!integer_covering_row(m, rows, r)) continue;
    vars.clear();
    coefficients.clear();
    for (RowMatrix::InnerIterator it(rows, r); it; ++it) {
      vars.push_back(static_cast<int>(it.col()));
      coefficients.push_back(it.value());
    }
    std::vector<double> scales = coefficients;
    std::sort(scales.begin(), scales.end());
    scales.erase(std::unique(scales.begin(), scales.end(),
                             [](double a, double b) { return std::abs(a - b) <= kWholeTolerance * b; }),
                 scales.end());
    if (scales.size() > static_cast<std::size_t>(kMaxRoundingScales)) scales.resize(kMaxRoundingScales);
    for (std::size_t k = 0; k < scales.size(); ++k) {
      double rhs = 0;
      if (!rounding_cut(coefficients, m.row_lb[r], scales[k], cut, rhs)) continue;
      const int row = m.num_rows();
      RowKey key = m.row_key[r];
      key.family = RowFamily::rounding;
      key.source = r;
      key.step = static_cast<int>(k);
      m.row_key.push_back(key);
      m.row_lb.push_back(rhs);
      m.row_ub.push_back(std::numeric_limits<double>::infinity());
      for (std::size_t j = 0; j < vars.size(); ++j)
        if (cut[j] > 0) entries.emplace_back(row, vars[j], cut[j]);
    }
  }
  if (m.num_rows() == original_rows) return;
  m.set_matrix(entries);
}

}  // namespace staffplan::optimize
