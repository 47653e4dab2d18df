// `staffplan plan` end to end: views, formats, determinism, DST, errors and exit codes.
#include <gtest/gtest.h>

#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "support/run_cli.hpp"

namespace {

using staffplan::testing::run_staffplan;
using staffplan::testing::source_path;

const std::string dst = source_path("tests/data/optimize/dst-week.yaml");

TEST(PlanCli, DstWeekShiftsCsvByHand) {
  // 10 calls/h at 180 s: A = 0.5 Erlang. Erlang C by hand: N = 1 gives
  // SL(20 s) = 1 - 0.5·e^(-0.5·20/180) = 0.527 < 80 %; N = 2: B(2, 0.5) = 0.0769,
  // C = 0.1, SL = 1 - 0.1·e^(-1.5·20/180) = 0.915, so 2 agents at 09:00 each day,
  // each covered by the 08:00 shift: 2 × 8 h × 20 = 320 per day. New York leaves
  // daylight saving on 2026-11-01 at 02:00: the offset is -04:00 on Saturday and
  // -05:00 on Sunday (25 h day), and the site-local start stays 08:00.
  const auto run = run_staffplan({"plan", dst, "-f", "csv"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out,
            "site,queue,shift,day,start_local,end_local,start,end,breaks,agents,paid_hours,cost\r\n"
            "boston,english,day,2026-10-31,08:00,16:00,2026-10-31T08:00:00-04:00,"
            "2026-10-31T16:00:00-04:00,,2,16.00,320.00\r\n"
            "boston,english,day,2026-11-01,08:00,16:00,2026-11-01T08:00:00-05:00,"
            "2026-11-01T16:00:00-05:00,,2,16.00,320.00\r\n");
}

// When the LP relaxation does not finish (this week's takes Clp about 40 s), plan
// still prints a plan: the greedy one, status time_limit, with a bound that needs no
// LP. That bound must be positive and below both the plan's cost and the week's LP
// value, 105 507.80 (HiGHS through scipy on the model tests/tools/export_mps writes:
// scripts/highs_check.py), since no honest bound can exceed the LP relaxation.
TEST(PlanCli, LpOutOfTimeStillGivesAPlanWithAnHonestBound) {
  const auto run = run_staffplan({"plan", source_path("tests/data/optimize/lp-too-slow-week.yaml"), "--time-limit",
                                  "5s", "-f", "csv", "--view", "summary", "-q"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::size_t at = run.out.find("total,");
  ASSERT_NE(at, std::string::npos) << run.out;
  std::vector<std::string> cells;
  std::stringstream line(run.out.substr(at, run.out.find('\r', at) - at));
  for (std::string cell; std::getline(line, cell, ',');) cells.push_back(cell);
  ASSERT_EQ(cells.size(), 8u) << run.out;  // total,agents,paid_hours,cost,service_level,status,lower_bound,gap
  EXPECT_EQ(cells[5], "time_limit");
  const double cost = std::stod(cells[3]), bound = std::stod(cells[6]);
  EXPECT_GT(bound, 0);
  EXPECT_LT(bound, cost);
  EXPECT_LE(bound, 105507.80);
  EXPECT_GE(cost, 105507.80);
}

// With CBC's coefficient dive on, CBC's first run on the outbound week died about 2 s
// in on an assertion inside Clp (ClpNonLinearCost.cpp:1064): the plan still came out,
// but the message reached stderr under -q and that CBC phase was lost. With -q a
// successful run writes nothing to stderr.
TEST(PlanCli, OutboundWeekRunsQuietlyWithoutAssertionsFromTheSolver) {
  const auto run = run_staffplan(
      {"plan", source_path("configs/outbound.yaml"), "--time-limit", "10s", "-f", "csv", "--view", "summary", "-q"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.err, "");
  EXPECT_NE(run.out.find("total,"), std::string::npos) << run.out;
}

TEST(PlanCli, SummaryCsvTotals) {
  const auto run = run_staffplan({"plan", dst, "-f", "csv", "--view", "summary"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  // Call-weighted SL at 2 agents in both intervals: 0.9154 (see above).
  EXPECT_EQ(run.out,
            "site,agents,paid_hours,cost,service_level,status,lower_bound,gap\r\n"
            "boston,4,32.00,640.00,,,,\r\n"
            "total,4,32.00,640.00,0.9154,optimal,640.00,0.000000\r\n");
}

TEST(PlanCli, IntervalsCsvHasTheSpecColumns) {
  const auto run = run_staffplan({"plan", dst, "-f", "csv", "--view", "intervals"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out.substr(0, run.out.find("\r\n")),
            "start,queue,calls,required,present,productive,shortfall,service_level,asa_s,occupancy");
  // 49 intervals: 24 on Saturday and 25 on the fall-back Sunday, plus the header.
  std::size_t lines = 0;
  for (char c : run.out) lines += c == '\n';
  EXPECT_EQ(lines, 50u);
  EXPECT_NE(run.out.find("2026-10-31T09:00:00-04:00,english,10.0,2,2.00,2.00,0,0.9154,"),
            std::string::npos);
}

TEST(PlanCli, TableHasSubtotalsAndStatus) {
  const auto run = run_staffplan({"plan", dst});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("shift subtotal"), std::string::npos);
  EXPECT_NE(run.out.find("site subtotal"), std::string::npos);
  EXPECT_NE(run.out.find("status optimal, cost 640.00, lower bound 640.00, gap 0.00%"),
            std::string::npos);
}

TEST(PlanCli, JsonCarriesAllThreeViews) {
  const auto run = run_staffplan({"plan", dst, "-f", "json", "--view", "summary"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  for (const char* key : {"\"summary\": {", "\"shifts\": [", "\"intervals\": [", "\"status\": \"optimal\"",
                          "\"cost\": 640", "\"lower_bound\": 640", "\"gap\": 0", "\"paid_hours\": 32",
                          "\"solve_seconds\": ", "\"sites\": [", "\"start_local\": \"08:00\""})
    EXPECT_NE(run.out.find(key), std::string::npos) << key;
}

TEST(PlanCli, SameInputSameOutput) {
  const std::string plan = source_path("configs/single-site.yaml");
  const auto a = run_staffplan({"plan", plan, "-f", "csv"});
  const auto b = run_staffplan({"plan", plan, "-f", "csv"});
  ASSERT_EQ(a.exit_code, 0) << a.err;
  EXPECT_EQ(a.out, b.out);
  // JSON too, except the measured solve time.
  const std::regex seconds("\"solve_seconds\": [0-9.]+");
  const auto ja = run_staffplan({"plan", plan, "-f", "json"});
  const auto jb = run_staffplan({"plan", plan, "-f", "json"});
  EXPECT_EQ(std::regex_replace(ja.out, seconds, ""), std::regex_replace(jb.out, seconds, ""));
}

TEST(PlanCli, UncoveredIntervalIsExitOneWithReason) {
  const auto run = run_staffplan({"plan", source_path("tests/data/optimize/uncovered-night.yaml")});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err,
            "staffplan: cannot cover the requirement (1 interval; see --allow-shortfall):\n"
            "  queue english, interval 2026-11-23T03:00:00-05:00: no shift of a site serving "
            "english covers it\n");
}

TEST(PlanCli, AllowShortfallListsTheShortfall) {
  // 20 calls at 180 s in 1 h (1 Erlang) need 3 agents for 80 % in 20 s (Erlang C:
  // N = 2 gives C = 1/3, SL = 1 - e^(-1·20/180)/3 = 0.702; N = 3 gives C = 1/11,
  // SL = 1 - e^(-2·20/180)/11 = 0.927). At 03:00 nothing can work: 3 agent-hours short at 200 = 600.
  // At 09:00, 3 agents on the 8 h shift cost 3 × 8 × 20 = 480 < 600: staffed.
  const auto run = run_staffplan({"plan", source_path("tests/data/optimize/uncovered-night.yaml"),
                                  "--allow-shortfall", "200", "--view", "summary"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("shortfall: 3.00 agent-hours, penalty 600.00"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("status optimal, cost 1080.00"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("  2026-11-23T03:00:00-05:00 english: 3 of 3 agents short (0.00 productive; service evaluated at 0)"),
            std::string::npos)
      << run.out;
}

struct BadFlag {
  std::vector<std::string> args;
  std::string message;
};

TEST(PlanCli, BadFlagsAreExitTwoWithTheFlagNamed) {
  const std::vector<BadFlag> cases = {
      {{"--time-limit", "abc"},
       "staffplan: error: --time-limit: expected a duration like 20s, 5m or 1h30m (a bare number is "
       "seconds), got 'abc'\n"},
      {{"--time-limit", "0s"}, "staffplan: error: --time-limit: must be positive, got '0s'\n"},
      {{"--gap", "1.5"}, "staffplan: error: --gap: must be in [0, 1), got '1.5'\n"},
      {{"--threads", "0"}, "staffplan: error: --threads: must be between 1 and 64, got 0\n"},
      {{"--allow-shortfall", "x"}, "staffplan: error: --allow-shortfall: expected a finite number, got 'x'\n"},
      {{"--allow-shortfall", "-1"},
       "staffplan: error: --allow-shortfall: the penalty per missing agent-hour must be >= 0, got '-1'\n"},
  };
  for (const auto& c : cases) {
    std::vector<std::string> args = {"plan", dst};
    args.insert(args.end(), c.args.begin(), c.args.end());
    const auto run = run_staffplan(args);
    EXPECT_EQ(run.exit_code, 2) << c.args[0];
    EXPECT_EQ(run.out, "");
    EXPECT_EQ(run.err, c.message);
  }
}

}  // namespace

// Ctrl-C during `plan` is tested in tests/hardening/sigint_test.cpp, which waits
// until the command has installed its handler (after loading) before signalling;
// a fixed delay from process start can still land in Clp's LP under ASan.

namespace {

TEST(PlanCli, BreaksAreListedInSiteLocalTime) {
  // 20 calls of 180 s in 15 min: A = 4 Erlangs. Erlang C by hand (Erlang B
  // recursion B(n) = A·B(n-1)/(n + A·B(n-1))): N = 6 gives B = 0.1172, C = 0.2848,
  // SL(20 s) = 1 - 0.2848·e^(-2·20/180) = 0.772 < 80 %; N = 7 gives B = 0.0628,
  // C = 0.1351, SL = 1 - 0.1351·e^(-3·20/180) = 0.903. So 7 agents on the only shift,
  // paid 8 h - 30 min unpaid = 7.5 h at 20: 7 × 7.5 × 20 = 1050. London 14:00 is
  // New York 09:00; the breaks are at +3 h (17:00) and +5 h 30 min (19:30) London.
  const auto run = run_staffplan({"plan", source_path("tests/data/optimize/london-breaks.yaml"), "-f", "csv"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out,
            "site,queue,shift,day,start_local,end_local,start,end,breaks,agents,paid_hours,cost\r\n"
            "london,english,day,2026-11-23,14:00,22:00,2026-11-23T09:00:00-05:00,"
            "2026-11-23T17:00:00-05:00,17:00-17:30;19:30-19:45,7,52.50,1050.00\r\n");
}

}  // namespace
