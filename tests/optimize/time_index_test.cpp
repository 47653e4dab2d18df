// Intervals of a model's variables and rows (time_index.hpp), worked out by hand on
// a two-day plan of hourly intervals with one 8 h shift starting at 22:00 and 25 %
// shrinkage (so the model has Round rows, whose interval is their source row's).
#include <gtest/gtest.h>

#include "optimize/milp_model.hpp"
#include "optimize/time_index.hpp"
#include "plan_builder.hpp"

namespace staffplan::optimize {
namespace {

using testing::PlanBuilder;
constexpr int hour = 3600;

TEST(TimeIndex, ShiftsSitAtTheirStartAndRoundRowsAtTheirSource) {
  PlanBuilder b(2, hour);  // the plan clock is the site's (UTC−5)
  const int q = b.add_queue("english");
  const int s = b.add_site("ny", 10, std::nullopt, 0.25);
  b.add_shift(s, "night", 8 * hour, 22 * 60);
  b.require(q, 22, 30, 2);  // Monday 22:00 to Tuesday 06:00
  const ColumnSet columns = build_columns(b.plan);
  const MilpModel m = build_milp(b.plan, b.required, columns, std::nullopt);
  ASSERT_TRUE(rows_local_in_time(m));
  const TimeIndex t = time_index(b.plan, columns, m);
  ASSERT_EQ(t.var.size(), static_cast<std::size_t>(m.num_vars()));
  ASSERT_EQ(t.row.size(), static_cast<std::size_t>(m.num_rows()));
  // The night shift starts at 22:00 on day 1 (interval 22) and day 2 (interval 46).
  std::vector<int> starts;
  for (int v = 0; v < m.num_vars(); ++v)
    if (m.var_key[v].family == VarFamily::agents) starts.push_back(t.var[v]);
  std::sort(starts.begin(), starts.end());
  EXPECT_EQ(starts.front(), 22);
  EXPECT_EQ(starts.back(), 46);
  int covers = 0, rounds = 0;
  for (int r = 0; r < m.num_rows(); ++r) {
    const RowKey& k = m.row_key[r];
    if (k.family == RowFamily::cover) {
      ++covers;
      EXPECT_EQ(t.row[r], k.interval);
      EXPECT_GE(t.row[r], 22);
      EXPECT_LT(t.row[r], 30);
    }
    if (k.family == RowFamily::rounding) {
      ++rounds;
      ASSERT_GE(k.source, 0);
      EXPECT_EQ(t.row[r], t.row[k.source]);
      EXPECT_GE(t.row[r], 22);  // the source is a Cover row of the night
    }
  }
  EXPECT_GT(covers, 0);
  EXPECT_GT(rounds, 0);
}

}  // namespace
}  // namespace staffplan::optimize
