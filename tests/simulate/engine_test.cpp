// Edge cases of the engine and of the replication machinery, with values that
// follow from the model's rules by hand.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

#include "plan_fixture.hpp"
#include "simulate/simulate.hpp"

namespace staffplan::testing {
namespace {

TEST(SimulateEngine, NoAgentsUnderErlangCMeansNoCallIsAnswered) {
  const QueueSpec spec{.calls = {30, 30}, .aht_s = 60, .agents = {0, 0}};
  const auto result = simulate::run(make_plan({spec}, 1800), make_staffing({spec}),
                                    {.replications = 5, .seed = 3});
  const auto& s = result.queues.at(0).simulated;
  EXPECT_EQ(s.service_level.mean, 0);
  EXPECT_EQ(s.p_abandon.mean, 0);       // they do not hang up: they are never answered
  EXPECT_EQ(s.p_wait.mean, 1);
  EXPECT_TRUE(std::isnan(s.asa_s.mean));  // no answered call
  // The longest wait is measured up to the horizon end (3600 s), so it is at most that.
  EXPECT_LE(s.max_wait_s.mean, 3600);
  EXPECT_GT(s.max_wait_s.mean, 3000);  // the first call of 60 arrives in the first minutes
  EXPECT_EQ(result.queues.at(0).predicted.service_level, 0);
}

TEST(SimulateEngine, NoAgentsUnderErlangAMeansEveryoneHangsUp) {
  const QueueSpec spec{.calls = {30, 30}, .aht_s = 60, .agents = {0, 0}};
  const auto result = simulate::run(make_plan({spec}, 1800, QueueModel::erlang_a, 60.0),
                                    make_staffing({spec}), {.replications = 5, .seed = 3});
  EXPECT_EQ(result.queues.at(0).simulated.p_abandon.mean, 1);
  EXPECT_EQ(result.queues.at(0).predicted.p_abandon, 1);
}

TEST(SimulateEngine, BacklogWaitsForTheNextStaffedInterval) {
  // Nobody in the first half hour, then plenty of agents: every call of the first
  // interval waits until 1800 s, i.e. its wait is 1800 s minus its arrival time.
  // Arrival times are uniform in the interval, so the mean wait is 900 s and the
  // calls answered within 20 s are those of the last 20 s: SL = 20 / 1800.
  const QueueSpec spec{.calls = {10, 0}, .aht_s = 60, .agents = {0, 50}};
  const auto result = simulate::run(make_plan({spec}, 1800), make_staffing({spec}),
                                    {.replications = 50, .seed = 3});
  const auto& first = result.intervals.at(0).simulated;
  EXPECT_LE(first.service_level.lo, 20.0 / 1800);
  EXPECT_GE(first.service_level.hi, 20.0 / 1800);
  EXPECT_LE(first.asa_s.lo, 900);
  EXPECT_GE(first.asa_s.hi, 900);
  EXPECT_LE(first.max_wait_s.mean, 1800);
}

TEST(SimulateEngine, IntervalsWithoutCallsHaveNoRatios) {
  const QueueSpec spec{.calls = {0, 5}, .aht_s = 60, .agents = {1, 1}};
  const auto result = simulate::run(make_plan({spec}, 1800), make_staffing({spec}),
                                    {.replications = 3, .seed = 3});
  const auto& empty = result.intervals.at(0);
  EXPECT_EQ(empty.simulated.calls, 0);
  EXPECT_TRUE(std::isnan(empty.simulated.service_level.mean));
  EXPECT_EQ(empty.predicted.service_level, 1);  // nothing offered: nothing missed
}

TEST(SimulateEngine, ForecastCallsAreThePoissonMean) {
  // 200 replications of Poisson(50): the mean count's 95 % CI is ±1 roughly.
  const QueueSpec spec{.calls = {50}, .aht_s = 60, .agents = {5}};
  const auto result = simulate::run(make_plan({spec}, 1800), make_staffing({spec}),
                                    {.replications = 200, .seed = 3});
  EXPECT_NEAR(result.intervals.at(0).simulated.calls, 50, 2);
  EXPECT_EQ(result.queues.at(0).forecast_calls, 50);
}

bool same(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }  // NaN == NaN too

void expect_identical(const simulate::Estimate& a, const simulate::Estimate& b) {
  EXPECT_TRUE(same(a.mean, b.mean) && same(a.lo, b.lo) && same(a.hi, b.hi));
}

void expect_identical(const simulate::SimulatedMetrics& a, const simulate::SimulatedMetrics& b) {
  EXPECT_TRUE(same(a.calls, b.calls));
  expect_identical(a.service_level, b.service_level);
  expect_identical(a.asa_s, b.asa_s);
  expect_identical(a.p_abandon, b.p_abandon);
  expect_identical(a.p_wait, b.p_wait);
  expect_identical(a.max_wait_s, b.max_wait_s);
}

TEST(SimulateEngine, SameSeedSameResultForAnyThreadCount) {
  const std::vector<QueueSpec> specs{
      {.name = "a", .calls = {40, 90, 10}, .aht_s = 120, .agents = {3, 5, 1}},
      {.name = "b", .calls = {5, 0, 70}, .aht_s = 300, .agents = {1, 2, 9}, .aht_cv = 0.7}};
  const Plan plan = make_plan(specs, 1800, QueueModel::erlang_a, 90.0);
  const auto one = simulate::run(plan, make_staffing(specs), {.replications = 17, .seed = 42, .threads = 1});
  for (int threads : {2, 3, 8}) {
    const auto many = simulate::run(plan, make_staffing(specs),
                                    {.replications = 17, .seed = 42, .threads = threads});
    ASSERT_EQ(one.intervals.size(), many.intervals.size());
    for (std::size_t k = 0; k < one.intervals.size(); ++k)
      expect_identical(one.intervals[k].simulated, many.intervals[k].simulated);
    for (std::size_t q = 0; q < one.queues.size(); ++q)
      expect_identical(one.queues[q].simulated, many.queues[q].simulated);
    expect_identical(one.overall.simulated, many.overall.simulated);
  }
  // A different seed gives a different sample.
  const auto other = simulate::run(plan, make_staffing(specs), {.replications = 17, .seed = 43});
  EXPECT_NE(one.overall.simulated.calls, other.overall.simulated.calls);
}

TEST(SimulateEngine, OverallPoolsEveryQueue) {
  // Two queues with equal forecasts: the pooled call count is the sum.
  const std::vector<QueueSpec> specs{{.name = "a", .calls = {100}, .agents = {20}},
                                     {.name = "b", .calls = {100}, .agents = {20}}};
  const auto result = simulate::run(make_plan(specs, 1800), make_staffing(specs),
                                    {.replications = 4, .seed = 9});
  EXPECT_DOUBLE_EQ(result.overall.simulated.calls,
                   result.queues[0].simulated.calls + result.queues[1].simulated.calls);
  EXPECT_EQ(result.overall.forecast_calls, 200);
}

TEST(SimulateEngine, RejectsStaffingThatDoesNotMatchThePlan) {
  const QueueSpec spec{.calls = {10, 10}, .agents = {1, 1}};
  Staffing wrong{{{1}}};
  EXPECT_THROW(simulate::run(make_plan({spec}, 1800), wrong, {}), std::invalid_argument);
  EXPECT_THROW(simulate::run(make_plan({spec}, 1800), make_staffing({spec}), {.replications = 0}),
               std::invalid_argument);
}

}  // namespace
}  // namespace staffplan::testing
