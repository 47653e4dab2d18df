// CBC's stall stop (MipLimits::stall_seconds): a run whose incumbent and bound stay
// put gives its time back instead of spending all of it. The model is a market-split
// instance (Cornuéjols & Dawande 1998): binary x with Σ_j a_ij x_j = b_i, a_ij drawn
// from 0..99 and b_i = ⌊Σ_j a_ij / 2⌋. With 5 rows and 40 variables branch and bound
// needs millions of nodes to find a point or prove there is none, and with a zero
// objective its bound never moves: only the stall rule can end the run early.
#include <gtest/gtest.h>

#include <chrono>
#include <random>
#include <vector>

#include "optimize/cbc_solver.hpp"
#include "optimize/milp_model.hpp"
#include "optimize/model_builder.hpp"

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

}  // namespace
}  // namespace staffplan::optimize
