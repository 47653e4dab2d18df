// The decomposition bound (part_bound.hpp) on a model small enough to work out by
// hand: the cost split sums to every variable's cost, the floors sum to the LP's
// dual value, and the parts' MILP bounds lift the LP bound up to (never above) the
// optimum found by enumerating every integer point.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <limits>
#include <vector>

#include "optimize/lp_dive.hpp"
#include "optimize/milp_model.hpp"
#include "optimize/model_builder.hpp"
#include "optimize/part_bound.hpp"

namespace staffplan::optimize {
namespace {

// Three agents' shifts x0, x1, x2 (integer, cost 1 each) over two intervals, each
// agent counting 2 where it works: x0 and x1 cover interval 0, x1 and x2 interval 1.
//   r0: 2 x0 + 2 x1 ≥ 1      r1: 2 x1 + 2 x2 ≥ 1
// LP by hand: x1 = 0.5 covers both, cost 0.5 (duals y0 = y1 = 0.25: 2y0 ≤ 1,
// 2y0 + 2y1 ≤ 1, 2y1 ≤ 1, value y0 + y1 = 0.5). Whole agents: x1 = 1, cost 1.
MilpModel two_intervals() {
  ModelBuilder b;
  const int r0 = b.add_row(RowKey{RowFamily::cover, 0, -1, -1, -1, 0}, 1, infinity);
  const int r1 = b.add_row(RowKey{RowFamily::cover, 0, -1, -1, -1, 1}, 1, infinity);
  for (int v = 0; v < 3; ++v) b.add_var(VarKey{}, 0, infinity, 1, true);
  b.add_entry(r0, 0, 2);
  b.add_entry(r0, 1, 2);
  b.add_entry(r1, 1, 2);
  b.add_entry(r1, 2, 2);
  return b.build();
}

// Every integer point with each agent count in [0, 3]: the cheapest feasible cost.
double enumerated_optimum(const MilpModel& m) {
  double best = std::numeric_limits<double>::infinity();
  for (int x0 = 0; x0 <= 3; ++x0)
    for (int x1 = 0; x1 <= 3; ++x1)
      for (int x2 = 0; x2 <= 3; ++x2) {
        if (2 * x0 + 2 * x1 < 1 || 2 * x1 + 2 * x2 < 1) continue;
        best = std::min(best, m.objective({double(x0), double(x1), double(x2)}));
      }
  return best;
}

TimeParts one_row_each() {
  TimeParts parts;
  parts.part = {0, 1};
  parts.count = 2;
  return parts;
}

TEST(PartBound, CostsOfThePartsSumToTheCost) {
  const MilpModel m = two_intervals();
  const RowMajor by_row = m.a;
  for (const std::vector<double>& y : {std::vector<double>{}, {0.25, 0.25}, {0.5, 0.0}, {0.1, 0.3}}) {
    const CostSplit split = cost_split(m, y);
    const Part p0 = make_part(m, by_row, {0}, split), p1 = make_part(m, by_row, {1}, split);
    ASSERT_EQ(p0.vars, (std::vector<int>{0, 1}));
    ASSERT_EQ(p1.vars, (std::vector<int>{1, 2}));
    EXPECT_NEAR(p0.model.cost[0], 1, 1e-12);                        // x0 lies in part 0 only
    EXPECT_NEAR(p0.model.cost[1] + p1.model.cost[0], 1, 1e-12);     // x1 split over both
    EXPECT_NEAR(p1.model.cost[1], 1, 1e-12);                        // x2 lies in part 1 only
  }
  // Without duals x1 costs the share of its entries: one of two in each part.
  const CostSplit plain = cost_split(m, {});
  EXPECT_DOUBLE_EQ(make_part(m, by_row, {0}, plain).model.cost[1], 0.5);
  EXPECT_DOUBLE_EQ(make_part(m, by_row, {0}, plain).floor, 0);
}

// Floors with y0 = y1 = 0.25: part 0 is y0 · 1 + (x0's and x1's reduced costs 0.5
// and 0, at x = 0) = 0.25, part 1 the same; together the LP's 0.5.
TEST(PartBound, FloorsSumToTheDualValue) {
  const MilpModel m = two_intervals();
  const RowMajor by_row = m.a;
  const CostSplit split = cost_split(m, {0.25, 0.25});
  EXPECT_NEAR(make_part(m, by_row, {0}, split).floor, 0.25, 1e-12);
  EXPECT_NEAR(make_part(m, by_row, {1}, split).floor, 0.25, 1e-12);
}

// A dual of the wrong sign for its row (y < 0 on a ≥ row) is no dual of the row: 0.
TEST(PartBound, DualsOfTheWrongSignCountZero) {
  const CostSplit split = cost_split(two_intervals(), {-1.0, 0.25});
  EXPECT_EQ(split.dual[0], 0);
  EXPECT_EQ(split.dual[1], 0.25);
  EXPECT_NEAR(split.reduced[1], 1 - 2 * 0.25, 1e-12);
}

// Clp's duals, mapped back from its differenced rows: c − Aᵀy are its reduced
// costs, and the dual value Σ y_r · lb_r is the LP's 0.5. Each part alone then
// needs a whole agent: its MILP bound sums above the LP, at most the optimum.
TEST(PartBound, PartsLiftTheLpBoundToAtMostTheOptimum) {
  const MilpModel m = two_intervals();
  SolveOptions options;
  options.time_limit_s = 30;
  const auto started = std::chrono::steady_clock::now();
  const LpDiveResult lp = solve_lp_and_dive(m, options, started, {.until_share = 0.0});
  ASSERT_TRUE(lp.lp_feasible);
  EXPECT_NEAR(lp.lp_objective, 0.5, 1e-9);
  ASSERT_EQ(lp.lp_row_dual.size(), 2u);
  const CostSplit split = cost_split(m, lp.lp_row_dual);
  for (int v = 0; v < 3; ++v) EXPECT_NEAR(split.reduced[v], lp.lp_reduced_cost[v], 1e-9);
  EXPECT_NEAR(split.dual[0] + split.dual[1], 0.5, 1e-9);

  const double optimum = enumerated_optimum(m);
  EXPECT_DOUBLE_EQ(optimum, 1);
  const std::optional<double> bound = part_mip_bound(m, one_row_each(), split, options, 20, 1e-9, started);
  ASSERT_TRUE(bound);
  EXPECT_GT(*bound, lp.lp_objective + 0.25);
  EXPECT_LE(*bound, optimum + 1e-6);
}

// Any split bounds the optimum, the entries' share (no duals) too: here each part
// gets x1 at 0.5 and needs one agent, so the bound is 0.5 + 0.5 = 1.
TEST(PartBound, EntriesShareBoundsTheOptimum) {
  const MilpModel m = two_intervals();
  SolveOptions options;
  options.time_limit_s = 30;
  const std::optional<double> bound =
      part_mip_bound(m, one_row_each(), cost_split(m, {}), options, 20, 1e-9, std::chrono::steady_clock::now());
  ASSERT_TRUE(bound);
  EXPECT_NEAR(*bound, 1, 1e-6);
  EXPECT_LE(*bound, enumerated_optimum(m) + 1e-6);
}

// Without the LP: coverage per unit cost is x0: 2, x1: 4, x2: 2, so θ = 1/4 on both
// Cover rows, and the floor is 2 · 1/4 (the rows) + 0 (every reduced cost is
// 1 − 2θ = 1/2 or 1 − 4θ = 0, at x = 0) = 1/2 — the LP value here, below the
// enumerated optimum 1.
TEST(PartBound, UniformPriceBoundNeedsNoLp) {
  const MilpModel m = two_intervals();
  EXPECT_NEAR(uniform_price_bound(m), 0.5, 1e-12);
  EXPECT_LE(uniform_price_bound(m), enumerated_optimum(m));
}

// A variable that covers a lot for nothing (cost 0, unbounded) sets θ to 0: the
// bound is then the costs alone at their cheaper bounds, 0.
TEST(PartBound, UniformPriceBoundWithAFreeCoverIsTheCostsAlone) {
  ModelBuilder b;
  const int r0 = b.add_row(RowKey{RowFamily::cover, 0, -1, -1, -1, 0}, 3, infinity);
  b.add_var(VarKey{}, 0, infinity, 5, true);
  b.add_var(VarKey{}, 0, infinity, 0, false);
  b.add_entry(r0, 0, 1);
  b.add_entry(r0, 1, 1);
  EXPECT_DOUBLE_EQ(uniform_price_bound(b.build()), 0);
}

}  // namespace
}  // namespace staffplan::optimize
