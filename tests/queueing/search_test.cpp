// Staffing search edge cases: lower bound, zero calls, unreachable goals, bad input,
// and shrinkage rounding. Expected values are hand calculations or mpmath (30 digits)
// computations written out at each test.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "goals.hpp"
#include "queueing/queueing.hpp"

namespace q = staffplan::queueing;

using staffplan::testing::sl_goal;

// A = 10.6 Erlangs (106 calls / 30 min, AHT 180 s), 50 % within 300 s.
// mpmath (30 digits, Erlang B recursion): C(11, 10.6) = 0.8650334934537894991,
// SL(11) = 1 - C e^{-0.4*300/180} = 0.5558769959242568. So 11 agents suffice; a search
// starting at round(A + 1) = 12 would skip it.
TEST(Search, StartsAtTheTrueLowerBound) {
  const q::Metrics m = q::required_agents({106, 180, 1800}, sl_goal(0.5, 300));
  EXPECT_EQ(m.agents, 11);
  EXPECT_NEAR(m.p_wait, 0.8650334934537894991, 1e-12);
  EXPECT_NEAR(m.service_level, 0.5558769959242568408, 1e-12);
}

TEST(Search, ZeroCallsNeedNoAgents) {
  for (const q::Model model : {q::Model::erlang_c, q::Model::erlang_a}) {
    const q::Metrics m = q::required_agents({0, 180, 1800, model, 60}, sl_goal(0.8, 20));
    EXPECT_EQ(m.agents, 0);
    EXPECT_EQ(m.service_level, 1);
    EXPECT_EQ(m.p_wait, 0);
    EXPECT_EQ(m.asa_s, 0);
  }
}

TEST(Search, UnreachableGoalsAreErrorsNotLoops) {
  const q::Load c{100, 180, 1800};
  const q::Load a{100, 180, 1800, q::Model::erlang_a, 60};
  EXPECT_THROW(q::required_agents(c, sl_goal(1.0, 20)), q::UnreachableGoal);
  EXPECT_THROW(q::required_agents(a, sl_goal(1.0, 3600)), q::UnreachableGoal);
  q::Goals occupancy;
  occupancy.max_occupancy = 0;
  EXPECT_THROW(q::required_agents(c, occupancy), q::UnreachableGoal);
  q::Goals abandon;
  abandon.max_abandon = 0;
  EXPECT_THROW(q::required_agents(a, abandon), q::UnreachableGoal);
  q::Goals asa;
  asa.asa_s = 0;
  EXPECT_THROW(q::required_agents(c, asa), q::UnreachableGoal);
  try {
    q::required_agents(c, sl_goal(1.0, 20));
  } catch (const q::UnreachableGoal& e) {
    EXPECT_STREQ(e.what(), "a service level of 100% cannot be met with any number of agents");
  }
}

TEST(Search, OccupancyCapAloneGivesCeilOfLoadOverCap) {
  // A = 10, cap 85 %: smallest N with 10/N <= 0.85 is 12 (10/11 = 0.909, 10/12 = 0.833).
  q::Goals goals;
  goals.max_occupancy = 0.85;
  EXPECT_EQ(q::required_agents({100, 180, 1800}, goals).agents, 12);
  // A = 17, cap exactly 17/20 = 0.85: 20 agents hit the cap exactly and meet it.
  EXPECT_EQ(q::required_agents({170, 180, 1800}, goals).agents, 20);
}

TEST(Shrinkage, CeilGuardedAgainstRoundingNoise) {
  EXPECT_EQ(q::scheduled_agents(14, 0.3), 20);  // 14 / 0.7 = 20.000000000000004 in binary
  EXPECT_EQ(q::scheduled_agents(15, 0.3), 22);  // 21.43 -> 22
  EXPECT_EQ(q::scheduled_agents(0, 0.5), 0);
  EXPECT_EQ(q::scheduled_agents(7, 0), 7);
  EXPECT_EQ(q::scheduled_agents(100000, 0.25), 133334);  // 133333.33 -> 133334
  EXPECT_THROW(q::scheduled_agents(10, 1.0), q::InvalidParameter);
  EXPECT_THROW(q::scheduled_agents(10, -0.1), q::InvalidParameter);
}

TEST(BadInput, InvalidParametersNameTheParameterAndValue) {
  const auto message = [](const q::Load& load) {
    try {
      q::evaluate(load, 10, 20);
    } catch (const q::InvalidParameter& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  EXPECT_EQ(message({-1, 180, 1800}), "calls must be a finite number >= 0, got -1");
  EXPECT_EQ(message({nan, 180, 1800}), "calls must be a finite number >= 0, got nan");
  EXPECT_EQ(message({100, 0, 1800}), "aht must be a finite number > 0, got 0");
  EXPECT_EQ(message({100, 180, inf}), "interval must be a finite number > 0, got inf");
  EXPECT_EQ(message({100, 180, 1800, q::Model::erlang_a, 0}), "patience must be a finite number > 0, got 0");
  EXPECT_THROW(q::evaluate({100, 180, 1800}, -1, 20), q::InvalidParameter);
  EXPECT_THROW(q::evaluate({100, 180, 1800}, 10, -1), q::InvalidParameter);
  EXPECT_THROW(q::required_agents({100, 180, 1800}, sl_goal(1.5, 20)), q::InvalidParameter);
  EXPECT_THROW(q::erlang_b(-1, 1), q::InvalidParameter);
  EXPECT_THROW(q::erlang_c(1, nan), q::InvalidParameter);
}

TEST(Unstable, ErlangCAtOrBelowTheLoadIsUnstableNeverNaN) {
  for (const int n : {0, 5, 10}) {
    const q::Metrics m = q::evaluate({100, 180, 1800}, n, 20);  // A = 10
    EXPECT_FALSE(m.stable);
    EXPECT_EQ(m.p_wait, 1);
    EXPECT_EQ(m.service_level, 0);
    EXPECT_TRUE(std::isinf(m.asa_s) && m.asa_s > 0);
    EXPECT_EQ(m.occupancy, 1);
  }
}

TEST(ErlangA, NoAgentsMeansEveryCallerAbandons) {
  const q::Metrics m = q::evaluate({100, 180, 1800, q::Model::erlang_a, 60}, 0, 20);
  EXPECT_EQ(m.p_wait, 1);
  EXPECT_EQ(m.p_abandon, 1);
  EXPECT_EQ(m.service_level, 0);
  EXPECT_EQ(m.occupancy, 0);
}

TEST(Search, AbsurdLoadsAreUnreachableNotUndefined) {
  // 1e12 Erlangs: beyond any staffing the search considers (2^30 agents).
  EXPECT_THROW(q::required_agents({1e12, 1800, 1800}, sl_goal(0.8, 20)), q::UnreachableGoal);
  EXPECT_THROW(q::required_agents({1e12, 1800, 1800, q::Model::erlang_a, 60}, sl_goal(0.8, 20)), q::UnreachableGoal);
}

TEST(Search, MillionsOfAgentsStillWork) {
  // 10 million calls / 30 min at AHT 600 s = 3 333 333.3 Erlangs: the Erlang C answer lies
  // above floor(A) + 1 = 3 333 334 and within a few square roots of A (sqrt(A) = 1826).
  const q::Metrics m = q::required_agents({1e7, 600, 1800}, sl_goal(0.8, 20));
  EXPECT_GT(m.agents, 3333334);
  EXPECT_LT(m.agents, 3333334 + 4 * 1826);
  EXPECT_GE(m.service_level, 0.8);
  EXPECT_LT(q::evaluate({1e7, 600, 1800}, m.agents - 1, 20).service_level, 0.8);
}
