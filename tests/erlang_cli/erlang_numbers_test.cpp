// Issue 9, numbers at the edges of `staffplan erlang`: durations shorter than the
// microsecond durations are read to, a patience so long that Erlang A cannot be
// evaluated, and bare numbers (seconds) given to flags usually written in minutes.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/run_cli.hpp"

using staffplan::testing::run_staffplan;

namespace {

std::vector<std::string> erlang(const std::vector<std::string>& more) {
  std::vector<std::string> args = {"erlang", "--calls", "100", "--sl", "80%", "--within", "20s"};
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

TEST(ErlangNumbers, AhtBelowOneMicrosecondStatesTheRealMinimum) {
  const auto run = run_staffplan(erlang({"--aht", "1e-10s"}));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, "staffplan: error: --aht: must be at least 0.000001s (1 microsecond, the finest duration "
                     "staffplan reads), got '1e-10s'\n");
  // One microsecond is accepted: 100 calls of 1 us in 30 minutes need 1 agent.
  const auto ok = run_staffplan(erlang({"--aht", "0.000001s", "-f", "csv"}));
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
}

TEST(ErlangNumbers, VeryLongPatienceIsARangeErrorNotACrash) {
  const auto run = run_staffplan(erlang({"--aht", "180s", "--model", "erlang_a", "--patience", "1000000000h"}));
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_EQ(run.out, "");
  // patience / aht x Erlangs = 3.6e12 / 180 x (100 x 180 / 1800) = 2e11, over the 1e9 limit.
  EXPECT_EQ(run.err, "staffplan: error: patience 3600000000000s is too long to evaluate Erlang A with aht 180s and "
                     "10 Erlangs: patience / aht x Erlangs is 2e+11, the most that can be evaluated is 1e+09; "
                     "callers this patient practically never hang up, so use the erlang_c model\n");
  // Long but within the limit (x = 2e8): evaluated, and equal to Erlang C to 6 digits (the
  // classic 100 calls / 180 s / 30 min case: 14 agents, SL 0.888350).
  const auto ok = run_staffplan(erlang({"--aht", "180s", "--model", "erlang_a", "--patience", "1000000h", "-f", "csv"}));
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_NE(ok.out.find(",14,14,0.888350,"), std::string::npos) << ok.out;
}

TEST(ErlangNumbers, BareNumbersBelowSixtyWarnForMinuteFlags) {
  const auto run = run_staffplan(erlang({"--aht", "4", "--interval", "30", "-f", "csv"}));
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.err,
            "staffplan: warning: --aht 4 is read as 4 seconds (a bare number is seconds); write 4m for minutes, "
            "or 4s to say seconds\n"
            "staffplan: warning: --interval 30 is read as 30 seconds (a bare number is seconds); write 30m for "
            "minutes, or 30s to say seconds\n");
  // With units, at 60 or more, or with --quiet: no warning.
  for (const auto& args : {erlang({"--aht", "4s", "--interval", "30m"}), erlang({"--aht", "180", "--interval", "1800"}),
                           erlang({"--aht", "4", "--interval", "30m", "-q"})}) {
    const auto quiet = run_staffplan(args);
    EXPECT_EQ(quiet.exit_code, 0) << quiet.err;
    EXPECT_EQ(quiet.err, "");
  }
}

}  // namespace
