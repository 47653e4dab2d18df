// Skill-based routing (SPEC §7): hand-checked routing rules on scripted calls,
// the pooling gain against queueing theory, and determinism.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <vector>

#include "erlang_reference.hpp"
#include "plan_fixture.hpp"
#include "simulate/simulate.hpp"
#include "simulate/skill_simulation.hpp"

namespace staffplan::testing {
namespace {

using simulate::CallTrace;
using simulate::ScriptedArrival;
using simulate::SkillCounts;
using simulate::SkillInput;

// Two queues (0 = A, 1 = B), every call exactly `aht_s` long (CV 0), no hang-ups.
SkillInput two_queues(int intervals, double interval_s, double aht_s) {
  SkillInput input;
  input.interval_s = interval_s;
  for (int q = 0; q < 2; ++q) {
    simulate::QueueInput queue;
    queue.interval_s = interval_s;
    queue.calls.assign(static_cast<std::size_t>(intervals), 0);  // arrivals are scripted
    queue.aht_s.assign(static_cast<std::size_t>(intervals), aht_s);
    queue.answer_within_s = 20;
    queue.aht_cv = 0.0;
    input.queues.push_back(queue);
  }
  return input;
}

void expect_trace(const std::vector<CallTrace>& got, const std::vector<CallTrace>& want) {
  ASSERT_EQ(got.size(), want.size());
  for (std::size_t k = 0; k < want.size(); ++k) {
    EXPECT_EQ(got[k].queue, want[k].queue) << "call " << k;
    EXPECT_EQ(got[k].arrival_s, want[k].arrival_s) << "call " << k;
    EXPECT_EQ(got[k].start_s, want[k].start_s) << "call " << k;
    EXPECT_EQ(got[k].pool, want[k].pool) << "call " << k;
  }
}

TEST(SkillRouting, FewestSkillsFirstAndLongestWaitingCall) {
  // Pool 0: one bilingual agent (A and B); pool 1: one A-only agent. Calls of 100 s.
  //   t=0   A: both idle; the A-only agent (fewest skills) takes it, busy to 100.
  //   t=10  B: only the bilingual agent answers B; busy to 110.
  //   t=20  A, t=30 B, t=40 A: everyone busy, they wait.
  //   t=100 the A-only agent is free: A's first caller (20) -> busy to 200.
  //   t=110 the bilingual agent is free: A's first caller arrived at 40, B's at 30:
  //         B's has waited longest -> busy to 210.
  //   t=200 the A-only agent takes the A caller of 40.
  SkillInput input = two_queues(1, 3600, 100);
  input.pools = {{.queues = {0, 1}, .agents = {1}}, {.queues = {0}, .agents = {1}}};
  const std::vector<ScriptedArrival> script{{0, 0}, {10, 1}, {20, 0}, {30, 1}, {40, 0}};
  simulate::Xoshiro256 rng(1, 0);
  SkillCounts counts;
  std::vector<CallTrace> trace;
  simulate::simulate_skills(input, rng, counts, {}, &script, &trace);
  expect_trace(trace, {{0, 0, 0, 1}, {1, 10, 10, 0}, {0, 20, 100, 1}, {1, 30, 110, 0}, {0, 40, 200, 1}});

  // A: waits 0, 80, 160 -> one of three within 20 s; B: waits 0, 80.
  const auto& a = counts.queues[0][0];
  const auto& b = counts.queues[1][0];
  EXPECT_EQ(a.offered, 3);
  EXPECT_EQ(a.answered, 3);
  EXPECT_EQ(a.answered_within, 1);
  EXPECT_EQ(a.waited, 2);
  EXPECT_DOUBLE_EQ(a.answered_wait_s, 240);
  EXPECT_DOUBLE_EQ(a.max_wait_s, 160);
  EXPECT_EQ(b.answered_within, 1);
  EXPECT_DOUBLE_EQ(b.answered_wait_s, 80);
  // Occupancy: the bilingual agent worked 200 s, the A-only one 300 s, of 3600 s.
  EXPECT_DOUBLE_EQ(counts.pools[0].busy_s, 200);
  EXPECT_DOUBLE_EQ(counts.pools[1].busy_s, 300);
  EXPECT_DOUBLE_EQ(counts.pools[0].agent_s, 3600);
  EXPECT_EQ(counts.pools[0].answered, 2);
  EXPECT_EQ(counts.pools[1].answered, 3);
}

TEST(SkillRouting, JoiningAgentTakesTheLongestWaitingCall) {
  // Nobody in the first 100 s, one bilingual agent from 100 s on; calls of 30 s.
  // B arrives at 5, A at 10: at 100 the agent takes B (waited longer), then A at 130.
  SkillInput input = two_queues(2, 100, 30);
  input.pools = {{.queues = {0, 1}, .agents = {0, 1}}};
  const std::vector<ScriptedArrival> script{{5, 1}, {10, 0}};
  simulate::Xoshiro256 rng(1, 0);
  SkillCounts counts;
  std::vector<CallTrace> trace;
  simulate::simulate_skills(input, rng, counts, {}, &script, &trace);
  expect_trace(trace, {{1, 5, 100, 0}, {0, 10, 130, 0}});
  EXPECT_DOUBLE_EQ(counts.pools[0].agent_s, 100);
  EXPECT_DOUBLE_EQ(counts.pools[0].busy_s, 60);
}

TEST(SkillRouting, ABusyAgentWhoLeavesFinishesTheCallFirst) {
  // Two A agents until 100 s, one after. Calls of 150 s at 0 and 50 (ends 150 and
  // 200): at 100 both are busy, so one of them, at random, leaves after the call.
  // The A call of 120 waits for the one who stays: it starts at 150 or at 200.
  SkillInput input = two_queues(2, 100, 150);
  input.pools = {{.queues = {0}, .agents = {2, 1}}};
  const std::vector<ScriptedArrival> script{{0, 0}, {50, 0}, {120, 0}};
  for (std::uint64_t seed = 1; seed <= 8; ++seed) {
    simulate::Xoshiro256 rng(seed, 0);
    SkillCounts counts;
    std::vector<CallTrace> trace;
    simulate::simulate_skills(input, rng, counts, {}, &script, &trace);
    ASSERT_EQ(trace.size(), 3u);
    EXPECT_TRUE(trace[2].start_s == 150 || trace[2].start_s == 200) << trace[2].start_s;
    // Agent time on the plan: 2 × 100 + 1 × 100 s. Busy: 100 + 50 before the cut,
    // then only the staying agent's remaining call and the third call up to 200.
    EXPECT_DOUBLE_EQ(counts.pools[0].agent_s, 300);
    EXPECT_LE(counts.pools[0].busy_s, counts.pools[0].agent_s);
  }
}

TEST(SkillRouting, CallsNobodyAnswersAreCountedAsInTheOneQueueEngine) {
  // Queue B has no agent at all (erlang_c): its call is offered, waits to the
  // horizon end (200 s) and is never answered.
  SkillInput input = two_queues(2, 100, 10);
  input.pools = {{.queues = {0}, .agents = {1, 1}}};
  const std::vector<ScriptedArrival> script{{40, 1}};
  simulate::Xoshiro256 rng(1, 0);
  SkillCounts counts;
  simulate::simulate_skills(input, rng, counts, {}, &script);
  const auto& b = counts.queues[1][0];
  EXPECT_EQ(b.offered, 1);
  EXPECT_EQ(b.answered, 0);
  EXPECT_EQ(b.waited, 1);
  EXPECT_EQ(b.abandoned, 0);
  EXPECT_DOUBLE_EQ(b.max_wait_s, 160);
}

// A plan with one site whose only group answers both queues, and the staffing
// that allocates `a[i]` agents to A and `b[i]` to B: the group has a + b.
struct Bilingual {
  Plan plan;
  Staffing staffing;
};
Bilingual bilingual(const std::vector<QueueSpec>& specs, int interval_s, QueueModel model = QueueModel::erlang_c,
                    std::optional<double> patience = std::nullopt) {
  Bilingual out{make_plan(specs, interval_s, model, patience), make_staffing(specs)};
  Site site;
  site.name = "mexico-city";
  site.queues = {0, 1};
  site.groups.push_back(AgentGroup{"bilingual", {}, {0, 1}, {}, {}});
  out.plan.sites.push_back(site);
  GroupStaffing group{0, 0, {0, 1}, {}};
  for (std::size_t i = 0; i < specs[0].agents.size(); ++i)
    group.productive.push_back(specs[0].agents[i] + specs[1].agents[i]);
  out.staffing.groups.push_back(group);
  return out;
}

constexpr double kLevel = 0.999;  // as tests/simulate/validation_test.cpp

// The fluid allocation gives A and B their own agents; with skill routing they
// form one pool of a + b agents serving both queues first come, first served (the
// longest-waiting call among A and B). With equal handling times and thresholds
// that is one M/M/(a+b) queue: each queue's service level is the pooled one, at or
// above what Erlang C predicts for each queue at its own allocation.
struct PoolCase {
  double erlangs_a, erlangs_b;
  int agents_a, agents_b;
};
class BilingualPool : public ::testing::TestWithParam<PoolCase> {};

TEST_P(BilingualPool, ServiceIsAtLeastThePerQueuePredictionAndMatchesThePooledQueue) {
  const auto [ea, eb, na, nb] = GetParam();
  const double aht = 60, within = 20;
  const std::vector<QueueSpec> specs{
      {.name = "english", .calls = std::vector<double>(4, ea * 3600 / aht), .aht_s = aht,
       .agents = std::vector<int>(4, na), .answer_within_s = within},
      {.name = "spanish", .calls = std::vector<double>(4, eb * 3600 / aht), .aht_s = aht,
       .agents = std::vector<int>(4, nb), .answer_within_s = within}};
  const Bilingual b = bilingual(specs, 3600);
  const auto result = simulate::run(b.plan, b.staffing,
                                    {.replications = 200, .seed = 1, .threads = 2, .confidence = kLevel});
  ASSERT_TRUE(result.skill_routing);
  for (int q = 0; q < 2; ++q) {
    const int agents = q == 0 ? na : nb;
    const double erlangs = q == 0 ? ea : eb;
    // The per-queue Erlang prediction at the allocated agents, from the reference.
    const double predicted = reference_erlang_c(agents, erlangs, aht, within).service_level;
    EXPECT_NEAR(result.queues[q].predicted.service_level, predicted, 1e-9);
    const auto& sl = result.queues[q].simulated.service_level;
    EXPECT_GE(sl.lo, predicted) << "queue " << q << " mean " << sl.mean;
    // The last hour (after 3 hours of warm-up) is the pooled M/M/(a+b) queue.
    const double pooled = reference_erlang_c(na + nb, ea + eb, aht, within).service_level;
    const auto& last = result.intervals.at(static_cast<std::size_t>(q * 4 + 3)).simulated.service_level;
    EXPECT_LE(last.lo, pooled) << "queue " << q;
    EXPECT_GE(last.hi, pooled) << "queue " << q;
    EXPECT_LE((last.hi - last.lo) / 2, 0.05);
  }
  ASSERT_EQ(result.groups.size(), 1u);
  // Occupancy of the pool: offered load / agents (no call is lost under erlang_c).
  const auto& occupancy = result.groups[0].occupancy;
  const double load = (ea + eb) / (na + nb);
  EXPECT_NEAR(occupancy.mean, load, 0.02);
  EXPECT_DOUBLE_EQ(result.groups[0].agent_hours, 4.0 * (na + nb));
}

INSTANTIATE_TEST_SUITE_P(Splits, BilingualPool,
                         ::testing::Values(PoolCase{8, 8, 10, 10}, PoolCase{12, 4, 15, 6}));

TEST(BilingualPoolErlangA, AbandonmentIsAtMostThePerQueuePrediction) {
  const double aht = 60, patience = 60;
  const std::vector<QueueSpec> specs{
      {.name = "english", .calls = std::vector<double>(4, 10.0 * 3600 / aht), .aht_s = aht,
       .agents = std::vector<int>(4, 10)},
      {.name = "spanish", .calls = std::vector<double>(4, 4.0 * 3600 / aht), .aht_s = aht,
       .agents = std::vector<int>(4, 4)}};
  const Bilingual b = bilingual(specs, 3600, QueueModel::erlang_a, patience);
  const auto result = simulate::run(b.plan, b.staffing,
                                    {.replications = 200, .seed = 1, .threads = 2, .confidence = kLevel});
  ASSERT_TRUE(result.skill_routing);
  // Pooled M/M/14+M at 14 erlangs: P(abandon) from the birth-death chain.
  const double pooled = reference_erlang_a(14, 14.0 / aht, aht, patience).p_abandon;
  for (int q = 0; q < 2; ++q) {
    const int agents = q == 0 ? 10 : 4;
    const double erlangs = q == 0 ? 10 : 4;
    const double predicted = reference_erlang_a(agents, erlangs / aht, aht, patience).p_abandon;
    EXPECT_LE(result.queues[q].simulated.p_abandon.hi, predicted) << "queue " << q;
    const auto& last = result.intervals.at(static_cast<std::size_t>(q * 4 + 3)).simulated.p_abandon;
    EXPECT_LE(last.lo, pooled) << "queue " << q;
    EXPECT_GE(last.hi, pooled) << "queue " << q;
  }
}

bool same(double x, double y) { return std::memcmp(&x, &y, sizeof x) == 0; }

TEST(SkillRouting, SameSeedSameResultForAnyThreadCount) {
  const std::vector<QueueSpec> specs{
      {.name = "english", .calls = {40, 90, 10}, .aht_s = 120, .agents = {3, 5, 1}},
      {.name = "spanish", .calls = {5, 0, 70}, .aht_s = 300, .agents = {1, 2, 9}, .aht_cv = 0.7}};
  const Bilingual b = bilingual(specs, 1800, QueueModel::erlang_a, 90.0);
  const auto one = simulate::run(b.plan, b.staffing, {.replications = 70, .seed = 42, .threads = 1});
  ASSERT_TRUE(one.skill_routing);
  for (int threads : {2, 5}) {
    const auto many = simulate::run(b.plan, b.staffing, {.replications = 70, .seed = 42, .threads = threads});
    ASSERT_EQ(one.intervals.size(), many.intervals.size());
    for (std::size_t k = 0; k < one.intervals.size(); ++k) {
      const auto& x = one.intervals[k].simulated;
      const auto& y = many.intervals[k].simulated;
      EXPECT_TRUE(same(x.calls, y.calls) && same(x.service_level.mean, y.service_level.mean) &&
                  same(x.service_level.lo, y.service_level.lo) && same(x.asa_s.mean, y.asa_s.mean) &&
                  same(x.p_abandon.hi, y.p_abandon.hi) && same(x.max_wait_s.mean, y.max_wait_s.mean));
    }
    EXPECT_TRUE(same(one.groups[0].occupancy.mean, many.groups[0].occupancy.mean));
    EXPECT_TRUE(same(one.groups[0].occupancy.lo, many.groups[0].occupancy.lo));
  }
  const auto other = simulate::run(b.plan, b.staffing, {.replications = 70, .seed = 43});
  EXPECT_NE(one.overall.simulated.calls, other.overall.simulated.calls);
}

TEST(SkillRouting, GroupsThatAnswerOneQueueKeepTheOneQueueEngine) {
  // Declared groups answering one queue each: no routing, the same numbers as a
  // staffing without groups (the per-queue engine and streams).
  const std::vector<QueueSpec> specs{{.name = "english", .calls = {50, 60}, .agents = {6, 7}},
                                     {.name = "spanish", .calls = {20, 10}, .agents = {3, 2}}};
  Plan plan = make_plan(specs, 1800);
  Site site;
  site.name = "new-york";
  site.queues = {0, 1};
  plan.sites.push_back(site);  // default groups: one per queue
  Staffing with_groups = make_staffing(specs);
  with_groups.groups = {GroupStaffing{0, 0, {0}, {6.5, 7.2}}, GroupStaffing{0, 1, {1}, {3.1, 2.9}}};
  const auto grouped = simulate::run(plan, with_groups, {.replications = 5, .seed = 7});
  const auto plain = simulate::run(plan, make_staffing(specs), {.replications = 5, .seed = 7});
  EXPECT_FALSE(grouped.skill_routing);
  EXPECT_TRUE(grouped.groups.empty());
  EXPECT_TRUE(same(grouped.overall.simulated.service_level.mean, plain.overall.simulated.service_level.mean));
  EXPECT_TRUE(same(grouped.overall.simulated.calls, plain.overall.simulated.calls));
}

TEST(SkillRouting, RejectsAGroupTheStaffingMakesUp) {
  const std::vector<QueueSpec> specs{{.name = "english", .calls = {5}, .agents = {1}},
                                     {.name = "spanish", .calls = {5}, .agents = {1}}};
  Bilingual b = bilingual(specs, 1800);
  b.staffing.groups[0].group = 3;
  EXPECT_THROW(simulate::run(b.plan, b.staffing, {.replications = 2}), std::invalid_argument);
  b.staffing.groups[0].group = 0;
  b.staffing.groups[0].productive = {-1};
  EXPECT_THROW(simulate::run(b.plan, b.staffing, {.replications = 2}), std::invalid_argument);
}

}  // namespace
}  // namespace staffplan::testing
