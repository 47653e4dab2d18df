// The LP relaxation and the dive when the dual simplex hands over to the barrier
// (lp_dive.hpp: after a budget of dual pivots). A budget of 0 pivots
// sends every LP to the barrier at once; its value must be the one worked out by
// hand, and the dive from its crossover basis must give a plan that meets every
// row and costs no less than the enumerated optimum (enumerate.hpp).
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <optional>
#include <vector>

#include "enumerate.hpp"
#include "optimize/columns.hpp"
#include "optimize/lp_dive.hpp"
#include "optimize/milp_model.hpp"
#include "plan_builder.hpp"

namespace staffplan::optimize {
namespace {

using testing::Candidate;
using testing::PlanBuilder;
constexpr int hour = 3600;
constexpr int barrier_at_once = 0;

SolveOptions options() {
  SolveOptions o;
  o.time_limit_s = 20;
  return o;
}

// Every row of the model holds for x (within 1e-6).
bool meets_every_row(const MilpModel& m, const std::vector<double>& x) {
  std::vector<double> activity(m.num_rows(), 0.0);
  for (int v = 0; v < m.num_vars(); ++v)
    for (Eigen::SparseMatrix<double>::InnerIterator it(m.a, v); it; ++it) activity[it.row()] += it.value() * x[v];
  for (int r = 0; r < m.num_rows(); ++r)
    if (activity[r] < m.row_lb[r] - 1e-6 || activity[r] > m.row_ub[r] + 1e-6) return false;
  return true;
}

// Two sites answering one queue, 30 % and 35 % shrinkage, at 20 and 10 an hour,
// each with one 1 h shift at 08:00; 2 productive agents at 08:00. Whole agents:
// 0.7 a + 0.65 b ≥ 2 is met at least cost by b = 4 (40) or a = 1, b = 2 (40); the
// model's rounding row 2a + b ≥ 4 makes the LP 40 as well (rounding_cuts_test.cpp).
TEST(LpDive, BarrierGivesTheHandCalculatedLpAndPlan) {
  PlanBuilder b(1, hour, 0);
  const int q = b.add_queue("q");
  const int a = b.add_site("a", 20, std::nullopt, 0.3, 0);
  const int c = b.add_site("b", 10, std::nullopt, 0.35, 0);
  b.add_shift(a, "one", hour, 8 * 60);
  b.add_shift(c, "one", hour, 8 * 60);
  b.require(q, 8, 9, 2);
  const ColumnSet columns = build_columns(b.plan);
  const MilpModel model = build_milp(b.plan, b.required, columns, std::nullopt);
  const LpDiveResult lp =
      solve_lp_and_dive(model, options(), std::chrono::steady_clock::now(), 1.0, barrier_at_once);
  ASSERT_TRUE(lp.lp_feasible);
  EXPECT_NEAR(lp.lp_objective, 40, 1e-4);
  ASSERT_TRUE(lp.integer);
  EXPECT_TRUE(meets_every_row(model, *lp.integer));
  EXPECT_NEAR(model.objective(*lp.integer), 40, 1e-4);
}

// A day of 1 h intervals; site a: cost 10, 3 seats, 10 % shrinkage, 4 h shifts at
// 08, 10 and 12; site b: cost 13, 25 % shrinkage, 6 h shifts at 09, 12, 15 and 14
// (brute_force_test.cpp). The barrier's LP is a lower bound of the enumerated
// optimum, and the dive's plan is feasible and no cheaper than it.
class LpDiveBarrier : public ::testing::TestWithParam<int> {};

TEST_P(LpDiveBarrier, BoundBelowAndPlanAboveEnumeration) {
  const int seed = GetParam();
  PlanBuilder b(1, hour);
  const int q = b.add_queue("english");
  const int a = b.add_site("a", 10, 3, 0.10);
  const int c = b.add_site("b", 13, std::nullopt, 0.25);
  b.add_shift(a, "short", 4 * hour, 8 * 60, 12 * 60, 2 * hour);
  b.add_shift(c, "long", 6 * hour, 9 * 60, 15 * 60, 3 * hour);
  b.add_shift(c, "late", 6 * hour, 14 * 60);
  std::vector<int> required(24, 0);
  for (int i = 8; i < 20; ++i) required[i] = (i * 7 + seed * 5) % 3;  // 0..2
  for (int i = 0; i < 24; ++i) b.required.queues[q].intervals[i].agents = required[i];
  const std::vector<Candidate> cand = {
      {0, 8, 4, 0.90, 40}, {0, 10, 4, 0.90, 40}, {0, 12, 4, 0.90, 40},
      {1, 9, 6, 0.75, 78}, {1, 12, 6, 0.75, 78}, {1, 15, 6, 0.75, 78}, {1, 14, 6, 0.75, 78}};
  const double optimum = testing::cheapest_then_fewest(cand, required, {3, std::nullopt}, 4).first;
  ASSERT_TRUE(std::isfinite(optimum));
  const ColumnSet columns = build_columns(b.plan);
  const MilpModel model = build_milp(b.plan, b.required, columns, std::nullopt);
  const LpDiveResult lp =
      solve_lp_and_dive(model, options(), std::chrono::steady_clock::now(), 1.0, barrier_at_once);
  ASSERT_TRUE(lp.lp_feasible) << "seed " << seed;
  EXPECT_LE(lp.lp_objective, optimum + 1e-6) << "seed " << seed;
  ASSERT_TRUE(lp.integer) << "seed " << seed;
  EXPECT_TRUE(meets_every_row(model, *lp.integer)) << "seed " << seed;
  EXPECT_GE(model.objective(*lp.integer), optimum - 1e-6) << "seed " << seed;
}

INSTANTIATE_TEST_SUITE_P(Seeds, LpDiveBarrier, ::testing::Values(0, 1, 2, 3));

}  // namespace
}  // namespace staffplan::optimize
