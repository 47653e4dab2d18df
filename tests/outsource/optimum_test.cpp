// Make or buy (SPEC §9): the plan's choice against optima computed by hand.
// Every plan: one busy hour 08:00-09:00 with 100 calls of 180 s (5 Erlangs),
// in-house agents on one-hour shifts at $20 an hour, no shrinkage, goal 80 % in
// 20 s. In-house agents for c calls kept, from the Erlang C formula in
// make_or_buy.hpp (and the published-table values it gives):
//   N(100) = 8, N(75) = 6, N(50) = 5, N(25) = 3, N(5) = 2.
// An outsourced call costs 3 minutes × price.
#include <gtest/gtest.h>

#include "load/load.hpp"
#include "make_or_buy.hpp"
#include "optimize/optimize.hpp"
#include "require/require.hpp"

namespace staffplan {
namespace {

using test::erlang_c_agents;
using test::make_or_buy_plan;

const std::string busy_hour = "        - { at: \"2026-11-23T08:00\", calls: 100 }\n";
constexpr int eight = 8;  // the 08:00 interval

std::string share_outsourcer(double price) {
  return "outsourcers:\n"
         "  - name: bpo\n"
         "    price_per_minute: " + std::to_string(price) + "\n"
         "    queues: [english]\n"
         "    mode: share\n"
         "    shares: [0%, 25%, 50%, 75%, 100%]\n";
}

optimize::Schedule solve(const Plan& plan, const require::Requirement& r) {
  optimize::SolveOptions options;
  options.time_limit_s = 20;
  options.relative_gap = 0;
  return optimize::solve(plan, r, options);
}

TEST(MakeOrBuy, ErlangReferenceValues) {
  // The formula in the test reproduces the published Erlang C table values for
  // 5 Erlangs, 180 s, 80/20: 8 agents (SL 88.0 %); 7 give 77.6 %.
  EXPECT_EQ(erlang_c_agents(100, 180), 8);
  EXPECT_EQ(erlang_c_agents(50, 180), 5);
  EXPECT_EQ(erlang_c_agents(25, 180), 3);
  EXPECT_EQ(erlang_c_agents(75, 180), 6);
}

TEST(MakeOrBuy, RequirementOfTheKeptCallsIsErlangOnTheReducedVolume) {
  const Plan plan = load::load_plan_text(make_or_buy_plan(busy_hour, 20, "", share_outsourcer(1)), "p.yaml");
  const auto r = require::compute(plan);
  const auto& levels = r.queues[0].shares;
  ASSERT_EQ(levels.size(), 5u);
  const double kept[] = {100, 75, 50, 25, 0};
  for (std::size_t l = 0; l < levels.size(); ++l) {
    EXPECT_DOUBLE_EQ(levels[l].share, 0.25 * static_cast<double>(l));
    EXPECT_EQ(levels[l].intervals[eight].agents, erlang_c_agents(kept[l], 180)) << "share " << levels[l].share;
  }
  // The pooling loss is counted: half the calls need more than half the agents.
  EXPECT_GT(levels[2].intervals[eight].agents, levels[0].intervals[eight].agents / 2);
  // Without outsourcers the requirement carries no share curves.
  const Plan plain = load::load_plan_text(make_or_buy_plan(busy_hour, 20, "", ""), "p.yaml");
  EXPECT_TRUE(require::compute(plain).queues[0].shares.empty());
}

TEST(MakeOrBuy, OutsourcingEverythingIsCheapest) {
  // $0.05/min: all 100 calls out cost 300 min × 0.05 = $15; keeping any share
  // costs at least N(25) × $20 = $60 in-house. Optimum: 100 %, $15, no agents.
  const Plan plan = load::load_plan_text(make_or_buy_plan(busy_hour, 20, "", share_outsourcer(0.05)), "p.yaml");
  const auto r = require::compute(plan);
  const auto s = solve(plan, r);
  ASSERT_TRUE(s.share[0]);
  EXPECT_DOUBLE_EQ(*s.share[0], 1.0);
  EXPECT_NEAR(s.cost, 300 * 0.05, 1e-6);
  EXPECT_NEAR(s.outsourced_cost, 15, 1e-6);
  EXPECT_NEAR(s.paid_cost, 0, 1e-9);
  EXPECT_TRUE(s.assignments.empty());
  EXPECT_EQ(s.status, optimize::Status::optimal);
}

TEST(MakeOrBuy, OutsourcingNothingIsCheapest) {
  // $10/min: 25 % out alone costs 75 min × 10 = $750 > N(100) × $20 = $160.
  // Optimum: 0 %, 8 agents, $160.
  const Plan plan = load::load_plan_text(make_or_buy_plan(busy_hour, 20, "", share_outsourcer(10)), "p.yaml");
  const auto r = require::compute(plan);
  const auto s = solve(plan, r);
  ASSERT_TRUE(s.share[0]);
  EXPECT_DOUBLE_EQ(*s.share[0], 0.0);
  EXPECT_NEAR(s.cost, erlang_c_agents(100, 180) * 20.0, 1e-6);
  EXPECT_NEAR(s.outsourced_cost, 0, 1e-9);
  EXPECT_TRUE(s.outsourced.empty());
}

TEST(MakeOrBuy, AShareInBetweenWins) {
  // $1/min with 5 seats: 0 % needs 8 agents (no room); 25 % needs N(75) = 6 (no
  // room); 50 %: 5 × $20 + 150 min × $1 = $250; 75 %: 3 × $20 + 225 = $285;
  // 100 %: $300. Optimum: 50 %, $250.
  const Plan plan =
      load::load_plan_text(make_or_buy_plan(busy_hour, 20, "    seats: 5\n", share_outsourcer(1)), "p.yaml");
  const auto r = require::compute(plan);
  const auto s = solve(plan, r);
  ASSERT_TRUE(s.share[0]);
  EXPECT_DOUBLE_EQ(*s.share[0], 0.5);
  const double expected = erlang_c_agents(50, 180) * 20.0 + 50 * 3 * 1.0;
  EXPECT_NEAR(s.cost, expected, 1e-6);
  EXPECT_NEAR(s.paid_cost, erlang_c_agents(50, 180) * 20.0, 1e-6);
  // The intervals view's requirement is the kept calls'.
  for (const auto& c : s.coverage)
    if (c.interval == eight) {
      EXPECT_EQ(c.required, erlang_c_agents(50, 180));
      EXPECT_DOUBLE_EQ(c.kept, 0.5);
    }
}

TEST(MakeOrBuy, WithoutZeroPercentTheSmallestShareIsAMinimum) {
  // shares [50%, 100%] at $10/min: keeping everything is not offered; 50 % costs
  // 5 × 20 + 150 × 10 = $1600 < 100 % at $3000.
  const std::string out = "outsourcers:\n  - { name: bpo, price_per_minute: 10, queues: [english], mode: share, "
                          "shares: [100%, 50%] }\n";
  const Plan plan = load::load_plan_text(make_or_buy_plan(busy_hour, 20, "", out), "p.yaml");
  const auto s = solve(plan, require::compute(plan));
  ASSERT_TRUE(s.share[0]);
  EXPECT_DOUBLE_EQ(*s.share[0], 0.5);
  EXPECT_NEAR(s.cost, 1600, 1e-6);
}

TEST(MakeOrBuy, IntervalsModeSendsOnlyWhatIsCheaperAndOpen) {
  // Calls at 02:00 (5) and 08:00 (100); the outsourcer is open 20:00-08:00 at $1/min.
  // 02:00: out 5 × 3 × 1 = $15 < N(5) = 2 agents × $20 = $40: out.
  // 08:00: outside its hours (08:00 is the end): 8 agents, $160.
  // Optimum: $175.
  const std::string rows = "        - { at: \"2026-11-23T02:00\", calls: 5 }\n" + busy_hour;
  const std::string out = "outsourcers:\n  - { name: bpo, price_per_minute: 1, queues: [english], mode: intervals, "
                          "open: \"20:00-08:00\" }\n";
  const Plan plan = load::load_plan_text(make_or_buy_plan(rows, 20, "", out), "p.yaml");
  const auto s = solve(plan, require::compute(plan));
  EXPECT_EQ(erlang_c_agents(5, 180), 2);
  EXPECT_NEAR(s.cost, 15 + 8 * 20.0, 1e-6);
  ASSERT_EQ(s.outsourced.size(), 1u);
  EXPECT_EQ(s.outsourced[0].interval, 2);
  EXPECT_NEAR(s.outsourced[0].calls, 5, 1e-9);
  // The same outsourcer open all day takes 08:00 too when it is cheaper:
  // 300 min × $0.5 = $150 < $160; 02:00: $7.5 < $40. Optimum $157.5.
  const std::string all_day = "outsourcers:\n  - { name: bpo, price_per_minute: 0.5, queues: [english], "
                              "mode: intervals }\n";
  const Plan plan2 = load::load_plan_text(make_or_buy_plan(rows, 20, "", all_day), "p.yaml");
  const auto s2 = solve(plan2, require::compute(plan2));
  EXPECT_NEAR(s2.cost, 157.5, 1e-6);
  EXPECT_TRUE(s2.assignments.empty());
}

TEST(MakeOrBuy, IntervalsModeKeepsWhatIsCheaperInHouse) {
  // $2/min: 08:00 out costs $600 > $160 in-house; 02:00 out $30 < $40: out.
  const std::string rows = "        - { at: \"2026-11-23T02:00\", calls: 5 }\n" + busy_hour;
  const std::string out = "outsourcers:\n  - { name: bpo, price_per_minute: 2, queues: [english], mode: intervals }\n";
  const Plan plan = load::load_plan_text(make_or_buy_plan(rows, 20, "", out), "p.yaml");
  const auto s = solve(plan, require::compute(plan));
  EXPECT_NEAR(s.cost, 30 + 160.0, 1e-6);
  EXPECT_NEAR(s.outsourced_cost, 30, 1e-6);
}

}  // namespace
}  // namespace staffplan

#include "optimize/columns.hpp"
#include "optimize/milp_model.hpp"

namespace staffplan {
namespace {

TEST(MakeOrBuy, FormulationHasNamedOutsourcingFamilies) {
  const Plan plan = load::load_plan_text(make_or_buy_plan(busy_hour, 20, "", share_outsourcer(1)), "p.yaml");
  const auto r = require::compute(plan);
  const auto columns = optimize::build_columns(plan);
  const auto m = optimize::build_milp(plan, r, columns, std::nullopt);
  const auto w = m.vars_of(optimize::VarFamily::share);
  ASSERT_EQ(w.size(), 5u);
  for (int v : w) EXPECT_TRUE(m.integer[v]);
  EXPECT_EQ(m.var_name(w[2]), "w[0,0,2]");
  // Share 50 % costs 150 minutes × $1; Cover(0, 8) needs N(100) = 8 less the relief.
  EXPECT_DOUBLE_EQ(m.cost[w[2]], 150.0);
  const auto choice = m.rows_of(optimize::RowFamily::choice);
  ASSERT_EQ(choice.size(), 1u);
  EXPECT_EQ(m.row_name(choice[0]), "Choice(0,0)");
  EXPECT_EQ(m.row_lb[choice[0]], 1);
  EXPECT_EQ(m.row_ub[choice[0]], 1);
  for (int row : m.rows_of(optimize::RowFamily::cover)) {
    EXPECT_EQ(m.row_lb[row], 8);
    // Relief of share 50 %: 8 − N(50) = 3 agents.
    EXPECT_DOUBLE_EQ(m.a.coeff(row, w[2]), 8 - erlang_c_agents(50, 180));
  }
}

}  // namespace
}  // namespace staffplan
