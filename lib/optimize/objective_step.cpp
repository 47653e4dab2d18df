// objective_step: the cost step of every integer plan (objective_step.hpp).
#include "optimize/objective_step.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <numeric>
#include <tuple>
#include <vector>

namespace staffplan::optimize {
namespace {

constexpr double kCents = 100;
// A unit cost within this many cents of a whole number of cents is that number.
constexpr double kCentTolerance = 1e-6;
// A bound within this share of a step above a multiple counts as that multiple.
constexpr double kStepTolerance = 1e-6;

struct Block {
  std::vector<int> shifts;  // x of the block
  std::vector<int> tours;   // t of the block
};

}  // namespace

std::optional<double> objective_step(const MilpModel& m) {
  // The tour blocks, from the Link rows.
  std::map<std::tuple<int, int, int>, Block> blocks;
  // t -> the days each of its agents works: the Link rows it is in, or with days
  // off anywhere (TourWeek) k of them
  std::vector<int> days_of(m.num_vars(), 0);
  std::vector<const Block*> block_of(m.num_vars(), nullptr);
  std::vector<bool> seen(m.num_vars(), false);  // t already in its block
  for (int v = 0; v < m.num_vars(); ++v)
    for (Eigen::SparseMatrix<double>::InnerIterator it(m.a, v); it; ++it) {
      const RowKey& k = m.row_key[it.row()];
      if (k.family == RowFamily::tour_week && m.is(v, VarFamily::tour)) days_of[v] = -static_cast<int>(it.value());
      if (k.family != RowFamily::link) continue;
      Block& b = blocks[{k.site, k.contract, k.group}];
      if (m.is(v, VarFamily::tour)) {
        if (!seen[v]) b.tours.push_back(v);
        seen[v] = true;
        if (m.var_key[v].pattern != 0) ++days_of[v];
      } else if (m.is(v, VarFamily::agents) && block_of[v] == nullptr) {
        b.shifts.push_back(v);
        block_of[v] = &b;
      }
    }
  std::vector<double> units;
  std::vector<bool> counted(m.num_vars(), false);
  for (const auto& [key, b] : blocks) {
    if (b.shifts.empty()) continue;
    const double c = m.cost[b.shifts.front()];
    bool uniform = true;
    for (int v : b.shifts) uniform = uniform && std::abs(m.cost[v] - c) <= 1e-9 * std::max(1.0, std::abs(c));
    if (!uniform) continue;
    for (int v : b.shifts) counted[v] = true;
    for (int t : b.tours) units.push_back(c * days_of[t]);
  }
  for (int v = 0; v < m.num_vars(); ++v) {
    if (m.cost[v] == 0 || counted[v]) continue;
    if (!m.integer[v]) return std::nullopt;
    units.push_back(m.cost[v]);
  }
  std::int64_t g = 0;
  for (double u : units) {
    const double cents = std::abs(u) * kCents;
    if (cents > 1e15) return std::nullopt;
    const double whole = std::round(cents);
    if (std::abs(cents - whole) > kCentTolerance) return std::nullopt;
    g = std::gcd(g, static_cast<std::int64_t>(whole));
  }
  if (g == 0) return std::nullopt;
  return static_cast<double>(g) / kCents;
}

double round_up_to_step(double bound, std::optional<double> step) {
  if (!step || !std::isfinite(bound)) return bound;
  return std::ceil(bound / *step - kStepTolerance) * *step;
}

}  // namespace staffplan::optimize
