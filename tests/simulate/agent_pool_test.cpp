// Staffing changes at interval boundaries, checked by hand.
#include <gtest/gtest.h>

#include <limits>
#include <vector>

#include "simulate/agent_pool.hpp"

namespace staffplan::simulate {
namespace {

// The pool's free times in ascending order: read the minimum, then make that agent
// busy forever, once per agent.
std::vector<double> free_times(AgentPool pool) {
  std::vector<double> out;
  for (std::size_t k = pool.size(); k > 0; --k) {
    out.push_back(pool.earliest_free());
    pool.assign_earliest(std::numeric_limits<double>::infinity());
  }
  return out;
}

TEST(AgentPool, JoiningAgentsAreFreeAtTheBoundary) {
  Xoshiro256 rng(1, 0);
  AgentPool pool;
  pool.change_staffing(2, 0, rng);
  EXPECT_EQ(free_times(pool), (std::vector<double>{0, 0}));
  pool.assign_earliest(50);  // one agent busy until 50
  pool.change_staffing(3, 30, rng);
  EXPECT_EQ(free_times(pool), (std::vector<double>{0, 30, 50}));
}

TEST(AgentPool, IdleAgentsLeaveFirst) {
  Xoshiro256 rng(1, 0);
  AgentPool pool;
  pool.change_staffing(3, 0, rng);
  pool.assign_earliest(100);
  pool.assign_earliest(200);  // busy until 100 and 200, one idle since 0
  pool.change_staffing(2, 60, rng);
  EXPECT_EQ(free_times(pool), (std::vector<double>{100, 200}));
}

TEST(AgentPool, BusyAgentsFinishTheCallInHandBeforeLeaving) {
  // Three busy agents, staffing drops to one at t = 10: two of them leave when
  // their call ends; the one that stays is a random one of the three.
  std::vector<int> stayed(3, 0);
  for (std::uint64_t stream = 0; stream < 300; ++stream) {
    Xoshiro256 rng(1, stream);
    AgentPool pool;
    pool.change_staffing(3, 0, rng);
    pool.assign_earliest(20);
    pool.assign_earliest(30);
    pool.assign_earliest(40);
    pool.change_staffing(1, 10, rng);
    ASSERT_EQ(pool.size(), 1u);
    const double t = pool.earliest_free();
    ASSERT_TRUE(t == 20 || t == 30 || t == 40) << t;  // still finishing its call
    ++stayed[static_cast<int>(t / 10) - 2];
  }
  // Each is kept about 100 times in 300; 60 is > 5 binomial standard deviations off.
  for (int count : stayed) EXPECT_GT(count, 60);
}

TEST(AgentPool, DropToZero) {
  Xoshiro256 rng(1, 0);
  AgentPool pool;
  pool.change_staffing(2, 0, rng);
  pool.assign_earliest(100);
  pool.change_staffing(0, 50, rng);
  EXPECT_TRUE(pool.empty());
}

}  // namespace
}  // namespace staffplan::simulate
