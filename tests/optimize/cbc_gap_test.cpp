// A CBC run stopped by the relative gap reports a bound no higher than the
// optimum (cbc_solver.cpp): CBC's own "-ratio" prunes every node within the gap
// and, once its tree is empty, reports the incumbent as its bound — a proof of a
// plan that is not optimal (the make-or-buy week in intervals mode: 38 573.20
// "optimal" where HiGHS proves 38 565.60).
#include <gtest/gtest.h>

#include <chrono>
#include <limits>
#include <vector>

#include "optimize/cbc_solver.hpp"
#include "optimize/milp_model.hpp"
#include "optimize/model_builder.hpp"

namespace staffplan::optimize {
namespace {

// Three shifts on a cycle of three intervals, each covering two of them, one agent
// needed in each interval, each shift costing 1. LP: half an agent on every shift,
// 1.5. Whole plans need two shifts (any one leaves an interval empty): optimum 2.
MilpModel three_cycle() {
  ModelBuilder b;
  for (int v = 0; v < 3; ++v) b.add_var(VarKey{.column = v}, 0, 10, 1, true);
  const int covers[3][2] = {{0, 2}, {0, 1}, {1, 2}};  // interval i: the shifts on in it
  for (int i = 0; i < 3; ++i) {
    const int row = b.add_row(RowKey{.family = RowFamily::cover, .queue = 0, .interval = i}, 1, infinity);
    for (int v : covers[i]) b.add_entry(row, v, 1);
  }
  return b.build();
}

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
