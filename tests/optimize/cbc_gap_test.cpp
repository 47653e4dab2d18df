// A CBC run stopped by the relative gap reports a bound no higher than the
// optimum (cbc_solver.cpp): CBC's own "-ratio" prunes every node within the gap
// and, once its tree is empty, reports the incumbent as its bound — a proof of a
// plan that is not optimal (the make-or-buy week in intervals mode: 38 573.20
// "optimal" where HiGHS proves 38 565.60).
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
using testing::three_cycle;

TEST(CbcGap, ARunEndedByTheGapNeverReportsABoundAboveTheOptimum) {
  const MilpModel model = three_cycle();
  const std::vector<double> start = {1, 1, 1};  // cost 3: a plan, not the optimum
  SolveOptions options;
  options.time_limit_s = 60;
  options.relative_gap = 0.4;  // below (3 − 1.5) / 3: the LP alone does not close it
  MipLimits limits;
  limits.seconds = 60;
  const MipResult result = solve_mip(model, &start, options, limits, std::chrono::steady_clock::now());
  ASSERT_TRUE(result.x.has_value());
  EXPECT_LE(result.objective, 3.0);
  EXPECT_LE(result.bound, 2.0 + 1e-9);  // the optimum, worked by hand above
  EXPECT_GE(result.bound, 1.5 - 1e-9);  // at least the LP
  EXPECT_FALSE(result.hit_time_limit);  // it ended by the gap, well inside its minute
}

}  // namespace
}  // namespace staffplan::optimize
