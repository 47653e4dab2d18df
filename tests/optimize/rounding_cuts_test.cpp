// Rounding (MIR) rows of the covering rows (rounding_cuts.hpp), against sources
// independent of the code: every integer point of small boxes (enumeration), and
// LP bounds worked out by hand for plans whose agents are 70 % productive.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <vector>

#include "optimize/columns.hpp"
#include "optimize/lp_dive.hpp"
#include "optimize/milp_model.hpp"
#include "optimize/plan_builder.hpp"
#include "optimize/rounding_cuts.hpp"

namespace staffplan::optimize {
namespace {

using testing::PlanBuilder;
constexpr int hour = 3600;

// One coefficient: 0.7 x1 + 0.7 x2 ≥ 10 rounds to x1 + x2 ≥ ⌈10 / 0.7⌉ = ⌈14.29⌉ = 15.
TEST(RoundingCut, OneCoefficientIsTheCeilingOfAgents) {
  std::vector<double> cut;
  double rhs = 0;
  ASSERT_TRUE(rounding_cut({0.7, 0.7}, 10, 0.7, cut, rhs));
  EXPECT_DOUBLE_EQ(cut[0], 1);
  EXPECT_DOUBLE_EQ(cut[1], 1);
  EXPECT_NEAR(rhs, 15, 1e-6);
  // 0.7 · 10 = 7 needs exactly 10 agents: nothing to round.
  EXPECT_FALSE(rounding_cut({0.7}, 7, 0.7, cut, rhs));
}

// Two coefficients by hand: 0.7 a + 0.35 b ≥ 3 at δ = 0.7: b = 3/0.7 = 4.2857, f = 0.2857;
// a/δ = 1 (coefficient 1), b/δ = 0.5 (coefficient min(0.5/0.2857, 1) = 1): a + b ≥ 5.
TEST(RoundingCut, TwoCoefficientsByHand) {
  std::vector<double> cut;
  double rhs = 0;
  ASSERT_TRUE(rounding_cut({0.7, 0.35}, 3, 0.7, cut, rhs));
  EXPECT_DOUBLE_EQ(cut[0], 1);
  EXPECT_DOUBLE_EQ(cut[1], 1);
  EXPECT_NEAR(rhs, 5, 1e-6);
  // δ = 0.35: 3/0.35 = 8.571, f = 0.571; a/δ = 2, b/δ = 1: 2a + b ≥ 9.
  ASSERT_TRUE(rounding_cut({0.7, 0.35}, 3, 0.35, cut, rhs));
  EXPECT_DOUBLE_EQ(cut[0], 2);
  EXPECT_DOUBLE_EQ(cut[1], 1);
  EXPECT_NEAR(rhs, 9, 1e-6);
}

// An intervals-mode send binary v enters a Pool row with the whole requirement as
// its relief: 0.7 a + 0.65 b + 5 v ≥ 5. At δ = 0.65: 5/0.65 = 100/13 = 7 + 9/13;
// a/δ = 14/13 (coefficient 1 + (1/13)/(9/13) = 10/9), b/δ = 1, v/δ = 100/13 (its
// fraction equals f, so ⌈100/13⌉ = 8): (10/9) a + b + 8 v ≥ 8, i.e. 8 whole agents
// (at most 0.7 · 7 = 4.9 < 5 from 7) or the interval sent out.
TEST(RoundingCut, SendBinaryGetsTheRoundedRequirement) {
  std::vector<double> cut;
  double rhs = 0;
  ASSERT_TRUE(rounding_cut({0.7, 0.65, 5}, 5, 0.65, cut, rhs));
  EXPECT_NEAR(cut[0], 10.0 / 9, 1e-9);
  EXPECT_DOUBLE_EQ(cut[1], 1);
  EXPECT_DOUBLE_EQ(cut[2], 8);
  EXPECT_NEAR(rhs, 8, 1e-6);
}

// Validity: every integer point of a box that meets the row meets its cut, for
// mixed productive shares (30 % and 35 % shrinkage, half-interval breaks) and many
// requirements.
TEST(RoundingCut, NoIntegerPointIsCutOff) {
  const std::vector<std::vector<double>> rows = {{0.7, 0.65}, {0.7, 0.35, 0.65}, {1.0, 0.5}, {0.65, 0.325, 1.3}};
  constexpr int box = 14;
  for (const auto& a : rows)
    for (double beta = 0.5; beta <= 9.0; beta += 0.25)
      for (double delta : a) {
        std::vector<double> cut;
        double rhs = 0;
        if (!rounding_cut(a, beta, delta, cut, rhs)) continue;
        std::vector<int> x(a.size(), 0);
        std::function<void(std::size_t)> visit = [&](std::size_t k) {
          if (k == a.size()) {
            double row = 0, lhs = 0;
            for (std::size_t j = 0; j < a.size(); ++j) {
              row += a[j] * x[j];
              lhs += cut[j] * x[j];
            }
            if (row >= beta - 1e-9) {
              EXPECT_GE(lhs, rhs) << "beta " << beta << " delta " << delta;
            }
            return;
          }
          for (x[k] = 0; x[k] <= box; ++x[k]) visit(k + 1);
        };
        visit(0);
      }
}

SolveOptions lp_only() {
  SolveOptions o;
  o.time_limit_s = 20;
  return o;
}

// A day at one site with 30 % shrinkage: 10 productive agents from 08:00 to 16:00,
// one 8 h shift at 08:00 at 10 an hour (80 an agent). The LP of the plain covering
// model staffs 10 / 0.7 = 14.29 agents (1142.86); the rounding row asks whole
// agents, 15, and the LP bound is the integer optimum, 15 × 80 = 1200.
TEST(RoundingCuts, LpBoundOfOneShiftIsTheWholeAgentOptimum) {
  PlanBuilder b(1, hour, 0);
  const int q = b.add_queue("q");
  const int site = b.add_site("s", 10, std::nullopt, 0.3, 0);
  b.add_shift(site, "day", 8 * hour, 8 * 60);
  b.require(q, 8, 16, 10);
  const ColumnSet columns = build_columns(b.plan);
  const MilpModel model = build_milp(b.plan, b.required, columns, std::nullopt);
  EXPECT_FALSE(model.rows_of(RowFamily::rounding).empty());
  const LpDiveResult lp = solve_lp_and_dive(model, lp_only(), std::chrono::steady_clock::now());
  ASSERT_TRUE(lp.lp_feasible);
  EXPECT_NEAR(lp.lp_objective, 1200, 1e-4);
}

// Two sites answering one queue, 30 % and 35 % shrinkage, at 20 and 10 an hour,
// each with one 1 h shift at 08:00; 2 productive agents at 08:00. Whole agents:
// 0.7 a + 0.65 b ≥ 2 is met by b = 4 (40) or a = 3 (60) or a = 1, b = 2 (40): 40.
// The plain LP takes b = 2/0.65 = 3.08 (30.77); the row rounded at δ = 0.65
// (2/0.65 = 3.077, f = 0.077; a/δ = 1.077, coefficient 1 + min(0.077/0.077, 1) = 2)
// is 2a + b ≥ 4, and the LP with it costs min(20a + 10b) = 40 as well.
TEST(RoundingCuts, LpBoundOfTwoSitesIsTheWholeAgentOptimum) {
  PlanBuilder b(1, hour, 0);
  const int q = b.add_queue("q");
  const int a = b.add_site("a", 20, std::nullopt, 0.3, 0);
  const int c = b.add_site("b", 10, std::nullopt, 0.35, 0);
  b.add_shift(a, "one", hour, 8 * 60);
  b.add_shift(c, "one", hour, 8 * 60);
  b.require(q, 8, 9, 2);
  const ColumnSet columns = build_columns(b.plan);
  const MilpModel model = build_milp(b.plan, b.required, columns, std::nullopt);
  const LpDiveResult lp = solve_lp_and_dive(model, lp_only(), std::chrono::steady_clock::now());
  ASSERT_TRUE(lp.lp_feasible);
  EXPECT_NEAR(lp.lp_objective, 40, 1e-4);
}

}  // namespace
}  // namespace staffplan::optimize
