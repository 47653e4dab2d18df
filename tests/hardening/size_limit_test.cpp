// The up-front size limit of `plan` (issue 6): columns are counted without building
// them, and a plan over the limit is refused with its size, the limit and the shift
// to cut. Expected counts are worked out by hand in the comments.
#include <gtest/gtest.h>

#include <string>

#include "model/errors.hpp"
#include "optimize/columns.hpp"
#include "optimize/size_limit.hpp"

using namespace staffplan;

namespace {

Shift eight_hour_shift() {
  Shift shift;
  shift.name = "day";
  shift.length_s = 8 * 3600;
  return shift;
}

TEST(SizeLimit, BreakPlacementsCountedByHand) {
  Shift shift = eight_hour_shift();
  EXPECT_EQ(optimize::count_break_placements(shift, 3600), 1);  // no breaks: one empty placement
  // 15 min in [1h, 2h] and 15 min in [3h, 4h] on the hour grid: 2 x 2 = 4, never overlapping.
  shift.breaks = {Break{900, 3600, 7200, true}, Break{900, 3 * 3600, 4 * 3600, true}};
  EXPECT_EQ(optimize::count_break_placements(shift, 3600), 4);
  EXPECT_EQ(optimize::break_placements(shift, 3600).size(), 4u);
  // 1 h in [1h, 2h] then 1 h in [2h, 3h]: (1h, 2h), (1h, 3h), (2h, 3h) = 3.
  shift.breaks = {Break{3600, 3600, 7200, true}, Break{3600, 7200, 3 * 3600, true}};
  EXPECT_EQ(optimize::count_break_placements(shift, 3600), 3);
  EXPECT_EQ(optimize::break_placements(shift, 3600).size(), 3u);
  // On a 15-minute grid: 15 min breaks with windows [1h, 5h] and [6h, 7h45m]:
  // 17 x 8 = 136 (the second window ends 15 min before the shift does).
  shift.breaks = {Break{900, 3600, 5 * 3600, true}, Break{900, 6 * 3600, 7 * 3600 + 2700, true}};
  EXPECT_EQ(optimize::count_break_placements(shift, 900), 136);
  EXPECT_EQ(optimize::break_placements(shift, 900).size(), 136u);
}

Plan plan_with_starts(int starts, int queues) {
  Plan plan;
  plan.file = "big.yaml";
  plan.horizon.interval_s = 3600;
  Site site;
  site.name = "s";
  for (int q = 0; q < queues; ++q) site.queues.push_back(q);
  Shift shift = eight_hour_shift();
  shift.starts.resize(static_cast<std::size_t>(starts));
  site.shifts.push_back(shift);
  plan.sites.push_back(site);
  return plan;
}

TEST(SizeLimit, RefusesOverTheLimitWithSizeAndLimit) {
  // 125 000 starts x 2 queues x 1 placement = 250 000: exactly the limit, accepted.
  EXPECT_EQ(optimize::count_columns(plan_with_starts(125000, 2)), 250000);
  EXPECT_NO_THROW(optimize::check_size(plan_with_starts(125000, 2)));
  // 125 001 x 2 = 250 002: refused.
  try {
    optimize::check_size(plan_with_starts(125001, 2));
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    ASSERT_EQ(e.diagnostics().size(), 1u);
    EXPECT_EQ(e.diagnostics()[0].to_string(),
              "big.yaml: error: the plan is too large to optimize: 250002 shift columns, the limit is 250000 "
              "(largest: site s, shift day: 125001 starts x 2 queues x 1 break placements); use fewer start "
              "times (latest_start, start_step), narrower break windows or a shorter horizon");
  }
}

}  // namespace
