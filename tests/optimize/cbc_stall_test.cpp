// CBC's stall stop (MipLimits::stall_seconds): a run whose incumbent and bound stay
// put gives its time back instead of spending all of it. The model is a market-split
// instance (Cornuéjols & Dawande 1998): binary x with Σ_j a_ij x_j = b_i, a_ij drawn
// from 0..99 and b_i = ⌊Σ_j a_ij / 2⌋. With 5 rows and 40 variables branch and bound
// needs millions of nodes to find a point or prove there is none, and with a zero
// objective its bound never moves: only the stall rule can end the run early.
#include <gtest/gtest.h>

#include <chrono>
#include <limits>
#include <random>
#include <vector>

#include "optimize/cbc_solver.hpp"
#include "optimize/milp_model.hpp"
#include "optimize/model_builder.hpp"
#include "optimize/stall_watch.hpp"

namespace staffplan::optimize {
namespace {

MilpModel market_split(int rows, int vars, unsigned seed) {
  std::mt19937 draw(seed);  // fixed seed: the same instance on every machine
  ModelBuilder b;
  for (int v = 0; v < vars; ++v) b.add_var(VarKey{}, 0, 1, 0, true);
  for (int r = 0; r < rows; ++r) {
    std::vector<int> a(vars);
    int sum = 0;
    for (int& coefficient : a) sum += coefficient = int(draw() % 100);
    const double rhs = sum / 2;
    const int row = b.add_row(RowKey{RowFamily::cover, r, -1, -1, -1, 0}, rhs, rhs);
    for (int v = 0; v < vars; ++v)
      if (a[v] != 0) b.add_entry(row, v, a[v]);
  }
  return b.build();
}

TEST(CbcStall, ARunWhoseBoundAndIncumbentStayPutStopsAfterTheStallTime) {
  const MilpModel model = market_split(5, 40, 20261203);
  SolveOptions options;
  options.time_limit_s = 600;
  MipLimits limits;
  limits.seconds = 600;
  limits.stall_seconds = 1.0;
  const auto started = std::chrono::steady_clock::now();
  const MipResult result = solve_mip(model, nullptr, options, limits, started);
  const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  EXPECT_TRUE(result.hit_time_limit);       // reported as a limit, not a proof
  EXPECT_FALSE(result.proven_infeasible);
  EXPECT_LT(took, 120.0);                   // far below the 600 s it was allowed
}

// The rule itself, by hand (stall_watch.hpp), with the make-or-buy week's numbers:
// incumbent 38 821.20, bound 38 365.59; kStallMinMove 1e-4 of 38 365.59 is 3.84.
TEST(StallWatch, ABoundCreepingByCentsIsNoMove) {
  detail::StallWatch watch(2.0, /*bound_counts=*/true);
  EXPECT_FALSE(watch.stalled(0.0, 38821.20, 38365.59));  // first event: the clock starts
  EXPECT_FALSE(watch.stalled(1.0, 38821.20, 38365.595));
  EXPECT_FALSE(watch.stalled(2.0, 38821.20, 38365.60));  // 2.0 s is not more than 2.0 s
  EXPECT_TRUE(watch.stalled(2.5, 38821.20, 38365.60));   // 0.01 in 2.5 s: stalled
}

TEST(StallWatch, ABoundMovingByMoreThanTheMinimumRestartsTheClock) {
  detail::StallWatch watch(2.0, true);
  EXPECT_FALSE(watch.stalled(0.0, 38821.20, 38365.59));
  EXPECT_FALSE(watch.stalled(1.9, 38821.20, 38370.00));  // +4.41 ≥ 3.84: a move at 1.9 s
  EXPECT_FALSE(watch.stalled(3.5, 38821.20, 38371.00));  // +1.00 from 38 370: none
  EXPECT_TRUE(watch.stalled(4.0, 38821.20, 38371.00));   // 2.1 s after the move
}

TEST(StallWatch, ASubMipCountsOnlyABetterPlan) {
  detail::StallWatch watch(2.0, /*bound_counts=*/false);
  EXPECT_FALSE(watch.stalled(0.0, 38821.20, 38000.0));
  EXPECT_FALSE(watch.stalled(1.0, 38821.20, 38380.0));  // its own bound +1 %: no move
  EXPECT_FALSE(watch.stalled(1.5, 38815.20, 38400.0));  // a plan 6.00 cheaper (≥ 3.88): a move
  EXPECT_FALSE(watch.stalled(3.0, 38815.20, 38600.0));
  EXPECT_TRUE(watch.stalled(3.6, 38815.20, 38700.0));   // 2.1 s after the better plan
}

TEST(StallWatch, TheClockStartsAtTheFirstEventNotBeforeIt) {
  detail::StallWatch watch(1.0, true);
  EXPECT_FALSE(watch.stalled(50.0, std::numeric_limits<double>::infinity(), 10.0));  // a root of 50 s
  EXPECT_FALSE(watch.stalled(50.5, std::numeric_limits<double>::infinity(), 10.0));
  EXPECT_FALSE(watch.stalled(51.0, 12.0, 10.0));  // the first plan is a move
  EXPECT_TRUE(watch.stalled(52.1, 12.0, 10.0));
}

}  // namespace
}  // namespace staffplan::optimize
