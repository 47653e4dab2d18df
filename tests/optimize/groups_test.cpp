// Agent groups in the optimizer (SPEC §7), checked against sources independent of
// the library: exhaustive enumeration with Hall's condition written in this test,
// an allocation check rebuilt from the shift rows (not the solver's variables),
// and hand-made cases where pooling makes a plan feasible or a small group breaks it.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <limits>
#include <random>
#include <vector>

#include "model/errors.hpp"
#include "optimize/optimize.hpp"
#include "plan_builder.hpp"

namespace staffplan::optimize {
namespace {

using testing::PlanBuilder;
constexpr int hour = 3600;
constexpr double eps = 1e-6;
constexpr double share = 0.8;  // 1 - shrinkage of the test site

// Groups of the test site: bilingual (english + spanish), english-only, spanish-only.
enum { bilingual = 0, english_only = 1, spanish_only = 2 };
const double group_cost[] = {12, 10, 10.5};  // per hour
const int starts[] = {8, 12, 16};           // 4 h shifts, plan = site clock

// Hall's condition for two queues served by the three groups, per interval.
bool allocation_exists(double cap_b, double cap_e, double cap_s, int req_e, int req_s) {
  return cap_b + cap_e + eps >= req_e && cap_b + cap_s + eps >= req_s &&
         cap_b + cap_e + cap_s + eps >= req_e + req_s;
}

struct Instance {
  std::vector<int> req_e, req_s;  // per hour of the day
  int seats = 0;
};

Instance make_instance(int seed) {
  std::mt19937 rng(static_cast<unsigned>(seed));
  Instance in;
  in.req_e.assign(24, 0);
  in.req_s.assign(24, 0);
  for (int i = 8; i < 20; ++i) {
    in.req_e[i] = static_cast<int>(rng() % 3);
    in.req_s[i] = static_cast<int>(rng() % 2);
  }
  in.seats = 5 + static_cast<int>(rng() % 3);
  return in;
}

// x[g * 3 + k]: agents of group g on the shift starting at starts[k]. Cheapest
// feasible cost with every x in [0, 4] (4 agents cover 3 required at 80 %); groups not in `allowed` stay at 0.
double brute_force(const Instance& in, const std::vector<bool>& allowed) {
  std::vector<int> x(9, 0);
  double best = std::numeric_limits<double>::infinity();
  std::function<void(int, double)> rec = [&](int k, double cost) {
    if (cost >= best) return;
    if (k == 9) {
      for (int i = 0; i < 24; ++i) {
        double cap[3] = {0, 0, 0};
        int on = 0;
        for (int g = 0; g < 3; ++g)
          for (int s = 0; s < 3; ++s)
            if (i >= starts[s] && i < starts[s] + 4) {
              cap[g] += share * x[g * 3 + s];
              on += x[g * 3 + s];
            }
        if (on > in.seats) return;
        if (!allocation_exists(cap[0], cap[1], cap[2], in.req_e[i], in.req_s[i])) return;
      }
      best = cost;
      return;
    }
    const int g = k / 3;
    const int most = allowed[g] ? 4 : 0;
    for (x[k] = 0; x[k] <= most; ++x[k]) rec(k + 1, cost + x[k] * 4 * group_cost[g]);
    x[k] = 0;
  };
  rec(0, 0);
  return best;
}

// The plan of an instance; `groups` lists which of the three groups the site has.
PlanBuilder build(const Instance& in, const std::vector<bool>& groups) {
  PlanBuilder b(1, hour);
  const int e = b.add_queue("english");
  const int s = b.add_queue("spanish");
  const int site = b.add_site("mx", 99, in.seats, 1 - share);
  const char* names[] = {"bilingual", "english-only", "spanish-only"};
  const std::vector<int> queues[] = {{e, s}, {e}, {s}};
  for (int g = 0; g < 3; ++g)
    if (groups[g]) b.plan.sites[site].groups.push_back(AgentGroup{names[g], {}, queues[g], group_cost[g], {}, {}});
  b.add_shift(site, "day", 4 * hour, 8 * 60, 16 * 60, 4 * hour);
  for (int i = 0; i < 24; ++i) {
    b.required.queues[e].intervals[i].agents = in.req_e[i];
    b.required.queues[s].intervals[i].agents = in.req_s[i];
  }
  return b;
}

SolveOptions exact() {
  SolveOptions o;
  o.relative_gap = 0;
  o.time_limit_s = 60;
  return o;
}

// Productive agents of each site group per interval, rebuilt from the shift rows
// (start interval and length of the assignment's shift; the test shifts have no breaks).
std::vector<std::vector<double>> capacity_from_rows(const Plan& plan, const Schedule& s, int groups) {
  std::vector<std::vector<double>> cap(groups, std::vector<double>(plan.horizon.count, 0.0));
  for (const Assignment& a : s.assignments) {
    const Shift& shift = plan.sites[a.site].shifts[a.shift];
    const int first = shift.starts[a.start].interval;
    for (int i = first; i < first + shift.length_s / plan.horizon.interval_s && i < plan.horizon.count; ++i)
      cap[a.group][i] += a.agents * (1 - plan.sites[a.site].shrinkage);
  }
  return cap;
}

class GroupsBruteForce : public ::testing::TestWithParam<int> {};

TEST_P(GroupsBruteForce, OptimumEqualsEnumerationAndNeverExceedsDedicated) {
  const Instance in = make_instance(GetParam());
  const std::vector<bool> all = {true, true, true}, dedicated = {false, true, true};
  const double expected = brute_force(in, all);
  const double expected_dedicated = brute_force(in, dedicated);
  ASSERT_TRUE(std::isfinite(expected_dedicated));

  PlanBuilder b = build(in, all);
  const Schedule grouped = solve(b.plan, b.required, exact());
  EXPECT_NEAR(grouped.cost, expected, eps);
  PlanBuilder d = build(in, dedicated);
  const Schedule alone = solve(d.plan, d.required, exact());
  EXPECT_NEAR(alone.cost, expected_dedicated, eps);
  EXPECT_LE(grouped.cost, alone.cost + eps);

  // Independent allocation check from the shift rows: Hall's condition holds in
  // every interval (so a flow groups -> queues covering every requirement exists),
  // and the reported allocation is such a flow.
  const auto cap = capacity_from_rows(b.plan, grouped, 3);
  for (int i = 0; i < 24; ++i) {
    EXPECT_TRUE(allocation_exists(cap[0][i], cap[1][i], cap[2][i], in.req_e[i], in.req_s[i])) << "interval " << i;
    double given[3] = {0, 0, 0}, got[2] = {0, 0};
    for (const Allocation& a : grouped.allocation) {
      if (a.interval != i) continue;
      given[a.group] += a.agents;
      got[a.queue] += a.agents;
      if (a.group == english_only) { EXPECT_EQ(a.queue, 0); }
      if (a.group == spanish_only) { EXPECT_EQ(a.queue, 1); }
    }
    for (int g = 0; g < 3; ++g) EXPECT_NEAR(given[g], cap[g][i], 1e-6) << "interval " << i << " group " << g;
    EXPECT_GE(got[0] + eps, in.req_e[i]) << "interval " << i;
    EXPECT_GE(got[1] + eps, in.req_s[i]) << "interval " << i;
  }
}

INSTANTIATE_TEST_SUITE_P(Seeds, GroupsBruteForce, ::testing::Range(0, 6));

// Hall's condition, pooling side: english 00-04 and spanish 04-08 need one agent
// each, one 8 h shift, one seat. Dedicated agents need two seats; one bilingual
// agent covers both.
TEST(GroupsHall, PoolingMakesAnInfeasiblePlanFeasible) {
  auto make = [](bool pooled) {
    PlanBuilder b(1, hour, 0);
    const int e = b.add_queue("english");
    const int s = b.add_queue("spanish");
    const int site = b.add_site("mx", 10, 1, 0, 0);
    if (pooled) b.plan.sites[site].groups.push_back(AgentGroup{"bilingual", {}, {e, s}, {}, {}, {}});
    b.add_shift(site, "night", 8 * hour, 0);
    b.require(e, 0, 4, 1);
    b.require(s, 4, 8, 1);
    return b;
  };
  PlanBuilder dedicated = make(false);
  EXPECT_THROW(solve(dedicated.plan, dedicated.required, exact()), NoResultError);
  PlanBuilder pooled = make(true);
  const Schedule s = solve(pooled.plan, pooled.required, exact());
  EXPECT_NEAR(s.cost, 80, eps);  // one agent, 8 h at 10
  ASSERT_EQ(s.assignments.size(), 1u);
  EXPECT_EQ(s.assignments[0].agents, 1);
}

// Hall's condition, the other way: both queues need one agent at once; the only
// group answering them is bilingual with max_agents 1, so {english, spanish} needs
// 2 from a pool of 1. Dedicated groups without a cap staff it with two agents.
TEST(GroupsHall, TooSmallAGroupMakesAFeasiblePlanInfeasible) {
  auto make = [](bool pooled) {
    PlanBuilder b(1, hour, 0);
    const int e = b.add_queue("english");
    const int s = b.add_queue("spanish");
    const int site = b.add_site("mx", 10, std::nullopt, 0, 0);
    if (pooled) b.plan.sites[site].groups.push_back(AgentGroup{"bilingual", {}, {e, s}, {}, 1, {}});
    b.add_shift(site, "day", 8 * hour, 8 * 60);
    b.require(e, 9, 10, 1);
    b.require(s, 9, 10, 1);
    return b;
  };
  PlanBuilder dedicated = make(false);
  EXPECT_NEAR(solve(dedicated.plan, dedicated.required, exact()).cost, 160, eps);  // two agents, 8 h at 10
  PlanBuilder pooled = make(true);
  EXPECT_THROW(solve(pooled.plan, pooled.required, exact()), NoResultError);
  // With soft coverage the one bilingual agent serves one queue and the other is short.
  SolveOptions soft = exact();
  soft.shortfall_penalty = 1000;
  const Schedule s = solve(pooled.plan, pooled.required, soft);
  EXPECT_NEAR(s.paid_cost, 80, eps);
  EXPECT_NEAR(s.shortfall_cost, 1000, eps);  // one agent-hour missing
}

// The precheck names an interval no group answering the queue can reach.
TEST(GroupsPrecheck, NamesTheQueueWithoutAGroup) {
  PlanBuilder b(1, hour, 0);
  const int e = b.add_queue("english");
  const int s = b.add_queue("spanish");
  const int site = b.add_site("mx", 10, std::nullopt, 0, 0);
  b.plan.sites[site].groups.push_back(AgentGroup{"bilingual", {}, {e, s}, {}, {}, {}});
  b.plan.sites[site].groups.push_back(AgentGroup{"english-only", {}, {e}, {}, {}, {}});
  b.add_shift(site, "day", 8 * hour, 8 * 60).groups = {0};
  b.add_shift(site, "night", 8 * hour, 0).groups = {1};
  b.require(s, 2, 3, 1);
  try {
    solve(b.plan, b.required, exact());
    FAIL() << "expected NoResultError";
  } catch (const NoResultError& err) {
    EXPECT_NE(std::string(err.what()).find("queue spanish, interval 2026-11-23T02:00:00+00:00: no group that "
                                           "answers spanish has a shift then"),
              std::string::npos)
        << err.what();
  }
}

}  // namespace
}  // namespace staffplan::optimize
