// Day service level in the simulation (SPEC §11). A day goal mixes intervals of very
// different service, so the simulated day must be pooled per replication, and it
// must agree with the plan's prediction. Intervals are long against the handling
// time (60 min against 20 s), so each interval is close to stationary and the
// Erlang prediction is what the simulation should reproduce.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <string>
#include <vector>

#include "erlang_reference.hpp"
#include "load/load.hpp"
#include "optimize/optimize.hpp"
#include "require/require.hpp"
#include "simulate/simulate.hpp"

namespace staffplan {
namespace {

constexpr double kCallsPerHour[13] = {360, 540, 810, 1080, 1260, 1170, 990, 900, 1080, 990, 720, 450, 270};
constexpr double kAht = 20, kWithin = 2;

std::string day_goal_plan() {
  std::string volumes;
  for (int i = 0; i < 24; ++i) volumes += (i ? ", " : "") + fmt::format("{:g}", i < 13 ? kCallsPerHour[i] : 0.0);
  return "version: 1\nname: day\ntimezone: UTC\nstart: 2026-11-23\ndays: 1\ninterval: 60m\nshrinkage: 0\n"
         "goal: { service_level: 80%, answer_within: 2s, measured_over: day, interval_floor: 50% }\n"
         "queues:\n  - name: q\n    aht: 20s\n    forecast:\n      volumes: [" + volumes + "]\n"
         "sites:\n  - name: s\n    timezone: UTC\n    hourly_cost: 10\n    shifts:\n"
         "      - { name: a, start: \"00:00\", length: 5h }\n      - { name: b, start: \"03:00\", length: 5h }\n"
         "      - { name: c, start: \"06:00\", length: 5h }\n      - { name: d, start: \"08:00\", length: 5h }\n";
}

TEST(PeriodService, SimulatedDayAgreesWithThePrediction) {
  const Plan plan = load::load_plan_text(day_goal_plan(), "day.yaml");
  const auto requirement = require::compute(plan);
  const auto schedule = optimize::solve(plan, requirement, optimize::SolveOptions{});
  const Staffing staffing = optimize::productive_staffing(plan, schedule);

  simulate::Options options;
  options.replications = 400;
  options.confidence = 0.999;
  const simulate::Result result = simulate::run(plan, staffing, options);
  ASSERT_EQ(result.periods.size(), 1u);
  const simulate::PeriodResult& day = result.periods[0];
  EXPECT_EQ(day.queue, 0);
  EXPECT_EQ(day.first_interval, 0);
  EXPECT_DOUBLE_EQ(day.forecast_calls, 10620);  // Σ kCallsPerHour

  // The prediction is the call-weighted Erlang C service level at the planned agents,
  // rebuilt here with the reference formula.
  double answered = 0, calls = 0;
  for (int i = 0; i < 13; ++i) {
    const int agents = staffing.agents[0][i];
    const double erlangs = kCallsPerHour[i] * kAht / 3600;
    answered += kCallsPerHour[i] * testing::reference_erlang_c(agents, erlangs, kAht, kWithin).service_level;
    calls += kCallsPerHour[i];
  }
  EXPECT_NEAR(day.predicted.service_level, answered / calls, 1e-9);
  EXPECT_GE(day.predicted.service_level, 0.8 - 1e-9);  // the plan meets its day goal

  // The simulated day holds the prediction in its 99.9 % interval.
  EXPECT_LE(day.simulated.service_level.lo, day.predicted.service_level);
  EXPECT_GE(day.simulated.service_level.hi, day.predicted.service_level);
  // With one day, the day is the whole horizon.
  EXPECT_DOUBLE_EQ(day.simulated.service_level.mean, result.queues[0].simulated.service_level.mean);
}

TEST(PeriodService, IntervalGoalsHaveNoPeriods) {
  std::string text = day_goal_plan();
  text.replace(text.find(", measured_over: day, interval_floor: 50%"), 41, "");
  const Plan plan = load::load_plan_text(text, "interval.yaml");
  const auto schedule = optimize::solve(plan, require::compute(plan), optimize::SolveOptions{});
  simulate::Options options;
  options.replications = 4;
  EXPECT_TRUE(simulate::run(plan, optimize::productive_staffing(plan, schedule), options).periods.empty());
}

TEST(PeriodService, DaysOfAWeekArePooledSeparately) {
  // Two days, the second with twice the calls: the week row pools both days.
  std::string text = day_goal_plan();
  text.replace(text.find("days: 1"), 7, "days: 2");
  text.replace(text.find("measured_over: day"), 18, "measured_over: week");
  std::string volumes;
  for (int d = 0; d < 2; ++d)
    for (int i = 0; i < 24; ++i)
      volumes += (d || i ? ", " : "") + fmt::format("{:g}", i < 13 ? kCallsPerHour[i] * (d + 1) : 0.0);
  const auto open = text.find("volumes: [") + 10;
  text.replace(open, text.find(']', open) - open, volumes);
  const Plan plan = load::load_plan_text(text, "week.yaml");
  const auto schedule = optimize::solve(plan, require::compute(plan), optimize::SolveOptions{});
  simulate::Options options;
  options.replications = 8;
  const auto result = simulate::run(plan, optimize::productive_staffing(plan, schedule), options);
  ASSERT_EQ(result.periods.size(), 1u);
  EXPECT_DOUBLE_EQ(result.periods[0].forecast_calls, 3 * 10620.0);
  text.replace(text.find("measured_over: week"), 19, "measured_over: day");
  const Plan by_day = load::load_plan_text(text, "day2.yaml");
  const auto day_schedule = optimize::solve(by_day, require::compute(by_day), optimize::SolveOptions{});
  const auto days = simulate::run(by_day, optimize::productive_staffing(by_day, day_schedule), options);
  ASSERT_EQ(days.periods.size(), 2u);
  EXPECT_EQ(days.periods[1].first_interval, 24);
  EXPECT_DOUBLE_EQ(days.periods[0].forecast_calls, 10620);
  EXPECT_DOUBLE_EQ(days.periods[1].forecast_calls, 2 * 10620.0);
}

}  // namespace
}  // namespace staffplan
