// Every infeasibility message, checked word for word.
#include <gtest/gtest.h>

#include "model/errors.hpp"
#include "optimize/optimize.hpp"
#include "plan_builder.hpp"

namespace staffplan::optimize {
namespace {

using testing::PlanBuilder;
constexpr int hour = 3600;

std::string failure(const PlanBuilder& b) {
  try {
    solve(b.plan, b.required, SolveOptions{});
  } catch (const NoResultError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(Infeasible, NoShiftCoversTheInterval) {
  // Plan clock UTC-5; the 20:00 + 8 h shift ends at midnight in a non-cyclic day.
  PlanBuilder b(1, hour);
  const int q = b.add_queue("english");
  const int s = b.add_site("a", 10, std::nullopt);
  b.add_shift(s, "late", 8 * hour, 20 * 60);
  b.require(q, 3, 4, 1);
  EXPECT_EQ(failure(b),
            "cannot cover the requirement (1 interval; see --allow-shortfall):\n"
            "  queue english, interval 2026-11-23T03:00:00-05:00: no shift of a site serving "
            "english covers it");
}

TEST(Infeasible, QueueNotServedBySiteIsUncovered) {
  PlanBuilder b(1, hour);
  b.add_queue("english");
  const int es = b.add_queue("spanish");
  const int s = b.add_site("a", 10, std::nullopt, 0, -5 * hour, {0});
  b.add_shift(s, "day", 8 * hour, 8 * 60);
  b.require(es, 9, 10, 2);
  EXPECT_EQ(failure(b),
            "cannot cover the requirement (1 interval; see --allow-shortfall):\n"
            "  queue spanish, interval 2026-11-23T09:00:00-05:00: no shift of a site serving "
            "spanish covers it");
}

TEST(Infeasible, SeatsExhausted) {
  // Sites a and b: 30 seats each at 30 % shrinkage: at most 0.7 × 60 = 42 productive.
  PlanBuilder b(1, hour);
  const int q = b.add_queue("english");
  const int a = b.add_site("a", 10, 30, 0.3);
  const int c = b.add_site("b", 12, 30, 0.3);
  b.add_shift(a, "day", 8 * hour, 0);
  b.add_shift(c, "day", 8 * hour, 0);
  b.require(q, 3, 4, 57);
  EXPECT_EQ(failure(b),
            "cannot cover the requirement (1 interval; see --allow-shortfall):\n"
            "  queue english, interval 2026-11-23T03:00:00-05:00: seats exhausted: at most 42.0 "
            "productive agents (sites a, b), 57 required");
}

TEST(Infeasible, LongListsAreCappedAtTwentyLines) {
  // 30 min grid, nothing covers the first 12 h: 24 intervals, 20 listed + 4 more.
  PlanBuilder b(1, 1800);
  const int q = b.add_queue("english");
  const int s = b.add_site("a", 10, std::nullopt);
  b.add_shift(s, "day", 8 * hour, 12 * 60);
  b.require(q, 0, 24, 1);
  const std::string text = failure(b);
  EXPECT_EQ(text.rfind("cannot cover the requirement (24 intervals; see --allow-shortfall):\n", 0), 0u)
      << text;
  EXPECT_NE(text.find("  queue english, interval 2026-11-23T09:30:00-05:00: no shift"), std::string::npos);
  EXPECT_EQ(text.find("2026-11-23T10:00:00"), std::string::npos);
  EXPECT_EQ(text.substr(text.size() - 13), "\n  and 4 more");
}

TEST(Infeasible, LimitsThatCannotBeMetTogetherAreNamed) {
  // Each interval is coverable alone, but max_agents 1 on the only start cannot give 2.
  PlanBuilder b(1, hour);
  const int q = b.add_queue("english");
  const int s = b.add_site("a", 10, std::nullopt);
  b.add_shift(s, "day", 8 * hour, 8 * 60).max_agents = 1;
  b.require(q, 9, 10, 2);
  EXPECT_EQ(failure(b),
            "no plan meets every constraint: the seats, or the shifts' min_agents/max_agents, "
            "leave no way to cover the requirement (every interval is coverable on its own; "
            "queues sharing a site compete for its seats); try --allow-shortfall");
}

}  // namespace
}  // namespace staffplan::optimize
