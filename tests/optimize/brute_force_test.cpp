// The solver against exhaustive enumeration on small instances: every vector of
// agents per column in [0, 4] is tried, its coverage and seats checked by code in
// this test (independent of the library's column expansion), and the cheapest
// feasible cost compared with what solve() returns.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <limits>
#include <vector>

#include "optimize/optimize.hpp"
#include "enumerate.hpp"
#include "plan_builder.hpp"

namespace staffplan::optimize {
namespace {

using testing::PlanBuilder;
constexpr int hour = 3600;

using testing::Candidate;

// The cheapest feasible cost by enumeration (enumerate.hpp).
double brute_force(const std::vector<Candidate>& cand, const std::vector<int>& required,
                   const std::vector<std::optional<int>>& seats, int max_agents) {
  return testing::cheapest_then_fewest(cand, required, seats, max_agents).first;
}

class BruteForce : public ::testing::TestWithParam<int> {};

TEST_P(BruteForce, SolverMatchesEnumeration) {
  // One day of 1 h intervals; site a: cost 10, 3 seats, 10 % shrinkage, 4 h shifts
  // at 08, 10 and 12; site b: cost 13, no seat limit, 25 % shrinkage, 6 h shifts at
  // 09, 12 and 14. Requirement 08:00-20:00 from a fixed pseudo-random pattern.
  const int seed = GetParam();
  PlanBuilder b(1, hour);
  const int q = b.add_queue("english");
  const int a = b.add_site("a", 10, 3, 0.10);
  const int c = b.add_site("b", 13, std::nullopt, 0.25);
  b.add_shift(a, "short", 4 * hour, 8 * 60, 12 * 60, 2 * hour);
  b.add_shift(c, "long", 6 * hour, 9 * 60, 15 * 60, 3 * hour);
  b.add_shift(c, "late", 6 * hour, 14 * 60);
  std::vector<int> required(24, 0);
  for (int i = 8; i < 20; ++i) required[i] = (i * 7 + seed * 5) % 3;  // 0..2
  for (int i = 0; i < 24; ++i) b.required.queues[q].intervals[i].agents = required[i];
  const std::vector<Candidate> cand = {
      {0, 8, 4, 0.90, 40}, {0, 10, 4, 0.90, 40}, {0, 12, 4, 0.90, 40},
      {1, 9, 6, 0.75, 78}, {1, 12, 6, 0.75, 78}, {1, 15, 6, 0.75, 78}, {1, 14, 6, 0.75, 78}};
  const double expected = brute_force(cand, required, {3, std::nullopt}, 4);
  ASSERT_TRUE(std::isfinite(expected));
  const Schedule s = solve(b.plan, b.required, SolveOptions{});
  EXPECT_NEAR(s.cost, expected, 1e-6) << "seed " << seed;
  EXPECT_EQ(s.status, Status::optimal);
}

INSTANTIATE_TEST_SUITE_P(Seeds, BruteForce, ::testing::Values(0, 1, 2, 3));

}  // namespace
}  // namespace staffplan::optimize
