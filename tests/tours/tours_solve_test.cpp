// Weekly tours in the optimizer (SPEC §8) against independent sources:
//   - brute force: tiny weeks solved by enumerating every combination of explicit
//     tours (working days × start), coverage checked by code in this test;
//   - cost ordering: 7-of-7 tours without same_start are exactly the daily plan;
//     5-of-7 tours never cost less than it;
//   - the roster: each line works days_per_week days, days off in one run, one
//     start, and the lines' agents add up to the headcount and paid hours.
#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <chrono>
#include <optional>
#include <random>
#include <functional>
#include <limits>
#include <vector>

#include "optimize/columns.hpp"
#include "optimize/lp_dive.hpp"
#include "optimize/milp_model.hpp"
#include "optimize/neighbourhood.hpp"
#include "optimize/optimize.hpp"
#include "optimize/rounding.hpp"
#include "optimize/rows_hold.hpp"
#include "optimize/plan_builder.hpp"

namespace staffplan::optimize {
namespace {

using testing::PlanBuilder;
constexpr int hour = 3600;

SolveOptions exact() {
  SolveOptions o;
  o.time_limit_s = 20;
  o.relative_gap = 0;
  return o;
}

// One site at UTC+0 on a 1-week, 60-minute plan clock at UTC+0 (cyclic false: the
// tours wrap by themselves), one queue, 8-hour shifts without breaks.
struct Week {
  PlanBuilder b{7, hour, 0, "2026-11-23"};
  int q = b.add_queue("english");
  int site = b.add_site("s", 10, std::nullopt, 0, 0);
};

// Required agents per weekday at hours [8, 16) and [9, 17).
void require_days(Week& w, const std::vector<int>& early, const std::vector<int>& mid, const std::vector<int>& late) {
  for (int d = 0; d < 7; ++d) {
    w.b.require(w.q, d * 24 + 8, d * 24 + 9, early[d]);
    w.b.require(w.q, d * 24 + 9, d * 24 + 16, mid[d]);
    w.b.require(w.q, d * 24 + 16, d * 24 + 17, late[d]);
  }
}

Contract contract(int days, DaysOff off, bool same_start) {
  Contract c;
  c.name = "ft";
  c.shifts = {0};
  c.days_per_week = days;
  c.days_off = off;
  c.same_start = same_start;
  return c;
}

// Explicit tours (working days, start hour 8 or 9) enumerated with 0..max_each
// agents each; returns the cheapest cost that covers the requirement of
// require_days (8 paid hours × 10 per agent-day).
double brute_force(const std::vector<unsigned>& patterns, const std::vector<int>& starts, int max_each,
                   const std::vector<int>& early, const std::vector<int>& mid, const std::vector<int>& late) {
  struct Tour {
    unsigned days;
    int start;
  };
  std::vector<Tour> tours;
  for (unsigned p : patterns)
    for (int s : starts) tours.push_back({p, s});
  std::vector<int> count(tours.size(), 0);
  double best = std::numeric_limits<double>::infinity();
  std::function<void(std::size_t, double)> rec = [&](std::size_t k, double cost) {
    if (cost >= best) return;
    if (k == tours.size()) {
      for (int d = 0; d < 7; ++d) {
        int at8 = 0, at9 = 0;
        for (std::size_t t = 0; t < tours.size(); ++t)
          if ((tours[t].days >> d) & 1u) (tours[t].start == 8 ? at8 : at9) += count[t];
        if (at8 < early[d] || at8 + at9 < mid[d] || at9 < late[d]) return;
      }
      best = cost;
      return;
    }
    for (int n = 0; n <= max_each; ++n) {
      count[k] = n;
      rec(k + 1, cost + n * std::popcount(tours[k].days) * 8 * 10.0);
    }
    count[k] = 0;
  };
  rec(0, 0);
  return best;
}

// Requirements ≤ 2 a day at 08-09, 09-16 and 16-17; one 8 h shift starting at
// 08:00 or 09:00, on 5-of-7 tours with consecutive days off and one start.
const std::vector<int> two_start_early = {2, 1, 1, 2, 1, 0, 0}, two_start_mid = {2, 2, 1, 2, 2, 1, 1},
                       two_start_late = {0, 1, 1, 0, 2, 1, 0};
Week two_start_week() {
  Week w;
  w.b.add_shift(w.site, "day", 8 * hour, 8 * 60, 9 * 60);
  w.b.plan.sites[0].contracts = {contract(5, DaysOff::consecutive, true)};
  require_days(w, two_start_early, two_start_mid, two_start_late);
  return w;
}

// A tour never needs more agents than the largest requirement it covers, so
// max_each = 2 (requirements ≤ 2) bounds the search without cutting the optimum.
TEST(ToursBruteForce, FiveOfSevenConsecutiveSameStart) {
  const Week w = two_start_week();
  const Schedule s = solve(w.b.plan, w.b.required, exact());
  Contract c = contract(5, DaysOff::consecutive, true);
  const double expected = brute_force(tour_patterns(c), {8, 9}, 2, two_start_early, two_start_mid, two_start_late);
  EXPECT_EQ(s.status, Status::optimal);
  EXPECT_NEAR(s.cost, expected, 1e-6);
  EXPECT_EQ(s.headcount * 5 * 8 * 10.0, s.cost);  // every agent works 5 days of 80
  int agents = 0;
  for (const RosterLine& line : s.roster) {
    agents += line.agents;
    EXPECT_EQ(std::popcount(line.days), 5);
    EXPECT_EQ(line.work.size(), 5u);
  }
  EXPECT_EQ(agents, s.headcount);
}

// The neighbourhood search (20 s, no gap) on `model` from `start`, with the
// model's LP as its guide.
SearchResult search_from(const MilpModel& model, const std::vector<double>& start) {
  const SolveOptions options = exact();
  const LpDiveResult lp = solve_lp_and_dive(model, options, std::chrono::steady_clock::now());
  EXPECT_TRUE(lp.lp_feasible);
  SearchInput in;
  in.model = &model;
  in.lp_x = lp.lp_x;
  in.reduced_cost = lp.lp_reduced_cost;
  in.lp_bound = lp.lp_objective;
  return neighbourhood_search(in, start, options, 20, std::chrono::steady_clock::now());
}

// The neighbourhood search on a tours model (the tours' rounding, floor, RINS;
// no blocks) from the greedy plan reaches the brute-force optimum, and its plan
// keeps every row: the tours' rounding only ever narrows the tours' range.
TEST(ToursSearch, FromTheGreedyPlanToTheBruteForceOptimum) {
  const Week w = two_start_week();
  const MilpModel model = build_milp(w.b.plan, w.b.required, build_columns(w.b.plan), std::nullopt);
  ASSERT_FALSE(model.vars_of(VarFamily::tour).empty());
  std::optional<std::vector<double>> start = round_and_repair(model, std::vector<double>(model.num_vars(), 0.0));
  ASSERT_TRUE(start);
  // The greedy plan is optimal here already: one more agent on the first tour
  // (and on one of its shifts on each of its working days, through its Link rows)
  // makes it a plan with something to find. The week has no seat limit.
  const int tour = model.vars_of(VarFamily::tour).front();
  (*start)[tour] += 1;
  for (Eigen::SparseMatrix<double>::InnerIterator it(model.a, tour); it; ++it) {
    ASSERT_TRUE(model.is(static_cast<int>(it.row()), RowFamily::link));
    for (int v = 0; v < model.num_vars(); ++v)
      if (model.is(v, VarFamily::agents) && model.a.coeff(it.row(), v) == 1) {
        (*start)[v] += 1;
        break;
      }
  }
  const double expected = brute_force(tour_patterns(contract(5, DaysOff::consecutive, true)), {8, 9}, 2,
                                      two_start_early, two_start_mid, two_start_late);
  ASSERT_NEAR(model.objective(*start), expected + 5 * 8 * 10.0, 1e-6) << "one more agent-week of 400";
  const SearchResult r = search_from(model, *start);
  EXPECT_NEAR(r.cost, expected, 1e-6);
  testing::expect_rows_hold(model, r.x);
}

// Requirements ≤ 1 a day at 08-09 and 09-16; one 8 h shift at 08:00 on 5-of-7
// tours with days off anywhere.
const std::vector<int> any_early = {1, 1, 0, 1, 1, 0, 1}, any_mid = {1, 1, 1, 1, 1, 1, 1},
                       any_late = {0, 0, 0, 0, 0, 0, 0};
Week any_days_week() {
  Week w;
  w.b.add_shift(w.site, "day", 8 * hour, 8 * 60);
  w.b.plan.sites[0].contracts = {contract(5, DaysOff::any, true)};
  require_days(w, any_early, any_mid, any_late);
  return w;
}

// Days off anywhere: 21 patterns of one start, requirements ≤ 1 so 0/1 per tour.
TEST(ToursBruteForce, FiveOfSevenAnyDaysOff) {
  const Week w = any_days_week();
  const Schedule s = solve(w.b.plan, w.b.required, exact());
  const double expected = brute_force(tour_patterns(contract(5, DaysOff::any, true)), {8}, 1, any_early, any_mid, any_late);
  EXPECT_EQ(s.status, Status::optimal);
  EXPECT_NEAR(s.cost, expected, 1e-6);
  // 7 agent-days needed, 5 per agent: 2 agents (10 agent-days) by hand too.
  EXPECT_NEAR(expected, 2 * 5 * 80.0, 1e-9);
}

// Days off anywhere on one week: one t per start (days = 0), not one per pattern.
// Its Link rows say each weekday has at most t of its shifts, its TourWeek row that
// the week has exactly 5 · t. Over two weeks the patterns stay (21 per start).
TEST(ToursModel, DaysOffAnywhereIsOneTourPerStartOnOneWeek) {
  const Week w = [] {
    Week w = two_start_week();
    w.b.plan.sites[0].contracts = {contract(5, DaysOff::any, true)};
    return w;
  }();
  const MilpModel model = build_milp(w.b.plan, w.b.required, build_columns(w.b.plan), std::nullopt);
  const std::vector<int> tours = model.vars_of(VarFamily::tour);
  ASSERT_EQ(tours.size(), 2u);  // starts 08:00 and 09:00
  for (int t : tours) {
    EXPECT_EQ(model.var_key[t].pattern, 0);
    int links = 0, weeks = 0;
    for (Eigen::SparseMatrix<double>::InnerIterator it(model.a, t); it; ++it) {
      const int r = static_cast<int>(it.row());
      if (model.is(r, RowFamily::link)) {
        ++links;
        EXPECT_EQ(it.value(), -1);
        EXPECT_EQ(model.row_lb[r], -std::numeric_limits<double>::infinity());
        EXPECT_EQ(model.row_ub[r], 0);
      } else {
        ASSERT_TRUE(model.is(r, RowFamily::tour_week));
        ++weeks;
        EXPECT_EQ(it.value(), -5);
        EXPECT_EQ(model.row_lb[r], 0);
        EXPECT_EQ(model.row_ub[r], 0);
        // Its shifts: one column a day (no breaks), seven days, each also in a Link row of t.
        int shifts = 0;
        for (int v : model.vars_of(VarFamily::agents))
          if (model.a.coeff(r, v) == 1) ++shifts;
        EXPECT_EQ(shifts, 7);
      }
    }
    EXPECT_EQ(links, 7);
    EXPECT_EQ(weeks, 1);
  }
  // Two weeks: a tour works the same days in both, so its pattern stays a variable.
  Week two;
  two.b = PlanBuilder{14, hour, 0, "2026-11-23"};
  two.q = two.b.add_queue("english");
  two.site = two.b.add_site("s", 10, std::nullopt, 0, 0);
  two.b.add_shift(two.site, "day", 8 * hour, 8 * 60);
  two.b.plan.sites[0].contracts = {contract(5, DaysOff::any, true)};
  for (int d = 0; d < 14; ++d) two.b.require(two.q, d * 24 + 8, d * 24 + 16, 1);
  const MilpModel weeks = build_milp(two.b.plan, two.b.required, build_columns(two.b.plan), std::nullopt);
  EXPECT_EQ(weeks.vars_of(VarFamily::tour).size(), 21u);
  EXPECT_TRUE(weeks.rows_of(RowFamily::tour_week).empty());
}

// The two formulations of days off anywhere against each other: one week takes
// one tour variable per start, two weeks keep the patterns (a tour works the same
// days in both). On a fortnight that repeats the week, the optimum is exactly
// twice the week's: repeating the week's plan costs that, and each week of a
// fortnight plan is a plan of the week. Random weeks (fixed seeds), requirements
// 0-2 at 08-09, 09-16 and 16-17, starts 08:00 and 09:00, 5 and 4 days of 7.
TEST(ToursFormulations, OneWeekPerStartEqualsHalfAFortnightOfPatterns) {
  for (unsigned seed = 1; seed <= 6; ++seed)
    for (int k : {5, 4}) {
      std::mt19937 rng(seed);
      std::uniform_int_distribution<int> need(0, 2);
      std::vector<int> early(7), mid(7), late(7);
      for (int d = 0; d < 7; ++d) {
        early[d] = need(rng);
        mid[d] = std::max(early[d], need(rng));
        late[d] = need(rng);
      }
      const auto plan_of = [&](int days) {
        Week w;
        w.b = PlanBuilder{days, hour, 0, "2026-11-23"};
        w.q = w.b.add_queue("english");
        w.site = w.b.add_site("s", 10, std::nullopt, 0, 0);
        w.b.add_shift(w.site, "day", 8 * hour, 8 * 60, 9 * 60);
        w.b.plan.sites[0].contracts = {contract(k, DaysOff::any, true)};
        for (int d = 0; d < days; ++d) {
          w.b.require(w.q, d * 24 + 8, d * 24 + 9, early[d % 7]);
          w.b.require(w.q, d * 24 + 9, d * 24 + 16, mid[d % 7]);
          w.b.require(w.q, d * 24 + 16, d * 24 + 17, late[d % 7]);
        }
        return w;
      };
      const Week week = plan_of(7), fortnight = plan_of(14);
      const Schedule one = solve(week.b.plan, week.b.required, exact());
      const Schedule two = solve(fortnight.b.plan, fortnight.b.required, exact());
      ASSERT_EQ(one.status, Status::optimal) << "seed " << seed << ", " << k << " days";
      ASSERT_EQ(two.status, Status::optimal) << "seed " << seed << ", " << k << " days";
      EXPECT_NEAR(two.cost, 2 * one.cost, 1e-6) << "seed " << seed << ", " << k << " days";
      EXPECT_EQ(two.headcount, one.headcount) << "seed " << seed << ", " << k << " days";
    }
}

// The greedy plan (repair from nothing: whole tour agents, each with k shifts on
// days with room) and the search from it, on the days-off-anywhere week of
// FiveOfSevenAnyDaysOff: every row holds, and the search reaches the brute-force
// optimum from the greedy plan plus one more agent-week.
TEST(ToursSearch, DaysOffAnywhereFromTheGreedyPlanToTheBruteForceOptimum) {
  const Week w = any_days_week();
  const MilpModel model = build_milp(w.b.plan, w.b.required, build_columns(w.b.plan), std::nullopt);
  const double expected = brute_force(tour_patterns(contract(5, DaysOff::any, true)), {8}, 1, any_early, any_mid, any_late);
  std::optional<std::vector<double>> start = round_and_repair(model, std::vector<double>(model.num_vars(), 0.0));
  ASSERT_TRUE(start);
  testing::expect_rows_hold(model, *start);
  ASSERT_GE(model.objective(*start), expected - 1e-6);
  // One more agent-week: t + 1, and the 5 days with the fewest shifts get one more.
  const int tour = model.vars_of(VarFamily::tour).front();
  (*start)[tour] += 1;
  std::vector<int> day_shift;  // the x of each weekday, by their Link rows
  for (Eigen::SparseMatrix<double>::InnerIterator it(model.a, tour); it; ++it)
    if (model.is(static_cast<int>(it.row()), RowFamily::link))
      for (int v : model.vars_of(VarFamily::agents))
        if (model.a.coeff(it.row(), v) == 1) day_shift.push_back(v);
  ASSERT_EQ(day_shift.size(), 7u);
  std::stable_sort(day_shift.begin(), day_shift.end(), [&](int a, int b) { return (*start)[a] < (*start)[b]; });
  for (int k = 0; k < 5; ++k) (*start)[day_shift[k]] += 1;
  testing::expect_rows_hold(model, *start);
  const SearchResult r = search_from(model, *start);
  EXPECT_NEAR(r.cost, expected, 1e-6);
  testing::expect_rows_hold(model, r.x);
}

// Consecutive days off against any days off on a week where it matters: Mon, Wed
// and Fri need one agent all day, so a 3-day tour with any days off covers them
// with 1 agent; consecutive days off (4 in a row) cannot, and needs 2.
TEST(ToursBruteForce, ThreeOfSevenConsecutiveAgainstAny) {
  const std::vector<int> early = {1, 0, 1, 0, 1, 0, 0}, mid = early, late = {0, 0, 0, 0, 0, 0, 0};
  for (const DaysOff off : {DaysOff::any, DaysOff::consecutive}) {
    Week w;
    w.b.add_shift(w.site, "day", 8 * hour, 8 * 60);
    w.b.plan.sites[0].contracts = {contract(3, off, true)};
    require_days(w, early, mid, late);
    const Schedule s = solve(w.b.plan, w.b.required, exact());
    const double expected = brute_force(tour_patterns(contract(3, off, true)), {8}, 1, early, mid, late);
    EXPECT_NEAR(s.cost, expected, 1e-6);
    EXPECT_EQ(s.headcount, off == DaysOff::any ? 1 : 2);
  }
}

// A richer week (two starts, a break with two placements, two shifts) for the
// cost-ordering checks; `uniform`: every day needs the same.
Week rich_week(bool uniform = false) {
  Week w;
  w.b.plan.sites[0].seats = 12;
  w.b.add_shift(w.site, "day", 8 * hour, 7 * 60, 10 * 60, 0, {PlanBuilder::unpaid_break(hour, 3 * hour, 4 * hour)});
  w.b.add_shift(w.site, "late", 6 * hour, 14 * 60, 16 * 60);
  std::vector<int> per_day = {4, 5, 5, 4, 6, 2, 1};
  if (uniform) per_day.assign(7, 5);
  for (int d = 0; d < 7; ++d) {
    w.b.require(w.q, d * 24 + 8, d * 24 + 12, per_day[d]);
    w.b.require(w.q, d * 24 + 12, d * 24 + 18, per_day[d] + 1);
    w.b.require(w.q, d * 24 + 18, d * 24 + 21, per_day[d] / 2);
  }
  return w;
}

// 7-of-7 tours without same_start leave every daily choice free but one: the same
// number of agents works every day (each works all seven). On a week where every
// day needs the same, the daily optimum already has that, so the costs are equal;
// on any week the tours cost at least the daily plan.
TEST(ToursCostOrdering, SevenOfSevenWithoutSameStartIsTheDailyPlan) {
  for (const bool uniform : {true, false}) {
    Week daily = rich_week(uniform);
    daily.b.plan.horizon.cyclic = true;  // tours wrap around the week; so must the daily plan
    const Schedule d = solve(daily.b.plan, daily.b.required, exact());
    Week toured = rich_week(uniform);
    Contract c = contract(7, DaysOff::consecutive, false);
    c.shifts = {0, 1};
    toured.b.plan.sites[0].contracts = {c};
    const Schedule t = solve(toured.b.plan, toured.b.required, exact());
    ASSERT_EQ(d.status, Status::optimal);
    ASSERT_EQ(t.status, Status::optimal);
    if (uniform) EXPECT_NEAR(t.cost, d.cost, 1e-6);
    else EXPECT_GE(t.cost, d.cost - 1e-6);
    // Everyone works every day: 7 agent-days per head.
    int agent_days = 0;
    for (const Assignment& a : t.assignments) agent_days += a.agents;
    EXPECT_EQ(t.headcount * 7, agent_days);
  }
}

TEST(ToursCostOrdering, FiveOfSevenNeverBelowTheDailyPlan) {
  Week daily = rich_week();
  daily.b.plan.horizon.cyclic = true;
  const Schedule d = solve(daily.b.plan, daily.b.required, exact());
  double previous = d.cost;
  // Each restriction only removes plans: any days off, then consecutive, then same start.
  for (const auto& [off, same] : std::vector<std::pair<DaysOff, bool>>{
           {DaysOff::any, false}, {DaysOff::consecutive, false}, {DaysOff::consecutive, true}}) {
    Week toured = rich_week();
    Contract c = contract(5, off, same);
    c.shifts = {0, 1};  // with same_start each tour keeps one start: day or late
    toured.b.plan.sites[0].contracts = {c};
    const Schedule t = solve(toured.b.plan, toured.b.required, exact());
    ASSERT_EQ(t.status, Status::optimal);
    EXPECT_GE(t.cost, previous - 1e-6);
    EXPECT_GE(t.cost, d.cost - 1e-6);
    previous = t.cost;
  }
}

}  // namespace
}  // namespace staffplan::optimize
