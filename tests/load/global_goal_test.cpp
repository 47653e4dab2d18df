// Schema of the day/week service level (SPEC §11): goal.measured_over and
// goal.interval_floor, merged per queue, with exact messages and line:column.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "plan_fixture.hpp"

namespace staffplan::test {
namespace {

using ::testing::ElementsAre;

Plan load(const std::string& text) { return load::load_plan_text(text, "plan.yaml"); }

TEST(GlobalGoal, DefaultsToInterval) {
  const Plan plan = load(base_plan());
  EXPECT_EQ(plan.queues[0].goal.measured(), MeasuredOver::interval);
  EXPECT_FALSE(plan.queues[0].goal.global());
  EXPECT_FALSE(plan.queues[0].goal.interval_floor);
}

TEST(GlobalGoal, TopLevelAndPerQueueMerge) {
  const Plan plan = load(base_plan(
      {{8, "goal: { service_level: 80%, answer_within: 20s, measured_over: week, interval_floor: 50% }"},
       {11, "    aht: 300s\n    goal: { measured_over: day }"}}));
  EXPECT_EQ(plan.queues[0].goal.measured(), MeasuredOver::day);
  EXPECT_TRUE(plan.queues[0].goal.global());
  ASSERT_TRUE(plan.queues[0].goal.interval_floor);
  EXPECT_DOUBLE_EQ(*plan.queues[0].goal.interval_floor, 0.5);
  // Explicit interval is the version-1 meaning.
  EXPECT_FALSE(load(base_plan({{8, "goal: { service_level: 80%, answer_within: 20s, measured_over: interval }"}}))
                   .queues[0]
                   .goal.global());
}

TEST(GlobalGoal, FloorAboveGoal) {
  EXPECT_THAT(errors_of(base_plan({{8, "goal: { service_level: 80%, answer_within: 20s, measured_over: day, "
                                       "interval_floor: 85% }"}})),
              ElementsAre("plan.yaml:8:85: error: queues[english]: goal.interval_floor 85% is above the "
                          "service_level goal 80%"));
  // The queue's own service_level is what the floor is checked against.
  EXPECT_THAT(errors_of(base_plan({{8, "goal: { service_level: 80%, answer_within: 20s, measured_over: day, "
                                       "interval_floor: 75% }"},
                                   {11, "    aht: 300s\n    goal: { service_level: 70% }"}})),
              ElementsAre("plan.yaml:8:85: error: queues[english]: goal.interval_floor 75% is above the "
                          "service_level goal 70%"));
}

TEST(GlobalGoal, FloorWithoutMeasuredOver) {
  EXPECT_THAT(errors_of(base_plan({{8, "goal: { service_level: 80%, answer_within: 20s, interval_floor: 50% }"}})),
              ElementsAre("plan.yaml:8:65: error: queues[english]: goal.interval_floor needs goal.measured_over: "
                          "day or week (got no measured_over)"));
  EXPECT_THAT(errors_of(base_plan({{8, "goal: { service_level: 80%, answer_within: 20s, measured_over: interval, "
                                       "interval_floor: 50% }"}})),
              ElementsAre("plan.yaml:8:90: error: queues[english]: goal.interval_floor needs goal.measured_over: "
                          "day or week (got interval)"));
}

TEST(GlobalGoal, BadValues) {
  EXPECT_THAT(errors_of(base_plan({{8, "goal: { service_level: 80%, answer_within: 20s, measured_over: month }"}})),
              ElementsAre("plan.yaml:8:64: error: goal.measured_over: must be interval, day or week, got 'month'"));
  EXPECT_THAT(errors_of(base_plan({{8, "goal: { asa: 30s, measured_over: week }"}})),
              ElementsAre("plan.yaml:8:34: error: queues[english]: goal.measured_over: week needs a service_level "
                          "goal"));
  EXPECT_THAT(errors_of(base_plan({{8, "goal: { service_level: 80%, answer_within: 20s, measured_over: day, "
                                       "interval_floor: 120% }"}})),
              ::testing::SizeIs(1));
}

}  // namespace
}  // namespace staffplan::test
