// `staffplan erlang --agents A..B` (the what-if curve) and `--trunks` (Erlang B line
// sizing) end to end. Range rows must equal separate `--agents N` runs in CSV and
// JSON; trunk sizes come from the published Erlang B table (1 % grade of service:
// 10 Erlangs need 18 lines, 100 Erlangs 117) and a hand calculation.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "support/run_cli.hpp"

using staffplan::testing::CliRun;
using staffplan::testing::run_staffplan;

namespace {

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& more) {
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

const std::vector<std::string> kLoad = {"erlang", "--calls", "100", "--aht", "180s", "--interval", "30m",
                                        "--within", "20s", "--shrinkage", "30%"};
const std::vector<std::string> kPatient = {"erlang", "--calls", "300",    "--aht",      "4m",     "--interval",
                                           "30m",    "--model", "erlang_a", "--patience", "90s", "--within", "15s"};

std::string without_spaces(std::string text) {
  text.erase(std::remove_if(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\n'; }), text.end());
  return text;
}

CliRun ok(const std::vector<std::string>& args) {
  CliRun run = run_staffplan(args);
  EXPECT_EQ(run.exit_code, 0) << run.err;
  return run;
}

void expect_bad(const std::vector<std::string>& args, const std::string& message) {
  const CliRun run = run_staffplan(args);
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, "staffplan: error: " + message + "\n");
}

}  // namespace

TEST(WhatIf, CsvRowsEqualSeparateRuns) {
  for (const auto& base : {kLoad, kPatient}) {
    const std::string range = ok(with(base, {"--agents", "8..16", "-f", "csv"})).out;
    std::string expected;
    for (int n = 8; n <= 16; ++n) {
      const std::string one = ok(with(base, {"--agents", std::to_string(n), "-f", "csv"})).out;
      expected += n == 8 ? one : one.substr(one.find("\r\n") + 2);  // one header row
    }
    EXPECT_EQ(range, expected);
  }
}

TEST(WhatIf, JsonRowsEqualSeparateRuns) {
  for (const auto& base : {kLoad, kPatient}) {
    const std::string range = ok(with(base, {"--agents", "10..13", "-f", "json"})).out;
    std::string expected = "{\"rows\":[";
    for (int n = 10; n <= 13; ++n)
      expected += std::string(n > 10 ? "," : "") + without_spaces(ok(with(base, {"--agents", std::to_string(n), "-f", "json"})).out);
    expected += "]}";
    EXPECT_EQ(without_spaces(range), expected);
  }
}

TEST(WhatIf, TableHasOneRowPerLevelAndMarksUnstableStaffing) {
  const std::string out = ok(with(kLoad, {"--agents", "9..14"})).out;
  // A = 10 Erlangs: 9 and 10 agents are unstable under Erlang C.
  EXPECT_NE(out.find("offered load 10.0000 Erlangs"), std::string::npos) << out;
  EXPECT_NE(out.find("inf: agents <= offered load"), std::string::npos) << out;
  // The classic case: 14 agents, 20 scheduled, SL 88.84 %.
  EXPECT_NE(out.find("    14         20  88.84%"), std::string::npos) << out;
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 3 + 2 + 6 + 1) << out;
}

TEST(WhatIf, DashRangeAndSingleLevelRange) {
  EXPECT_EQ(ok(with(kLoad, {"--agents", "12-14", "-f", "csv"})).out,
            ok(with(kLoad, {"--agents", "12..14", "-f", "csv"})).out);
  // 14..14 is a range of one level: JSON keeps the {"rows": [...]} shape.
  EXPECT_EQ(ok(with(kLoad, {"--agents", "14..14", "-f", "json"})).out.rfind("{\n  \"rows\": [", 0), 0u);
}

TEST(WhatIf, BadRanges) {
  expect_bad(with(kLoad, {"--agents", "60..40"}), "--agents: the range must go upwards, like 40..60, got '60..40'");
  expect_bad(with(kLoad, {"--agents", "40.."}), "--agents: a range needs both ends, like 40..60, got '40..'");
  expect_bad(with(kLoad, {"--agents", "0..20000"}),
             "--agents: a range prints one row per level, at most 10000; got 20001 levels in '0..20000'");
}

TEST(TrunksCli, SizesLinesFromThePublishedTable) {
  // 200 calls of 3 minutes in an hour: 10 Erlangs.
  const CliRun csv = ok({"erlang", "--trunks", "--calls", "200", "--aht", "3m", "--interval", "1h", "-f", "csv"});
  // Default target 1 %: 18 lines, B(18, 10) = 0.00714244 (the recursion by hand /
  // the published table's 10.44 Erlangs at 18 lines), lost = 200 B, carried = 10 (1 - B).
  EXPECT_EQ(csv.out,
            "model,calls,aht_s,interval_s,erlangs,lines,blocking,max_blocking,lost_calls,carried_erlangs,occupancy\r\n"
            "erlang_b,200,180,3600,10.000000,18,0.007142,0.010000,1.428,9.928576,0.551588\r\n");
  const CliRun lines = ok({"erlang", "--lines", "--calls", "2000", "--aht", "3m", "--interval", "1h", "--blocking",
                           "1%", "-f", "json"});
  EXPECT_NE(lines.out.find("\"lines\": 117,"), std::string::npos) << lines.out;  // 100 Erlangs
}

TEST(TrunksCli, RangeRowsEqualSeparateRuns) {
  const std::vector<std::string> base = {"erlang", "--trunks", "--calls", "40", "--aht", "3m", "--interval", "30m"};
  const std::string range = ok(with(base, {"--agents", "3..7", "-f", "csv"})).out;
  std::string expected;
  for (int n = 3; n <= 7; ++n) {
    const std::string one = ok(with(base, {"--agents", std::to_string(n), "-f", "csv"})).out;
    expected += n == 3 ? one : one.substr(one.find("\r\n") + 2);
  }
  EXPECT_EQ(range, expected);
  // A = 4 Erlangs: B(3) = (4^3/6) / (1 + 4 + 8 + 32/3) = 0.450704 by hand.
  EXPECT_NE(range.find("erlang_b,40,180,1800,4.000000,3,0.450704,,"), std::string::npos) << range;
}

TEST(TrunksCli, RefusesQueueFlags) {
  expect_bad({"erlang", "--trunks", "--calls", "10", "--aht", "3m", "--sl", "80%", "--within", "20s"},
             "--sl does not apply to --trunks (Erlang B: blocked calls are lost, nobody waits)");
  expect_bad({"erlang", "--calls", "10", "--aht", "3m", "--blocking", "1%"},
             "--blocking needs --trunks (Erlang B line sizing)");
  expect_bad({"erlang", "--trunks", "--calls", "10", "--aht", "3m", "--blocking", "0"},
             "--blocking: must be in (0, 1] (0% to 100%), got '0'");
  expect_bad({"erlang", "--trunks", "--calls", "10", "--aht", "3m", "--agents", "5", "--blocking", "1%"},
             "--blocking is a target for the search; with --agents the lines are given");
}
