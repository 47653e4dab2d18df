// require::compute on small plans. Expected values: Erlang C evaluated in mpmath
// (40 digits) for A = 10 Erlangs: C(13) = 0.285270, SL20(13) = 0.795595;
// C(14) = 0.174132, SL20(14) = 0.888350, ASA(14) = 7.835937 s.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "load/load.hpp"
#include "require/require.hpp"

namespace staffplan {
namespace {

// One day at 30 minutes in UTC; `rows` lines go under forecast.rows.
Plan plan_with(const std::string& queue_extra, const std::string& rows, const std::string& goal = "{ service_level: 80%, answer_within: 20s }") {
  return load::load_plan_text("version: 1\ntimezone: UTC\nstart: 2026-01-05\ndays: 1\ninterval: 30m\n"
                              "shrinkage: 30%\ngoal: " + goal + "\nqueues:\n  - name: q\n    aht: 180s\n" +
                                  queue_extra + "    forecast:\n      rows:\n" + rows,
                              "plan.yaml");
}

TEST(RequireCompute, PublishedCaseNeeds14Agents) {
  const Plan plan = plan_with("", "        - { at: \"2026-01-05T08:00\", calls: 100 }\n");
  const auto result = require::compute(plan);
  ASSERT_EQ(result.queues.size(), 1u);
  ASSERT_EQ(result.queues[0].intervals.size(), 48u);
  const auto& r = result.queues[0].intervals[16];
  EXPECT_EQ(r.calls, 100);
  EXPECT_EQ(r.aht_s, 180);
  EXPECT_DOUBLE_EQ(r.erlangs, 10);
  EXPECT_EQ(r.agents, 14);
  EXPECT_EQ(r.scheduled, 20);  // 14 / (1 - 0.3) = 20 exactly, not 21
  EXPECT_NEAR(r.service_level, 0.8883500191794669, 1e-9);
  EXPECT_NEAR(r.p_wait, 0.17413193359504983, 1e-9);
  EXPECT_NEAR(r.asa_s, 7.835937011777243, 1e-7);
  EXPECT_NEAR(r.occupancy, 10.0 / 14, 1e-12);
  EXPECT_FALSE(r.p_abandon);
}

TEST(RequireCompute, IdleIntervalsNeedNobodyUnlessOpenWithAFloor) {
  // Open 08:00-12:00 with min_agents 2: intervals 16..23 need 2, the rest 0.
  const Plan plan = plan_with("    open: \"08:00-12:00\"\n    min_agents: 2\n",
                              "        - { at: \"2026-01-05T09:00\", calls: 100 }\n");
  const auto result = require::compute(plan);
  const auto& intervals = result.queues[0].intervals;
  EXPECT_EQ(intervals[15].agents, 0);
  EXPECT_EQ(intervals[16].agents, 2);
  EXPECT_EQ(intervals[16].scheduled, 3);  // ceil(2 / 0.7)
  EXPECT_EQ(intervals[16].service_level, 1);
  EXPECT_EQ(intervals[18].agents, 14);  // the floor does not lower a requirement
  EXPECT_EQ(intervals[23].agents, 2);
  EXPECT_EQ(intervals[24].agents, 0);
}

TEST(RequireCompute, FloorAboveTheRequirementIsEvaluatedAtTheFloor) {
  // 1 call in 30 min at 180 s: A = 0.1. With 5 agents (the floor), occupancy = 0.1 / 5.
  const Plan plan = plan_with("    min_agents: 5\n", "        - { at: \"2026-01-05T09:00\", calls: 1 }\n");
  const auto result = require::compute(plan);
  const auto& r = result.queues[0].intervals[18];
  EXPECT_EQ(r.agents, 5);
  EXPECT_DOUBLE_EQ(r.occupancy, 0.02);
}

TEST(RequireCompute, RowAhtOverridesTheQueueDefault) {
  // 50 calls at 360 s is again 10 Erlangs -> 14 agents.
  const Plan plan = plan_with("", "        - { at: \"2026-01-05T10:00\", calls: 50, aht: 360s }\n");
  const auto result = require::compute(plan);
  const auto& r = result.queues[0].intervals[20];
  EXPECT_EQ(r.aht_s, 360);
  EXPECT_EQ(r.agents, 14);
}

TEST(RequireCompute, QueueingInputsComeFromThePlan) {
  const Plan plan = plan_with("    goal: { asa: 15s, max_occupancy: 85% }\n",
                              "        - { at: \"2026-01-05T10:00\", calls: 50 }\n");
  const auto load = require::load_of(plan, 0, 20);
  EXPECT_EQ(load.calls, 50);
  EXPECT_EQ(load.aht_s, 180);
  EXPECT_EQ(load.interval_s, 1800);
  EXPECT_EQ(load.model, queueing::Model::erlang_c);
  const auto goals = require::goals_of(plan, 0);
  EXPECT_DOUBLE_EQ(*goals.service_level, 0.8);
  EXPECT_EQ(goals.answer_within_s, 20);
  EXPECT_EQ(*goals.asa_s, 15);
  EXPECT_DOUBLE_EQ(*goals.max_occupancy, 0.85);
  EXPECT_FALSE(goals.max_abandon);
}

TEST(RequireCompute, UnreachableGoalNamesQueueAndInterval) {
  // 100 % within 0 s can never hold while anyone waits with positive probability.
  const Plan plan = plan_with("", "        - { at: \"2026-01-05T10:00\", calls: 50 }\n",
                              "{ service_level: 100%, answer_within: 0s }");
  try {
    require::compute(plan);
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    ASSERT_EQ(e.diagnostics().size(), 1u);
    EXPECT_THAT(e.diagnostics()[0].to_string(),
                ::testing::StartsWith("plan.yaml:9:5: error: queue 'q' at 2026-01-05T10:00:00+00:00: the goals "
                                      "cannot be met ("));
  }
}

}  // namespace
}  // namespace staffplan
