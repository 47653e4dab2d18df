// Published Erlang B/C/A cases: the table of issue 2, whose values come from
// published calculators and Erlang tables (and agree with our independent mpmath
// reference, scripts/reference/erlang_reference.py). They are printed to 6-7
// significant digits, so we compare to half a unit in the last printed digit.
#include <gtest/gtest.h>

#include "goals.hpp"
#include "queueing/queueing.hpp"

namespace q = staffplan::queueing;

using staffplan::testing::sl_goal;

// The classic worked example of online Erlang C calculators: 100 calls in 30 min, AHT 180 s (A = 10 Erlangs),
// 80 % in 20 s, max occupancy 85 %, shrinkage 30 % -> 14 agents, 20 scheduled,
// SL 88.835 %, P(wait) 17.4132 %.
TEST(PublishedCases, ErlangCWorkedExample) {
  q::Goals goals = sl_goal(0.8, 20);
  goals.max_occupancy = 0.85;
  const q::Metrics m = q::required_agents({100, 180, 1800}, goals);
  EXPECT_EQ(m.agents, 14);
  EXPECT_EQ(q::scheduled_agents(m.agents, 0.3), 20);
  EXPECT_NEAR(m.service_level, 0.888350, 5e-7);
  EXPECT_NEAR(m.p_wait, 0.174132, 5e-7);
  EXPECT_NEAR(m.occupancy, 10.0 / 14.0, 1e-15);  // A / N by definition
  EXPECT_TRUE(m.stable);
}

// Erlang C table value: C(12, 10) = 0.4493882.
TEST(PublishedCases, ErlangCTwelveAgentsTenErlangs) {
  EXPECT_NEAR(q::erlang_c(12, 10), 0.4493882, 5e-8);
}

// 57 calls/h, AHT 1110 s (A = 17.575), 21 agents: SL(180 s) = 0.80656.
TEST(PublishedCases, ErlangCLongCalls) {
  const q::Metrics m = q::evaluate({57, 1110, 3600}, 21, 180);
  EXPECT_NEAR(m.service_level, 0.80656, 5e-6);
  // Same load, 80 % in 20 s needs 23 agents (22 gives SL < 0.8).
  EXPECT_EQ(q::required_agents({57, 1110, 3600}, sl_goal(0.8, 20)).agents, 23);
}

// Erlang B table value: B(30, 25) = 0.0526032.
TEST(PublishedCases, ErlangBThirtyLines) {
  EXPECT_NEAR(q::erlang_b(30, 25), 0.0526032, 5e-8);
}

// Erlang A, 100 calls / 30 min, AHT 180 s, patience 300 s, 14 agents, t = 20 s:
// P(wait) 0.145260, P(abandon) 0.013984, SL 0.916792.
TEST(PublishedCases, ErlangAFourteenAgents) {
  const q::Load load{100, 180, 1800, q::Model::erlang_a, 300};
  const q::Metrics m = q::evaluate(load, 14, 20);
  EXPECT_NEAR(m.p_wait, 0.145260, 5e-7);
  EXPECT_NEAR(m.p_abandon, 0.013984, 5e-7);
  EXPECT_NEAR(m.service_level, 0.916792, 5e-7);
}

// Erlang A, 400 calls / 30 min, AHT 240 s (53.3 Erlangs), patience 60 s, 80/20 needs
// 51 agents: fewer than the offered load, because impatient callers leave.
TEST(PublishedCases, ErlangAStaffsBelowTheLoad) {
  const q::Load load{400, 240, 1800, q::Model::erlang_a, 60};
  const q::Metrics m = q::required_agents(load, sl_goal(0.8, 20));
  EXPECT_EQ(m.agents, 51);
  EXPECT_GE(m.service_level, 0.8);
  EXPECT_LT(q::evaluate(load, 50, 20).service_level, 0.8);
}
