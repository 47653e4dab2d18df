// The seat counts CBC sees (seat_counts.hpp): one integer n per distinct Seats row
// of two or more columns, tied to them by a Count row, and the model's optimum
// found with them.
#include <gtest/gtest.h>

#include <chrono>
#include <vector>

#include "optimize/cbc_solver.hpp"
#include "optimize/milp_model.hpp"
#include "optimize/model_builder.hpp"
#include "optimize/seat_counts.hpp"
#include "three_cycle.hpp"

namespace staffplan::optimize {
namespace {

int seats_row(ModelBuilder& b, int site, int interval, double seats, const std::vector<int>& vars) {
  const int row = b.add_row(RowKey{.family = RowFamily::seats, .site = site, .interval = interval}, -infinity, seats);
  for (int v : vars) b.add_entry(row, v, 1.0);
  return row;
}

TEST(SeatCounts, OneCountPerDistinctSeatsRowOfTwoOrMoreColumns) {
  ModelBuilder b;
  for (int v = 0; v < 4; ++v) b.add_var(VarKey{.column = v}, 0, 10, 100 + v, true);
  seats_row(b, 0, 0, 5, {0, 1, 2});
  seats_row(b, 0, 1, 4, {0, 1, 2});  // the same columns: the same count, the tighter limit
  seats_row(b, 1, 0, 3, {3});        // one column: nothing to count
  seats_row(b, 0, 2, 6, {1, 2});
  const MilpModel model = b.build();
  const MilpModel counted = with_seat_counts(model);

  ASSERT_EQ(counted.num_vars(), 6);
  ASSERT_EQ(counted.num_rows(), 6);
  EXPECT_TRUE(counted.is(4, VarFamily::count));
  EXPECT_EQ(counted.var_name(4), "n[0,0]");
  EXPECT_EQ(counted.var_name(5), "n[0,2]");
  EXPECT_EQ(counted.col_ub[4], 4);
  EXPECT_EQ(counted.col_ub[5], 6);
  EXPECT_TRUE(counted.integer[4] && counted.integer[5]);
  EXPECT_EQ(counted.cost[4], 0);
  EXPECT_EQ(counted.row_name(4), "Count(0,0)");
  EXPECT_EQ(counted.row_lb[4], 0);
  EXPECT_EQ(counted.row_ub[4], 0);
  // Count(0,0): x0 + x1 + x2 − n[0,0] = 0.
  EXPECT_EQ(counted.a.coeff(4, 0), 1);
  EXPECT_EQ(counted.a.coeff(4, 2), 1);
  EXPECT_EQ(counted.a.coeff(4, 3), 0);
  EXPECT_EQ(counted.a.coeff(4, 4), -1);
  // The model's own rows and objective are untouched.
  for (int v = 0; v < 4; ++v) EXPECT_EQ(counted.cost[v], model.cost[v]);

  // x = (1, 2, 3, 4): n[0,0] = 1 + 2 + 3 = 6, n[0,2] = 2 + 3 = 5.
  const std::vector<double> full = with_count_values(counted, {1, 2, 3, 4});
  EXPECT_EQ(full, (std::vector<double>{1, 2, 3, 4, 6, 5}));
}

TEST(SeatCounts, NoSeatsRowsNoCounts) {
  ModelBuilder b;
  b.add_var(VarKey{}, 0, 10, 1, true);
  const int row = b.add_row(RowKey{.family = RowFamily::cover, .queue = 0, .interval = 0}, 1, infinity);
  b.add_entry(row, 0, 1);
  const MilpModel counted = with_seat_counts(b.build());
  EXPECT_EQ(counted.num_vars(), 1);
  EXPECT_EQ(counted.num_rows(), 1);
}

// The three-cycle model (three_cycle.hpp) at one site of 10 seats: LP 1.5 with half
// an agent on every shift; a whole plan needs two shifts, since any one leaves an
// interval empty: the optimum is 2. CBC with the counts finds it, its
// plan over the model's own three variables; such a run proves nothing (its tree
// once closed above the optimum, cbc_solver.hpp), so its bound is at most the
// root's and its end is reported as a limit.
TEST(SeatCounts, CbcWithCountsFindsTheOptimumOfTheModel) {
  const MilpModel model = testing::three_cycle(/*seats=*/10);
  ASSERT_EQ(with_seat_counts(model).num_vars(), 6);  // one count per interval
  MipLimits limits;
  limits.seat_counts = true;
  const MipResult result = testing::cbc_for_a_minute(model, limits, SolveOptions{}.relative_gap);
  ASSERT_TRUE(result.x.has_value());
  EXPECT_EQ(result.x->size(), 3u);
  EXPECT_DOUBLE_EQ(result.objective, 2.0);
  EXPECT_LE(result.bound, 2.0 + 1e-9);
  EXPECT_TRUE(result.hit_time_limit);
  EXPECT_FALSE(result.proven_infeasible);
  if (!result.root_x.empty()) {
    EXPECT_EQ(result.root_x.size(), 3u);
  }
}

}  // namespace
}  // namespace staffplan::optimize
