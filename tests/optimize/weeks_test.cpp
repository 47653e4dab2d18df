// Long horizons solved week by week (weeks.hpp): plans and lower bounds against
// hand calculations, on a three-week horizon whose night shifts run from one week
// into the next (and, on a cyclic horizon, from the last week into the first).
#include <gtest/gtest.h>

#include "optimize/optimize.hpp"
#include "optimize/lp_dive.hpp"
#include "optimize/weeks.hpp"
#include "plan_builder.hpp"

namespace staffplan::optimize {
namespace {

using testing::PlanBuilder;
constexpr int hour = 3600;
constexpr int days = 21;  // three weeks: more than kMonolithMaxDays

// One site at $10/h, one 8 h night shift at 22:00 every day, 3 agents needed
// 22:00-06:00 every night. Every night needs its own shift: 3 × 8 h × $10 = $240 a
// night, 21 nights = $5 040. The week-by-week bound is exact here: each night
// shift's cost splits between the weeks its hours fall in, and each week's LP
// pays exactly its share.
PlanBuilder nights(bool cyclic) {
  PlanBuilder b(days, hour, -5 * hour, "2026-11-23", cyclic);
  const int q = b.add_queue("english");
  const int s = b.add_site("ny", 10, std::nullopt);
  b.add_shift(s, "night", 8 * hour, 22 * 60);
  for (int d = 0; d < days; ++d) b.require(q, 24 * d + 22, std::min(24 * d + 30, 24 * days), 3);
  if (cyclic) b.require(q, 0, 6, 3);  // early Monday: the last Sunday's shift, wrapped
  return b;
}

Schedule run(const PlanBuilder& b) {
  SolveOptions options;
  options.time_limit_s = 30;
  return solve(b.plan, b.required, options);
}

TEST(Weeks, TakesLongHorizonsOfDailyShiftsOnly) {
  static_assert(days > kMonolithMaxDays);
  const PlanBuilder b = nights(false);
  const ColumnSet columns = build_columns(b.plan);
  const MilpModel model = build_milp(b.plan, b.required, columns, std::nullopt);
  const auto weekly = solve_by_weeks(b.plan, columns, model, SolveOptions{}, std::chrono::steady_clock::now());
  ASSERT_TRUE(weekly.has_value());
  EXPECT_EQ(weekly->weeks, 3);
  EXPECT_NEAR(weekly->bound, 5040, 1e-6);

  PlanBuilder two_weeks(14, hour);
  const int q = two_weeks.add_queue("english");
  two_weeks.add_shift(two_weeks.add_site("ny", 10, std::nullopt), "day", 8 * hour, 8 * 60);
  two_weeks.require(q, 13, 16, 1);
  const ColumnSet c2 = build_columns(two_weeks.plan);
  const MilpModel m2 = build_milp(two_weeks.plan, two_weeks.required, c2, std::nullopt);
  EXPECT_FALSE(solve_by_weeks(two_weeks.plan, c2, m2, SolveOptions{}, std::chrono::steady_clock::now()));
}

// Decided from the plan alone, before any column is built: more than 14 days and
// nothing that ties the weeks together.
TEST(Weeks, WhichPlansGoWeekByWeek) {
  const PlanBuilder b = nights(false);
  EXPECT_TRUE(solves_week_by_week(b.plan));
  Plan two_weeks = b.plan;
  two_weeks.horizon.days = 14;
  EXPECT_FALSE(solves_week_by_week(two_weeks));
  Plan outsourced = b.plan;
  outsourced.outsourcers.push_back(Outsourcer{});
  EXPECT_FALSE(solves_week_by_week(outsourced));
  Plan deferrable = b.plan;
  deferrable.work.push_back(Work{});
  EXPECT_FALSE(solves_week_by_week(deferrable));
  Plan tours = b.plan;
  tours.sites[0].contracts.push_back(Contract{});
  EXPECT_FALSE(solves_week_by_week(tours));
  Plan daily_goal = b.plan;
  daily_goal.queues[0].goal.service_level = 0.8;
  EXPECT_TRUE(solves_week_by_week(daily_goal));  // measured in each interval
  daily_goal.queues[0].goal.measured_over = MeasuredOver::day;
  EXPECT_FALSE(solves_week_by_week(daily_goal));
}

// With shrinkage the model has Round rows (whole agents per interval); the weeks
// take them too. 25 % shrinkage and 2 productive agents a night: 0.75 x >= 2 needs
// x = 3 agents (the LP alone would pay 2/0.75 = 2.67), 3 x 8 h x $10 = $240 a night,
// $5 040 for 21 nights, and each week's LP with its Round rows pays that (to the
// rows' round-off), which plan's bound rounds up to the next whole shift cost.
TEST(Weeks, TakesThePlansWithShrinkageAndTheirRoundRows) {
  PlanBuilder b(days, hour, -5 * hour, "2026-11-23", false);
  const int q = b.add_queue("english");
  const int s = b.add_site("ny", 10, std::nullopt, 0.25);
  b.add_shift(s, "night", 8 * hour, 22 * 60);
  for (int d = 0; d < days; ++d) b.require(q, 24 * d + 22, std::min(24 * d + 30, 24 * days), 2);
  const ColumnSet columns = build_columns(b.plan);
  const MilpModel model = build_milp(b.plan, b.required, columns, std::nullopt);
  int round_rows = 0;
  for (const RowKey& k : model.row_key) round_rows += k.family == RowFamily::rounding;
  ASSERT_GT(round_rows, 0);
  const auto weekly = solve_by_weeks(b.plan, columns, model, SolveOptions{}, std::chrono::steady_clock::now());
  ASSERT_TRUE(weekly.has_value());
  EXPECT_EQ(weekly->weeks, 3);
  EXPECT_NEAR(weekly->bound, 5040, 1e-3);
  EXPECT_LE(weekly->bound, 5040);
  const Schedule r = run(b);
  EXPECT_DOUBLE_EQ(r.cost, 5040);
  EXPECT_DOUBLE_EQ(r.lower_bound, 5040);
}

// No time at all: every week still gets a plan (the greedy one, with the shifts
// that run into it counted), and the bound is the weeks' floors. The plan must meet
// every row of the whole model, and can be no cheaper than the optimum of $5 040
// worked out above, which the bound must not exceed.
TEST(Weeks, EveryWeekGetsAPlanWhenTheClockLeavesNone) {
  for (const bool cyclic : {false, true}) {
    const PlanBuilder b = nights(cyclic);
    const ColumnSet columns = build_columns(b.plan);
    const MilpModel model = build_milp(b.plan, b.required, columns, std::nullopt);
    SolveOptions options;
    options.time_limit_s = 0;
    const auto weekly = solve_by_weeks(b.plan, columns, model, options, std::chrono::steady_clock::now());
    ASSERT_TRUE(weekly.has_value());
    EXPECT_TRUE(weekly->out_of_time);
    const Eigen::VectorXd x = Eigen::Map<const Eigen::VectorXd>(weekly->x.data(), model.num_vars());
    const Eigen::VectorXd activity = model.a * x;
    for (int r = 0; r < model.num_rows(); ++r) {
      EXPECT_GE(activity[r], model.row_lb[r] - 1e-9) << "row " << r << " cyclic " << cyclic;
      EXPECT_LE(activity[r], model.row_ub[r] + 1e-9) << "row " << r << " cyclic " << cyclic;
    }
    EXPECT_GE(model.objective(weekly->x), 5040 - 1e-6);
    EXPECT_LE(weekly->bound, 5040 + 1e-6);
    EXPECT_GE(weekly->bound, 0);
  }
}

TEST(Weeks, NightShiftsAcrossWeekBoundaries) {
  const Schedule r = run(nights(false));
  EXPECT_EQ(r.status, Status::optimal);
  EXPECT_DOUBLE_EQ(r.cost, 5040);
  EXPECT_DOUBLE_EQ(r.lower_bound, 5040);
  int agents = 0;
  for (const Assignment& a : r.assignments) {
    EXPECT_EQ(a.agents, 3);
    agents += a.agents;
  }
  EXPECT_EQ(agents, 3 * days);
}

TEST(Weeks, CyclicLastWeekCoversTheFirstMorning) {
  const Schedule r = run(nights(true));
  EXPECT_EQ(r.status, Status::optimal);
  EXPECT_DOUBLE_EQ(r.cost, 5040);
  EXPECT_DOUBLE_EQ(r.lower_bound, 5040);
  for (const IntervalCoverage& c : r.coverage) {
    if (c.interval < 6) {
      EXPECT_GE(c.productive, 3) << "interval " << c.interval;
    }
  }
}

}  // namespace
}  // namespace staffplan::optimize

namespace staffplan::optimize {
namespace {

// The week-by-week bound never exceeds the LP relaxation of the whole horizon
// (which is itself below every plan's cost), on a cyclic three-week plan with two
// sites, seats, 4 h and 8 h shifts every hour and an irregular demand.
TEST(Weeks, BoundIsBelowTheWholeHorizonLp) {
  for (const bool cyclic : {false, true}) {
    PlanBuilder b(days, hour, 0, "2026-11-23", cyclic);
    const int q = b.add_queue("english");
    const int a = b.add_site("a", 10, 6, 0, 0);
    const int c = b.add_site("c", 25, std::nullopt, 0, 0);
    for (int s : {a, c}) {
      b.add_shift(s, "short", 4 * hour, 0, 23 * 60);
      b.add_shift(s, "long", 8 * hour, 0, 23 * 60);
    }
    for (int i = 0; i < 24 * days; ++i) b.require(q, i, i + 1, 1 + (i * 7 + i / 24 * 3) % 9);
    const ColumnSet columns = build_columns(b.plan);
    const MilpModel model = build_milp(b.plan, b.required, columns, std::nullopt);
    const LpDiveResult whole = solve_lp_and_dive(model, SolveOptions{}, std::chrono::steady_clock::now(), {.until_share = 0.0});
    ASSERT_TRUE(whole.lp_feasible);
    const auto weekly = solve_by_weeks(b.plan, columns, model, SolveOptions{}, std::chrono::steady_clock::now());
    ASSERT_TRUE(weekly.has_value());
    EXPECT_LE(weekly->bound, whole.lp_objective + 1e-6) << "cyclic " << cyclic;
    EXPECT_GE(model.objective(weekly->x), whole.lp_objective - 1e-6);
    EXPECT_GT(weekly->bound, 0.95 * whole.lp_objective);  // and it is not a weak one
  }
}

}  // namespace
}  // namespace staffplan::optimize
