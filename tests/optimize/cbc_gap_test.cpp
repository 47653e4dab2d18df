// A CBC run stopped by the relative gap reports a bound no higher than the
// optimum (cbc_solver.cpp): CBC's own "-ratio" prunes every node within the gap
// and, once its tree is empty, reports the incumbent as its bound — a proof of a
// plan that is not optimal (the make-or-buy week in intervals mode: 38 573.20
// "optimal" where HiGHS proves 38 565.60). And a plain run (no preprocessing,
// no cuts) still proves the optimum.
#include <gtest/gtest.h>

#include <chrono>
#include <vector>

#include "optimize/cbc_solver.hpp"
#include "optimize/milp_model.hpp"
#include "three_cycle.hpp"

namespace staffplan::optimize {
namespace {

// The three-cycle model (three_cycle.hpp): LP 1.5, whole plans need two shifts,
// optimum 2.
using testing::cbc_for_a_minute;
using testing::three_cycle;

TEST(CbcGap, ARunEndedByTheGapNeverReportsABoundAboveTheOptimum) {
  const MilpModel model = three_cycle();
  const std::vector<double> start = {1, 1, 1};  // cost 3: a plan, not the optimum
  // Gap 0.4: below (3 − 1.5) / 3, so the LP alone does not close it.
  const MipResult result = cbc_for_a_minute(model, MipLimits{}, 0.4, &start);
  ASSERT_TRUE(result.x.has_value());
  EXPECT_LE(result.objective, 3.0);
  EXPECT_LE(result.bound, 2.0 + 1e-9);  // the optimum, worked by hand above
  EXPECT_GE(result.bound, 1.5 - 1e-9);  // at least the LP
  EXPECT_FALSE(result.hit_time_limit);  // it ended by the gap, well inside its minute
}

// CBC without preprocessing and cuts (MipLimits::plain, the runs of the search's
// blocks cut down to the LP's support) still solves to the optimum by hand: two
// shifts, cost 2, proven (bound 2).
TEST(CbcPlain, SolvesTheThreeCycleToItsOptimum) {
  MipLimits limits;
  limits.plain = true;
  const MipResult result = cbc_for_a_minute(three_cycle(), limits, 0);
  ASSERT_TRUE(result.x.has_value());
  EXPECT_DOUBLE_EQ(result.objective, 2.0);
  EXPECT_NEAR(result.bound, 2.0, 1e-6);
  EXPECT_FALSE(result.hit_time_limit);
  EXPECT_FALSE(result.hit_node_limit);
  EXPECT_FALSE(result.proven_infeasible);
}

// Stopped at the root (no preprocessing or cuts), a run says it hit its node limit:
// its end is no proof. With x2 at cost 1.01 the objective is not integral, so the
// root's bound is the LP's, 1.505 at x = (½, ½, ½) (by hand, as in three_cycle.hpp),
// below the hand optimum 2 (x0 = x1 = 1) that only the tree proves.
TEST(CbcNodeLimit, ARunStoppedAtItsNodeLimitSaysSo) {
  MilpModel model = three_cycle();
  model.cost[2] = 1.01;
  MipLimits limits;
  limits.plain = true;
  limits.max_nodes = 0;
  const MipResult result = cbc_for_a_minute(model, limits, 0);
  EXPECT_TRUE(result.hit_node_limit);
  EXPECT_FALSE(result.hit_time_limit);
  EXPECT_NEAR(result.bound, 1.505, 1e-6);
}

}  // namespace
}  // namespace staffplan::optimize
