// The coarse start grid (coarse_grid.hpp): which columns stay, counted by hand, and
// that the restricted model's plan is a plan of the whole model.
#include <gtest/gtest.h>

#include <numeric>

#include "optimize/coarse_grid.hpp"
#include "optimize/columns.hpp"
#include "optimize/milp_model.hpp"
#include "optimize/rounding.hpp"
#include "plan_builder.hpp"

namespace staffplan::optimize {
namespace {

using testing::PlanBuilder;
constexpr int hour = 3600;
constexpr int quarter = 900;

// One day at 15 minutes, one site on the plan's clock:
//   "day"     4 h, 08:00-09:45 every 15 min: 8 starts, 2 on the hour (08:00, 09:00);
//   "late"    4 h, 10:30 only: no start on the hour, so its one start stays;
//   "opening" 4 h, 07:00-07:45 every 15 min with min_agents 1: all 4 stay (their
//             Limit rows need them).
// Kept: 2 + 1 + 4 = 7 of 13 agents columns. 2 agents needed 09:00-13:00.
PlanBuilder day_plan() {
  PlanBuilder b(1, quarter);
  const int q = b.add_queue("english");
  const int s = b.add_site("ny", 10, std::nullopt);
  b.add_shift(s, "day", 4 * hour, 8 * 60, 9 * 60 + 45, quarter);
  b.add_shift(s, "late", 4 * hour, 10 * 60 + 30);
  b.add_shift(s, "opening", 4 * hour, 7 * 60, 7 * 60 + 45, quarter).min_agents = 1;
  b.require(q, 36, 52, 2);
  return b;
}

TEST(CoarseGrid, KeepsHourlyStartsStartLimitsAndShiftsWithNoHourlyStart) {
  const PlanBuilder b = day_plan();
  const ColumnSet columns = build_columns(b.plan);
  ASSERT_EQ(columns.columns.size(), 13u);
  const MilpModel model = build_milp(b.plan, b.required, columns, std::nullopt);
  const std::vector<int> kept = coarse_grid_vars(b.plan, columns, model);
  std::vector<std::pair<std::string, int>> starts;  // (shift, local minute) of each kept column
  for (int v : kept) {
    ASSERT_TRUE(model.is(v, VarFamily::agents));
    const Column& col = columns.columns[model.var_key[v].column];
    const Shift& shift = b.plan.sites[col.site].shifts[col.shift];
    starts.emplace_back(shift.name, shift.starts[col.start].local_minute);
  }
  std::sort(starts.begin(), starts.end());
  const std::vector<std::pair<std::string, int>> expected{
      {"day", 480}, {"day", 540}, {"late", 630}, {"opening", 420}, {"opening", 435}, {"opening", 450}, {"opening", 465}};
  EXPECT_EQ(starts, expected);
}

// The restricted model's plan, put back with the other columns at 0, meets every
// row of the whole model. By hand: min_agents 1 at each of the opening's 4 starts
// (07:00-07:45, ending 11:00-11:45), then 2 agents to 13:00 (the 09:00 "day" start
// or "late" at 10:30; the 08:00 start ends at 12:00): 6 × 4 h × $10 = $240, which
// is also the whole model's optimum.
TEST(CoarseGrid, ItsPlanIsAPlanOfTheWholeModel) {
  const PlanBuilder b = day_plan();
  const ColumnSet columns = build_columns(b.plan);
  const MilpModel model = build_milp(b.plan, b.required, columns, std::nullopt);
  const std::vector<int> kept = coarse_grid_vars(b.plan, columns, model);
  std::vector<int> rows(model.num_rows());
  std::iota(rows.begin(), rows.end(), 0);
  const MilpModel coarse = model.subset(kept, rows);
  const std::optional<std::vector<double>> x = round_and_repair(coarse, std::vector<double>(coarse.num_vars(), 0.0));
  ASSERT_TRUE(x);
  std::vector<double> whole(model.num_vars(), 0.0);
  for (std::size_t k = 0; k < kept.size(); ++k) whole[kept[k]] = (*x)[k];
  for (int r = 0; r < model.num_rows(); ++r) {
    double activity = 0;
    for (int v = 0; v < model.num_vars(); ++v) activity += model.a.coeff(r, v) * whole[v];
    EXPECT_GE(activity, model.row_lb[r] - 1e-9) << model.row_name(r);
    EXPECT_LE(activity, model.row_ub[r] + 1e-9) << model.row_name(r);
  }
  EXPECT_NEAR(model.objective(whole), 240, 1e-9);
}

// Starts already on the hour: nothing coarser to solve.
TEST(CoarseGrid, NothingWhenEveryStartIsOnTheHour) {
  PlanBuilder b(1, hour);
  const int q = b.add_queue("english");
  b.add_shift(b.add_site("ny", 10, std::nullopt), "day", 4 * hour, 8 * 60, 12 * 60);
  b.require(q, 9, 12, 1);
  const ColumnSet columns = build_columns(b.plan);
  const MilpModel model = build_milp(b.plan, b.required, columns, std::nullopt);
  EXPECT_TRUE(coarse_grid_vars(b.plan, columns, model).empty());
}

}  // namespace
}  // namespace staffplan::optimize
