// The objective step (objective_step.hpp), by hand: what every integer plan's cost
// is a whole multiple of, and the bound rounded up to it.
#include <gtest/gtest.h>

#include "optimize/columns.hpp"
#include "optimize/milp_model.hpp"
#include "optimize/objective_step.hpp"
#include "optimize/plan_builder.hpp"

namespace staffplan::optimize {
namespace {

using testing::PlanBuilder;
constexpr int hour = 3600;

Contract five_of_seven() {
  Contract c;
  c.name = "ft";
  c.shifts = {0};
  c.days_per_week = 5;
  c.days_off = DaysOff::consecutive;
  c.same_start = true;
  return c;
}

// A week of 8 h shifts at 10 an hour (80 a shift) on 5-of-7 tours: every agent
// works 5 shifts, so every plan costs a multiple of 400 (not only of 80).
TEST(ObjectiveStep, ToursCountWholeAgents) {
  PlanBuilder b(7, hour, 0);
  const int q = b.add_queue("q");
  const int site = b.add_site("s", 10, std::nullopt, 0.3, 0);
  b.add_shift(site, "day", 8 * hour, 8 * 60, 9 * 60);
  b.plan.sites[site].contracts = {five_of_seven()};
  for (int d = 0; d < 7; ++d) b.require(q, d * 24 + 9, d * 24 + 16, 3);
  const ColumnSet columns = build_columns(b.plan);
  const MilpModel model = build_milp(b.plan, b.required, columns, std::nullopt);
  const auto step = objective_step(model);
  ASSERT_TRUE(step.has_value());
  EXPECT_DOUBLE_EQ(*step, 400);
}

// Daily shifts of 8 h and 6 h at 10 an hour: 80 and 60, step 20; with shortfall
// (continuous, priced per agent-hour) there is no step.
TEST(ObjectiveStep, DailyShiftsAndShortfall) {
  PlanBuilder b(1, hour, 0);
  const int q = b.add_queue("q");
  const int site = b.add_site("s", 10, std::nullopt, 0, 0);
  b.add_shift(site, "long", 8 * hour, 8 * 60);
  b.add_shift(site, "short", 6 * hour, 10 * 60);
  b.require(q, 8, 16, 2);
  const ColumnSet columns = build_columns(b.plan);
  const auto step = objective_step(build_milp(b.plan, b.required, columns, std::nullopt));
  ASSERT_TRUE(step.has_value());
  EXPECT_DOUBLE_EQ(*step, 20);
  EXPECT_FALSE(objective_step(build_milp(b.plan, b.required, columns, 1000.0)).has_value());
}

// 64.25 tours of 1125 (72 281.25) need 65 (73 125); a bound a hair above a multiple
// from round-off stays on it; no step leaves the bound alone.
TEST(ObjectiveStep, RoundUp) {
  EXPECT_DOUBLE_EQ(round_up_to_step(64.25 * 1125, 1125.0), 73125);
  EXPECT_DOUBLE_EQ(round_up_to_step(73125 + 1e-7, 1125.0), 73125);
  EXPECT_DOUBLE_EQ(round_up_to_step(72284.41, std::nullopt), 72284.41);
}

}  // namespace
}  // namespace staffplan::optimize
