// Occupancy cap at an exact tie (issue 9): 306 calls × 180 s / 30 min = 30.6 Erlangs
// and 36 agents give exactly 85 %, but 30.6 / 36 computes as 0.8500000000000001.
// Every load of a documented grid where A / cap is a whole number is checked against
// exact integer arithmetic written here: with only an occupancy goal, Erlang C needs
// N = A / cap = calls·aht·100 / (interval·cap%) agents (it is > A, so the queue is
// stable), and N − 1 agents exceed the cap.
#include <gtest/gtest.h>

#include "queueing/queueing.hpp"

namespace q = staffplan::queueing;

namespace {

q::Goals occupancy_goal(int cap_percent) {
  q::Goals g;
  g.max_occupancy = cap_percent / 100.0;
  return g;
}

}  // namespace

TEST(OccupancyTie, IssueExampleNeeds36Agents) {
  q::Goals g = occupancy_goal(85);
  g.asa_s = 3600;
  EXPECT_EQ(q::required_agents({306, 180, 1800}, g).agents, 36);
}

// Grid: calls 1..1000, aht 180/240/300 s, interval 15/30/60 min, cap 80/85/90 %:
// 81 000 loads, of which 1931 are exact ties (A / cap whole, counted here in integers).
TEST(OccupancyTie, EveryWholeNumberTieOfTheGrid) {
  int ties = 0, wrong = 0;
  for (long long calls = 1; calls <= 1000; ++calls)
    for (long long aht : {180, 240, 300})
      for (long long interval : {900, 1800, 3600})
        for (int cap : {80, 85, 90}) {
          const long long num = calls * aht * 100, den = interval * cap;
          if (num % den != 0) continue;
          ++ties;
          const long long expected = num / den;
          const q::Metrics m = q::required_agents(
              {static_cast<double>(calls), static_cast<double>(aht), static_cast<double>(interval)},
              occupancy_goal(cap));
          if (m.agents != expected && ++wrong <= 10)
            ADD_FAILURE() << calls << " calls, aht " << aht << " s, interval " << interval << " s, cap " << cap
                          << " %: " << m.agents << " agents, exact " << expected;
        }
  EXPECT_EQ(ties, 1931);
  EXPECT_EQ(wrong, 0);
}
