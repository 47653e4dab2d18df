// The LP by the barrier (lp_dive.hpp: the dual simplex gets a few seconds, then
// Clp's barrier with crossover takes over). A model worked out by hand, solved
// with the barrier straight away (dual_limit_s = 0): the LP value, point and duals
// must be the hand ones, and the crossover's basis must carry the dive to a whole
// plan, as after the dual simplex.
#include <gtest/gtest.h>

#include <chrono>
#include <vector>

#include "optimize/lp_dive.hpp"
#include "optimize/milp_model.hpp"
#include "three_cycle.hpp"

namespace staffplan::optimize {
namespace {

using testing::three_cycle;  // x = (½, ½, ½) at 1.5, y = (½, ½, ½); whole: 2 (three_cycle.hpp)

LpDiveResult lp_and_dive(const MilpModel& m, const DiveOptions& dive = {}) {
  SolveOptions options;
  options.time_limit_s = 30;
  return solve_lp_and_dive(m, options, std::chrono::steady_clock::now(), dive);
}

TEST(LpBarrier, TheBarrierGivesTheHandLpAndABasisTheDiveRoundsToTwoShifts) {
  const MilpModel m = three_cycle();
  const LpDiveResult lp = lp_and_dive(m, {.dual_limit_s = 0.0});
  ASSERT_TRUE(lp.lp_feasible);
  EXPECT_NEAR(lp.lp_objective, 1.5, 1e-7);
  ASSERT_EQ(lp.lp_x.size(), 3u);
  for (double x : lp.lp_x) EXPECT_NEAR(x, 0.5, 1e-7);
  ASSERT_EQ(lp.lp_row_dual.size(), 3u);
  for (double y : lp.lp_row_dual) EXPECT_NEAR(y, 0.5, 1e-7);
  ASSERT_TRUE(lp.integer);
  EXPECT_NEAR(m.objective(*lp.integer), 2.0, 1e-9);
  for (int i = 0; i < 3; ++i) {  // every interval covered by the dive's whole shifts
    const std::vector<double>& x = *lp.integer;
    EXPECT_GE(x[i] + x[(i + 2) % 3], 1.0 - 1e-9) << "interval " << i;
  }
}

// The same LP by the dual simplex (the default): the same value, so the two paths
// agree where both finish.
TEST(LpBarrier, TheDualSimplexGivesTheSameLp) {
  const MilpModel m = three_cycle();
  const LpDiveResult lp = lp_and_dive(m);
  ASSERT_TRUE(lp.lp_feasible);
  EXPECT_NEAR(lp.lp_objective, 1.5, 1e-7);
  ASSERT_TRUE(lp.integer);
  EXPECT_NEAR(m.objective(*lp.integer), 2.0, 1e-9);
}

// A dive that may start only by share 0 of the limit never starts: the LP is
// there (1.5, as above), with no integer plan and no dive point, and says so.
TEST(LpBarrier, ADiveStartingTooLateIsSkippedAndTheLpKept) {
  const MilpModel m = three_cycle();
  const LpDiveResult lp = lp_and_dive(m, {.start_by_share = 0.0});
  ASSERT_TRUE(lp.lp_feasible);
  EXPECT_NEAR(lp.lp_objective, 1.5, 1e-7);
  EXPECT_TRUE(lp.dive_skipped);
  EXPECT_FALSE(lp.integer);
  EXPECT_TRUE(lp.dive_x.empty());
  EXPECT_FALSE(lp_and_dive(m).dive_skipped);
}

}  // namespace
}  // namespace staffplan::optimize
