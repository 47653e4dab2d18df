// The up-front size limit of `plan` (issue 6): columns are counted without building
// them, and a plan over the limit is refused with its size, the limit and the shift
// to cut. Expected counts are worked out by hand in the comments.
#include <gtest/gtest.h>

#include <string>
#include <vector>

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

TEST(SizeLimit, BreakStartsByHand) {
  Shift shift = eight_hour_shift();
  // 30 min in [3h30m, 4h30m] on a 15-minute grid: 3h30m, 3h45m, 4h, 4h15m, 4h30m.
  shift.breaks = {Break{1800, 3 * 3600 + 1800, 4 * 3600 + 1800, false}};
  EXPECT_EQ(optimize::break_starts(shift, 900, 0, 0), (std::vector<int>{12600, 13500, 14400, 15300, 16200}));
  // No earlier than 3h50m (a previous break's end): the grid times from 4h.
  EXPECT_EQ(optimize::break_starts(shift, 900, 0, 13800), (std::vector<int>{14400, 15300, 16200}));
  // A window reaching past the shift's end: the break must end within the shift (7h30m at the latest).
  shift.breaks = {Break{1800, 7 * 3600, 8 * 3600, false}};
  EXPECT_EQ(optimize::break_starts(shift, 1800, 0, 0), (std::vector<int>{25200, 27000}));
  // On a 1 h grid a window of [1h10m, 1h50m] holds no grid time.
  shift.breaks = {Break{900, 4200, 6600, true}};
  EXPECT_TRUE(optimize::break_starts(shift, 3600, 0, 0).empty());
  EXPECT_TRUE(optimize::break_placements(shift, 3600).empty());
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

// A horizon of `weeks` weeks at hourly intervals with one 8 h shift starting every
// hour, taken by `queues` queues.
Plan plan_over_weeks(int weeks, int queues) {
  Plan plan = plan_with_starts(0, queues);
  plan.horizon.days = 7 * weeks;
  plan.horizon.count = 24 * plan.horizon.days;
  for (int i = 0; i < plan.horizon.count; ++i) plan.sites[0].shifts[0].starts.push_back(ShiftStart{"", 0, i});
  return plan;
}

// A long horizon of daily shifts is solved one week at a time (weeks.hpp), so the
// limit applies to one week's columns, and the memory estimate holds every week's
// columns at bytes_per_held_entry plus one week's solve at bytes_per_entry.
TEST(SizeLimit, WeekByWeekPlansAreLimitedOneWeekAtATime) {
  // 46 weeks x 168 hourly starts x 40 queues = 309 120 columns, 6 720 in a week.
  Plan plan = plan_over_weeks(46, 40);
  EXPECT_EQ(optimize::count_columns(plan), 309120);
  EXPECT_EQ(optimize::columns_solved_at_once(plan), 6720);
  EXPECT_NO_THROW(optimize::check_size(plan, 0));  // 0: memory not checked
  // An 8 h shift at 1 h has 2 x 8 + 2 = 18 entries: 309 120 x 18 x 64 B held plus
  // 6 720 x 18 x 800 B for one week's solve.
  EXPECT_DOUBLE_EQ(optimize::estimate_bytes(plan), 309120.0 * 18 * 64 + 6720.0 * 18 * 800);
  // An outsourcer ties the weeks together: one model of all 309 120 columns.
  plan.outsourcers.push_back(Outsourcer{});
  EXPECT_EQ(optimize::columns_solved_at_once(plan), 309120);
  EXPECT_DOUBLE_EQ(optimize::estimate_bytes(plan), 309120.0 * 18 * 800);
  try {
    optimize::check_size(plan, 0);
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_NE(e.diagnostics()[0].to_string().find(": 309120 shift columns, the limit is 250000"), std::string::npos)
        << e.diagnostics()[0].to_string();
  }
}

TEST(SizeLimit, RefusesAWeekOverTheLimitNamingTheWeek) {
  // 3 weeks; a week has 168 starts x 1 500 queues = 252 000 columns, over the limit.
  try {
    optimize::check_size(plan_over_weeks(3, 1500), 0);
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.diagnostics()[0].to_string(),
              "big.yaml: error: the plan is too large to optimize: its largest week, solved on its own, has "
              "252000 shift columns, the limit is 250000 (largest: site s, shift day: 168 starts x 1500 queues x 1 "
              "break placements); use fewer start times (latest_start, start_step), narrower break windows or a "
              "shorter horizon");
  }
}

}  // namespace
