// Working days per agent from per-weekday counts (days off anywhere; tour_days.hpp),
// against hand-worked splits and an exhaustive check of every count vector of small
// rosters: each agent works exactly days_per_week distinct days and the weekdays'
// counts come back.
#include <gtest/gtest.h>

#include <array>
#include <bit>
#include <vector>

#include "optimize/tour_days.hpp"

namespace staffplan::optimize::detail {
namespace {

// Mask of working weekdays from the days off (bit d = weekday d, 0 = Monday).
unsigned working(std::initializer_list<int> off) {
  unsigned mask = 0x7f;
  for (int d : off) mask &= ~(1u << d);
  return mask;
}

// 3 agents, 5 of 7, one day off each Mon-Sat and none on Sunday: split in turn
// (Mon+Thu, Tue+Fri, Wed+Sat) nobody has two days off together; in runs, all
// three do: Mon-Tue, Wed-Thu, Fri-Sat.
TEST(SplitDays, DaysOffInRunsWhereTheCountsAllowIt) {
  const std::vector<unsigned> days = split_days(3, 5, {2, 2, 2, 2, 2, 2, 3});
  const std::vector<unsigned> expected = {working({4, 5}), working({2, 3}), working({0, 1})};
  EXPECT_EQ(days, expected);
}

// Both agents must be off on Monday and Wednesday: no run of two is possible.
TEST(SplitDays, SpreadWhereTheCountsLeaveNoOtherWay) {
  const std::vector<unsigned> days = split_days(2, 5, {0, 2, 0, 2, 2, 2, 2});
  EXPECT_EQ(days, (std::vector<unsigned>{working({0, 2}), working({0, 2})}));
}

TEST(SplitDays, SevenDaysAWeekIsEveryDay) {
  EXPECT_EQ(split_days(2, 7, {2, 2, 2, 2, 2, 2, 2}), (std::vector<unsigned>{0x7f, 0x7f}));
}

// Every count vector of up to 3 agents and every days_per_week: whenever each
// weekday has at most `agents` and the week days_per_week × agents, the split
// gives each agent days_per_week distinct days and reproduces every weekday's count.
TEST(SplitDays, EveryRosterOfUpToThreeAgentsComesBack) {
  int checked = 0;
  for (int agents = 1; agents <= 3; ++agents)
    for (int k = 1; k <= 7; ++k) {
      std::array<int, 7> per_day{};
      const int base = agents + 1;
      int combos = 1;
      for (int d = 0; d < 7; ++d) combos *= base;
      for (int code = 0; code < combos; ++code) {
        int c = code, total = 0;
        for (int d = 0; d < 7; ++d) {
          per_day[d] = c % base;
          c /= base;
          total += per_day[d];
        }
        if (total != k * agents) continue;
        ++checked;
        const std::vector<unsigned> days = split_days(agents, k, per_day);
        ASSERT_EQ(days.size(), static_cast<std::size_t>(agents));
        std::array<int, 7> back{};
        for (unsigned mask : days) {
          EXPECT_EQ(std::popcount(mask), k);
          for (int d = 0; d < 7; ++d) back[d] += (mask >> d) & 1u;
        }
        EXPECT_EQ(back, per_day) << "agents " << agents << ", k " << k << ", code " << code;
      }
    }
  EXPECT_GT(checked, 1000);
}

}  // namespace
}  // namespace staffplan::optimize::detail
