// The progress line's filter (progress_line.hpp): the cheapest plan and the highest
// bound reported so far, the gap worked out by hand from them.
#include <gtest/gtest.h>

#include <vector>

#include "optimize/progress_line.hpp"

namespace staffplan::optimize {
namespace {

TEST(ProgressLine, ShowsTheCheapestPlanAndTheHighestBoundSoFar) {
  std::vector<Progress> shown;
  const ProgressCallback report = only_improving([&](const Progress& p) { shown.push_back(p); });
  report(Progress{1.0, std::nullopt, std::nullopt, std::nullopt});  // the first LP: nothing yet
  report(Progress{2.0, 100.0, 90.0, 0.10});
  report(Progress{3.0, std::nullopt, 95.0, std::nullopt});          // a sub-search with no start
  report(Progress{4.0, 98.0, 80.0, 0.18});                          // a CBC run from the LP's bound
  report(Progress{5.0, 99.0, 97.0, 0.02});                          // a dearer plan: not shown
  ASSERT_EQ(shown.size(), 5u);
  EXPECT_FALSE(shown[0].best_cost);
  EXPECT_FALSE(shown[0].lower_bound);
  EXPECT_FALSE(shown[0].gap);
  // (100 - 90) / 100 = 10 %; then the bound 95: 5 %; then the plan 98 with the
  // bound still 95: 3 / 98; then the bound 97 with the plan still 98: 1 / 98.
  const double expected_best[] = {100, 100, 98, 98};
  const double expected_bound[] = {90, 95, 95, 97};
  const double expected_gap[] = {0.10, 0.05, 3.0 / 98, 1.0 / 98};
  for (int k = 0; k < 4; ++k) {
    const Progress& p = shown[k + 1];
    ASSERT_TRUE(p.best_cost && p.lower_bound && p.gap) << k;
    EXPECT_DOUBLE_EQ(*p.best_cost, expected_best[k]) << k;
    EXPECT_DOUBLE_EQ(*p.lower_bound, expected_bound[k]) << k;
    EXPECT_NEAR(*p.gap, expected_gap[k], 1e-12) << k;
    EXPECT_DOUBLE_EQ(p.elapsed_s, k + 2.0);
  }
}

// A bound reported above the plan (a CBC run that proved nothing cheaper than its
// start exists) is shown as the plan's cost: gap 0, never negative.
TEST(ProgressLine, ABoundAboveThePlanShowsAsThePlan) {
  std::vector<Progress> shown;
  const ProgressCallback report = only_improving([&](const Progress& p) { shown.push_back(p); });
  report(Progress{1.0, 100.0, 101.0, std::nullopt});
  ASSERT_EQ(shown.size(), 1u);
  EXPECT_DOUBLE_EQ(*shown[0].lower_bound, 100);
  EXPECT_DOUBLE_EQ(*shown[0].gap, 0);
}

TEST(ProgressLine, NoCallbackStaysNone) { EXPECT_FALSE(only_improving(ProgressCallback{})); }

}  // namespace
}  // namespace staffplan::optimize
