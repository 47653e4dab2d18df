// Interval hull cuts (interval_hull.hpp): a set worked out by hand, validity at
// every whole point of random small sets (enumerated here), the rows they become,
// and the follow-the-sun week without breaks, whose LP the cuts must lift to the
// optimum HiGHS proves (47 367), never above it.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <random>
#include <vector>

#include "load/load.hpp"
#include "optimize/columns.hpp"
#include "optimize/interval_hull.hpp"
#include "optimize/lp_dive.hpp"
#include "optimize/milp_model.hpp"
#include "optimize/model_builder.hpp"
#include "require/require.hpp"
#include "support/run_cli.hpp"

namespace staffplan::optimize {
namespace {

// Rows of one interval (Pool family, interval 5) over classes of integer agents:
// a[class][row], each class `size` variables.
MilpModel covering_set(const std::vector<std::vector<double>>& a, const std::vector<double>& rhs, int size) {
  ModelBuilder b;
  std::vector<int> rows;
  for (std::size_t r = 0; r < rhs.size(); ++r)
    rows.push_back(b.add_row(RowKey{.family = RowFamily::pool, .interval = 5, .queues = 1u << r}, rhs[r], infinity));
  for (const std::vector<double>& coefficients : a)
    for (int k = 0; k < size; ++k) {
      const int v = b.add_var(VarKey{}, 0, infinity, 1, true);
      for (std::size_t r = 0; r < rhs.size(); ++r)
        if (coefficients[r] > 0) b.add_entry(rows[r], v, coefficients[r]);
    }
  return b.build();
}

// English agents (0.7 productive) and bilingual ones (0.65): English 24, Spanish 11,
// both queues 35 (the follow-the-sun week's 09:30 on Monday). By hand: Spanish
// alone needs 0.65 N_bi ≥ 11, N_bi ≥ 17; at N_bi = 17 both queues need
// 0.7 N_en ≥ 23.95, N_en ≥ 35; each bilingual agent more saves at most one English
// one down to N_bi = 28 (N_en = 24), and from there on the sum only grows, so every
// whole point has N_en + N_bi ≥ 52, met with equality from (35, 17) to (24, 28). The
// LP point (34.214, 17) (0.7 · 34.214 + 0.65 · 17 = 35) has 51.214.
const std::vector<std::vector<double>> kBilingual = {{0.7, 0, 0.7}, {0.65, 0.65, 0.65}};
const std::vector<double> kBilingualRhs = {24, 11, 35};

TEST(IntervalHull, TheHandSetGivesEnglishPlusBilingualAtLeast52) {
  const MilpModel m = covering_set(kBilingual, kBilingualRhs, 2);
  // Two English variables (0, 1) share 34.214, two bilingual ones (2, 3) share 17.
  const std::vector<double> lp = {20, 14.2142857, 9.5, 7.5};
  const std::vector<HullCut> cuts = interval_hull_cuts(m, lp);
  ASSERT_EQ(cuts.size(), 1u);
  ASSERT_EQ(cuts[0].vars, (std::vector<int>{0, 1, 2, 3}));
  for (double c : cuts[0].coefficients) EXPECT_NEAR(c, 1.0, 1e-9);
  EXPECT_NEAR(cuts[0].lower, 52.0, 1e-6);
  EXPECT_LE(cuts[0].lower, 52.0);  // eased, never above what whole points reach
}

TEST(IntervalHull, PointsInsideTheHullAreNotCut) {
  const MilpModel m = covering_set(kBilingual, kBilingualRhs, 1);
  EXPECT_TRUE(interval_hull_cuts(m, {35, 17}).empty());    // a whole plan
  EXPECT_TRUE(interval_hull_cuts(m, {34.5, 17.5}).empty());  // halfway between (35, 17) and (34, 18)
  EXPECT_TRUE(interval_hull_cuts(m, {40.2, 30.3}).empty());  // far above
}

TEST(IntervalHull, OneClassIsLeftToTheRoundingRows) {
  // Every variable has the same coefficients: the rounding rows already give the hull.
  const MilpModel m = covering_set({{0.7, 0.7}}, {24, 10}, 3);
  EXPECT_TRUE(interval_hull_cuts(m, {10, 14.3, 0}).empty());
}

TEST(IntervalHull, EveryCutHoldsAtEveryWholePointOfRandomSets) {
  // Three classes, random shrinkage-like coefficients and requirements; every whole
  // point in a box that meets the rows must meet every cut found at random LP points.
  std::mt19937 rng(7);
  const double shares[] = {0.6, 0.65, 0.7, 0.75, 0.8, 1.0};
  std::uniform_int_distribution<int> pick(0, 5), need(3, 14), in_row(0, 3);
  std::uniform_real_distribution<double> frac(0.0, 1.0);
  int cuts_checked = 0;
  for (int trial = 0; trial < 60; ++trial) {
    std::vector<std::vector<double>> a(3, std::vector<double>(3, 0.0));
    std::vector<double> rhs(3);
    for (int r = 0; r < 3; ++r) {
      rhs[r] = need(rng) + (r == 2 ? 10 : 0) + 0.5 * frac(rng);
      for (int k = 0; k < 3; ++k)
        if (r == 2 || in_row(rng) > 0) a[k][r] = shares[pick(rng)];
    }
    const MilpModel m = covering_set(a, rhs, 1);
    // A point on the LP's face: scale a random direction until the tightest row holds.
    std::vector<double> x = {frac(rng), frac(rng), frac(rng)};
    double scale = 0;
    for (int r = 0; r < 3; ++r) {
      double lhs = 0;
      for (int k = 0; k < 3; ++k) lhs += a[k][r] * x[k];
      if (lhs <= 0) { scale = -1; break; }
      scale = std::max(scale, rhs[r] / lhs);
    }
    if (scale <= 0) continue;
    for (double& v : x) v *= scale;
    for (const HullCut& cut : interval_hull_cuts(m, x)) {
      ++cuts_checked;
      double at = 0;
      for (std::size_t j = 0; j < cut.vars.size(); ++j) at += cut.coefficients[j] * x[cut.vars[j]];
      EXPECT_LT(at, cut.lower) << "trial " << trial << ": the LP point must violate its cut";
      for (int n0 = 0; n0 <= 40; ++n0)
        for (int n1 = 0; n1 <= 40; ++n1)
          for (int n2 = 0; n2 <= 40; ++n2) {
            const double n[] = {double(n0), double(n1), double(n2)};
            bool feasible = true;
            for (int r = 0; r < 3 && feasible; ++r)
              feasible = a[0][r] * n[0] + a[1][r] * n[1] + a[2][r] * n[2] >= rhs[r] - 1e-9;
            if (!feasible) continue;
            double lhs = 0;
            for (std::size_t j = 0; j < cut.vars.size(); ++j) lhs += cut.coefficients[j] * n[cut.vars[j]];
            ASSERT_GE(lhs, cut.lower - 1e-9) << "trial " << trial << " cuts off (" << n0 << ", " << n1 << ", " << n2 << ")";
          }
    }
  }
  EXPECT_GT(cuts_checked, 10);  // the check saw real cuts
}

TEST(IntervalHull, CutsBecomeRoundRowsOfTheirInterval) {
  MilpModel m = covering_set(kBilingual, kBilingualRhs, 1);
  const int rows = m.num_rows();
  append_hull_cuts(m, interval_hull_cuts(m, {34.2142857, 17}));
  ASSERT_EQ(m.num_rows(), rows + 1);
  EXPECT_TRUE(m.is(rows, RowFamily::rounding));
  EXPECT_EQ(m.row_key[rows].interval, 5);
  EXPECT_EQ(m.row_name(rows), "Round(0,1000)");
  EXPECT_NEAR(m.row_lb[rows], 52.0, 1e-6);
  EXPECT_NEAR(m.a.coeff(rows, 0), 1.0, 1e-12);
  EXPECT_NEAR(m.a.coeff(rows, 1), 1.0, 1e-12);
  EXPECT_NEAR(m.a.coeff(0, 0), 0.7, 1e-12);  // the old rows are unchanged
}

TEST(IntervalHull, FollowTheSunWithoutBreaksReachesTheOptimumOfHighs) {
  // HiGHS on this week's model (tests/tools/export_mps, scripts/highs_check.py): LP
  // 47 118.21, optimum 47 367 proven. One round of cuts at the LP optimum must lift
  // the LP to the optimum and, the cuts being valid, never above it.
  const Plan plan = load::load_plan(testing::source_path("tests/data/optimize/follow-the-sun-no-breaks.yaml"));
  const require::Requirement requirement = require::compute(plan);
  const ColumnSet columns = build_columns(plan);
  MilpModel model = build_milp(plan, requirement, columns, std::nullopt);
  SolveOptions options;
  options.time_limit_s = 60;
  const LpDiveResult before = solve_lp_and_dive(model, options, std::chrono::steady_clock::now(), {.until_share = 0.0});
  ASSERT_TRUE(before.lp_feasible);
  EXPECT_NEAR(before.lp_objective, 47118.21, 0.01);
  const std::vector<HullCut> cuts = interval_hull_cuts(model, before.lp_x);
  EXPECT_FALSE(cuts.empty());
  append_hull_cuts(model, cuts);
  const LpDiveResult after = solve_lp_and_dive(model, options, std::chrono::steady_clock::now(), {.until_share = 0.0});
  ASSERT_TRUE(after.lp_feasible);
  EXPECT_GE(after.lp_objective, 47367 - 0.01);
  EXPECT_LE(after.lp_objective, 47367 + 1e-6);
}

}  // namespace
}  // namespace staffplan::optimize
