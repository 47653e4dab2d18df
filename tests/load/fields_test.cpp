// Every field of SPEC §3 read into the model, from the SPEC's own example (adapted:
// one day at 60 minutes so the volumes fit on a line).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "plan_fixture.hpp"

namespace staffplan::test {
namespace {

const char* spec_example = R"(version: 1
name: Acme support, week 48
timezone: America/New_York
start: 2026-11-23
days: 1
interval: 60m
cyclic: true
model: erlang_a
patience: 2m
shrinkage: 30%
goal:
  service_level: 80%
  answer_within: 20s
  asa: 30s
  max_occupancy: 85%
  max_abandon: 5%
queues:
  - name: english
    aht: 300s
    aht_cv: 1.0
    goal: { service_level: 90%, answer_within: 15s }
    open: "07:00-23:00"
    min_agents: 1
    forecast:
      volumes: [0, 0, 0, 0, 0, 0, 0, 12, 15, 18, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 10, 0]
  - name: spanish
    aht: 6m
    open: "22:00-06:00"
    forecast:
      rows:
        - { at: "2026-11-23T08:00", calls: 120, aht: 280s }
sites:
  - name: new-york
    timezone: America/New_York
    hourly_cost: 28
    seats: 60
    shrinkage: 25%
    queues: [spanish, english]
    shifts:
      - name: day
        start: "07:00"
        latest_start: "11:00"
        start_step: 2h
        length: 8h30m
        days: [mon, tue, wed, thu, fri]
        breaks:
          - { length: 30m, window: ["3h", "5h"], paid: false }
          - { length: 15m, window: ["1h30m", "2h30m"] }
        hourly_cost: 30
        min_agents: 0
        max_agents: 40
  - name: manila
    timezone: Asia/Manila
    hourly_cost: 9
    shifts:
      - { name: night, start: "21:00", length: 9h }
)";

TEST(LoadFields, EverySpecFieldReachesTheModel) {
  std::vector<Diagnostic> warnings;
  // 15- and 30-minute grid for the 8h30m shift and 15m break.
  std::string text = spec_example;
  text.replace(text.find("interval: 60m"), 13, "interval: 15m");
  std::string volumes = "      volumes: [";
  for (int i = 0; i < 96; ++i) volumes += (i ? ", " : "") + std::to_string(i >= 28 && i < 92 ? 10 : 0);
  volumes += "]";
  const auto at = text.find("      volumes:");
  text.replace(at, text.find('\n', at) - at, volumes);
  const Plan plan = load::load_plan_text(text, "spec.yaml", &warnings);

  EXPECT_EQ(plan.name, "Acme support, week 48");
  EXPECT_EQ(plan.file, "spec.yaml");
  EXPECT_EQ(plan.horizon.timezone, "America/New_York");
  EXPECT_EQ(plan.horizon.start_date, "2026-11-23");
  EXPECT_EQ(plan.horizon.days, 1);
  EXPECT_EQ(plan.horizon.interval_s, 900);
  EXPECT_EQ(plan.horizon.count, 96);
  EXPECT_TRUE(plan.horizon.cyclic);
  EXPECT_EQ(plan.model, QueueModel::erlang_a);
  EXPECT_EQ(plan.patience_s, 120);
  EXPECT_DOUBLE_EQ(plan.shrinkage, 0.3);
  EXPECT_DOUBLE_EQ(*plan.goal.max_abandon, 0.05);

  ASSERT_EQ(plan.queues.size(), 2u);
  const Queue& en = plan.queues[0];
  EXPECT_EQ(en.name, "english");
  EXPECT_EQ(en.pos.line, 18);
  EXPECT_EQ(en.pos.column, 5);
  EXPECT_EQ(en.aht_s, 300);
  EXPECT_EQ(en.aht_cv, 1.0);
  // Merged goal: the queue's service level and threshold over the plan's asa, occupancy, abandon.
  EXPECT_DOUBLE_EQ(*en.goal.service_level, 0.9);
  EXPECT_EQ(*en.goal.answer_within_s, 15);
  EXPECT_EQ(*en.goal.asa_s, 30);
  EXPECT_DOUBLE_EQ(*en.goal.max_occupancy, 0.85);
  EXPECT_DOUBLE_EQ(*en.goal.max_abandon, 0.05);
  ASSERT_TRUE(en.open);
  EXPECT_EQ(en.open->days[0]->from_minute, 7 * 60);  // the plain form: every day alike
  EXPECT_EQ(en.open->days[6]->to_minute, 23 * 60);
  EXPECT_EQ(en.min_agents, 1);
  ASSERT_EQ(en.calls.size(), 96u);
  EXPECT_EQ(en.calls[27], 0);
  EXPECT_EQ(en.calls[28], 10);
  EXPECT_EQ(en.aht_s_per_interval[50], 300);

  const Queue& es = plan.queues[1];
  EXPECT_EQ(es.aht_s, 360);
  EXPECT_DOUBLE_EQ(*es.goal.service_level, 0.8);  // plan goal unchanged
  EXPECT_EQ(es.calls[32], 120);                   // 08:00 on a 15-minute grid
  EXPECT_EQ(es.aht_s_per_interval[32], 280);
  EXPECT_EQ(es.aht_s_per_interval[33], 360);
  EXPECT_EQ(es.open->days[2]->from_minute, 22 * 60);
  EXPECT_TRUE(es.open->contains(2, 23 * 60));
  EXPECT_TRUE(es.open->contains(3, 5 * 60));  // the night before's hours past midnight
  EXPECT_FALSE(es.open->contains(3, 8 * 60));

  ASSERT_EQ(plan.sites.size(), 2u);
  const Site& ny = plan.sites[0];
  EXPECT_EQ(ny.name, "new-york");
  EXPECT_EQ(ny.hourly_cost, 28);
  EXPECT_EQ(ny.seats, 60);
  EXPECT_DOUBLE_EQ(ny.shrinkage, 0.25);
  EXPECT_THAT(ny.queues, ::testing::ElementsAre(0, 1));  // ascending indices
  ASSERT_EQ(ny.utc_offset_s.size(), 97u);
  const Shift& day = ny.shifts.at(0);
  EXPECT_EQ(day.start_minute, 7 * 60);
  EXPECT_EQ(day.latest_start_minute, 11 * 60);
  EXPECT_EQ(day.start_step_s, 7200);
  EXPECT_EQ(day.length_s, 8 * 3600 + 1800);
  EXPECT_EQ(day.weekdays, (std::array<bool, 7>{true, true, true, true, true, false, false}));
  ASSERT_EQ(day.breaks.size(), 2u);
  EXPECT_EQ(day.breaks[0].length_s, 1800);
  EXPECT_EQ(day.breaks[0].window_from_s, 3 * 3600);
  EXPECT_EQ(day.breaks[0].window_to_s, 5 * 3600);
  EXPECT_FALSE(day.breaks[0].paid);
  EXPECT_TRUE(day.breaks[1].paid);
  EXPECT_EQ(day.hourly_cost, 30);
  EXPECT_EQ(ny.cost_per_hour(day), 30);
  EXPECT_EQ(day.min_agents, 0);
  EXPECT_EQ(day.max_agents, 40);
  // Monday 07:00, 09:00, 11:00 on a 15-minute grid from midnight: intervals 28, 36, 44.
  ASSERT_EQ(day.starts.size(), 3u);
  EXPECT_EQ(day.starts[0].interval, 28);
  EXPECT_EQ(day.starts[1].interval, 36);
  EXPECT_EQ(day.starts[2].interval, 44);
  EXPECT_EQ(day.starts[2].local_date, "2026-11-23");
  EXPECT_EQ(day.starts[2].local_minute, 11 * 60);

  const Site& manila = plan.sites[1];
  EXPECT_DOUBLE_EQ(manila.shrinkage, 0.3);          // the plan's
  EXPECT_THAT(manila.queues, ::testing::ElementsAre(0, 1));  // default: all queues
  EXPECT_FALSE(manila.seats);
  EXPECT_EQ(manila.shifts[0].start_step_s, 900);    // default: the plan interval
  EXPECT_FALSE(manila.shifts[0].hourly_cost);
  EXPECT_EQ(manila.cost_per_hour(manila.shifts[0]), 9);

  // Spanish is open 22:00-06:00 but has calls at 08:00: one warning.
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].to_string(),
            "spec.yaml:26:5: warning: queue 'spanish' has calls in 1 interval outside its opening hours 22:00-06:00 "
            "(first at 2026-11-23T08:00:00-05:00); agents are computed for them anyway");
}

TEST(LoadFields, ErlangCIgnoresTheAbandonGoal) {
  const Plan plan = load::load_plan_text(
      base_plan({{8, "goal: { service_level: 80%, answer_within: 20s, max_abandon: 5% }"}}), "plan.yaml");
  EXPECT_FALSE(plan.queues[0].goal.max_abandon);
}

}  // namespace
}  // namespace staffplan::test
