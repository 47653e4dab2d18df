// `staffplan erlang` end to end through the built binary: the three formats, --agents,
// and one test per class of bad input with its exact message (exit 2, nothing on stdout).
// Expected numbers: the classic published Erlang C case (100 calls / 30 min, AHT 180 s,
// 80/20, max occupancy 85 %, shrinkage 30 % -> 14 agents, 20 scheduled, SL 0.888350,
// P(wait) 0.174132) and mpmath values: ASA = C aht / (N - A) = 0.1741319336 * 180 / 4
// = 7.835937 s; occupancy 10/14 = 0.714286.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "support/run_cli.hpp"

using staffplan::testing::CliRun;
using staffplan::testing::run_staffplan;

namespace {

const std::vector<std::string> kClassic = {"erlang",          "--calls",    "100", "--aht",    "180s",
                                           "--interval",      "30m",        "--sl", "80%",     "--within",
                                           "20s",             "--max-occupancy", "85%", "--shrinkage", "30%"};

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& more) {
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

// The number after "key": in a JSON document (our writer puts one field per line).
double json_number(const std::string& json, const std::string& key) {
  const auto at = json.find("\"" + key + "\": ");
  if (at == std::string::npos) return -1;
  return std::stod(json.substr(at + key.size() + 4));
}

std::string json_text(const std::string& json, const std::string& key) {
  const auto at = json.find("\"" + key + "\": ");
  if (at == std::string::npos) return "<missing>";
  const auto start = at + key.size() + 4;
  return json.substr(start, json.find_first_of(",\n", start) - start);
}

void expect_bad(const std::vector<std::string>& args, const std::string& message) {
  const CliRun run = run_staffplan(args);
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, "staffplan: error: " + message + "\n");
}

}  // namespace

TEST(ErlangCli, TableShowsTheClassicCase) {
  const CliRun run = run_staffplan(kClassic);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.err, "");
  EXPECT_EQ(run.out,
            "metric         value\n"
            "-----------------------------------------\n"
            "model          erlang_c\n"
            "calls          100\n"
            "aht            3m\n"
            "interval       30m\n"
            "offered load   10.0000 Erlangs\n"
            "-----------------------------------------\n"
            "agents         14\n"
            "scheduled      20 (after shrinkage)\n"
            "service level  88.84% answered within 20s\n"
            "asa            7.84 s\n"
            "occupancy      71.43%\n"
            "p(wait)        17.41%\n");
}

TEST(ErlangCli, CsvIsOneHeaderAndOneRow) {
  const CliRun run = run_staffplan(with(kClassic, {"-f", "csv"}));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out,
            "model,calls,aht_s,interval_s,erlangs,agents,scheduled,service_level,asa_s,occupancy,p_wait,p_abandon\r\n"
            "erlang_c,100,180,1800,10.000000,14,20,0.888350,7.836,0.714286,0.174132,\r\n");
}

TEST(ErlangCli, JsonHasExactlyTheSpecFields) {
  const CliRun run = run_staffplan(with(kClassic, {"--format", "json"}));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::string& j = run.out;
  std::string keys;
  for (std::size_t at = j.find("\n  \""); at != std::string::npos; at = j.find("\n  \"", at + 1))
    keys += j.substr(at + 4, j.find('"', at + 4) - at - 4) + " ";
  EXPECT_EQ(keys, "model calls aht_s interval_s erlangs agents scheduled service_level answer_within_s asa_s occupancy p_wait p_abandon ");
  EXPECT_EQ(json_text(j, "model"), "\"erlang_c\"");
  EXPECT_EQ(json_text(j, "agents"), "14");
  EXPECT_EQ(json_text(j, "scheduled"), "20");
  EXPECT_EQ(json_text(j, "p_abandon"), "null");
  EXPECT_EQ(json_number(j, "erlangs"), 10);
  EXPECT_NEAR(json_number(j, "service_level"), 0.888350, 5e-7);
  EXPECT_NEAR(json_number(j, "p_wait"), 0.174132, 5e-7);
  EXPECT_NEAR(json_number(j, "asa_s"), 7.835937, 5e-6);
  EXPECT_NEAR(json_number(j, "occupancy"), 10.0 / 14, 1e-15);
}

TEST(ErlangCli, AgentsEvaluatesInsteadOfSearching) {
  // A = 10, N = 12: Erlang C table value P(wait) = 0.4493882.
  const CliRun run = run_staffplan({"erlang", "--calls", "100", "--aht", "3m", "--agents", "12", "-f", "json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(json_text(run.out, "agents"), "12");
  EXPECT_NEAR(json_number(run.out, "p_wait"), 0.4493882, 5e-8);
}

TEST(ErlangCli, AgentsAtOrBelowTheLoadReportAnUnstableQueue) {
  const CliRun run = run_staffplan({"erlang", "--calls", "100", "--aht", "3m", "--agents", "10", "-f", "json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(json_text(run.out, "asa_s"), "null");
  EXPECT_EQ(json_text(run.out, "service_level"), "0");
  EXPECT_EQ(json_text(run.out, "p_wait"), "1");
}

TEST(ErlangCli, ErlangAWithPatience) {
  // Published Erlang A case: 14 agents, patience 300 s: P(wait) 0.145260, P(abandon) 0.013984,
  // SL(20 s) 0.916792.
  const CliRun run = run_staffplan({"erlang", "--calls", "100", "--aht", "3m", "--model", "erlang_a", "--patience",
                                    "5m", "--agents", "14", "--within", "20s", "-f", "json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(json_text(run.out, "model"), "\"erlang_a\"");
  EXPECT_NEAR(json_number(run.out, "p_wait"), 0.145260, 5e-7);
  EXPECT_NEAR(json_number(run.out, "p_abandon"), 0.013984, 5e-7);
  EXPECT_NEAR(json_number(run.out, "service_level"), 0.916792, 5e-7);
  // 400 calls / 30 min, AHT 240 s, patience 60 s, 80/20: 51 agents.
  const CliRun search = run_staffplan({"erlang", "--calls", "400", "--aht", "4m", "--model", "erlang_a", "--patience",
                                       "60s", "--sl", "0.8", "--within", "20", "-f", "csv"});
  ASSERT_EQ(search.exit_code, 0) << search.err;
  EXPECT_NE(search.out.find("\r\nerlang_a,400,240,1800,53.333333,51,51,"), std::string::npos) << search.out;
}

TEST(ErlangCli, ZeroCallsNeedNoAgents) {
  const CliRun run = run_staffplan({"erlang", "--calls", "0", "--aht", "3m", "--sl", "80%", "--within", "20s", "-f",
                                    "json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(json_text(run.out, "agents"), "0");
  EXPECT_EQ(json_text(run.out, "scheduled"), "0");
}

TEST(ErlangCli, SameInputSameBytes) {
  const std::vector<std::string> args = {"erlang", "--calls", "4321", "--aht", "4m", "--model", "erlang_a",
                                         "--patience", "90s", "--sl", "85%", "--within", "30s", "--asa", "20s",
                                         "-f", "json"};
  const CliRun first = run_staffplan(args);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(run_staffplan(args).out, first.out);
}

TEST(ErlangCli, BadNumbersNameTheFlagAndValue) {
  expect_bad({"erlang", "--calls", "abc", "--aht", "3m", "--asa", "20s"}, "--calls: expected a finite number, got 'abc'");
  expect_bad({"erlang", "--calls", "inf", "--aht", "3m", "--asa", "20s"}, "--calls: expected a finite number, got 'inf'");
  expect_bad({"erlang", "--calls", "nan", "--aht", "3m", "--asa", "20s"}, "--calls: expected a finite number, got 'nan'");
  expect_bad({"erlang", "--calls=-5", "--aht", "3m", "--asa", "20s"}, "--calls: must be 0 or more, got '-5'");
  expect_bad({"erlang", "--calls", "10", "--aht", "3m", "--agents", "2.5"},
             "--agents: expected a whole number from 0 to 2147483647, got '2.5'");
}

TEST(ErlangCli, BadDurationsNameTheFlagAndValue) {
  const std::string duration = "expected a duration like 20s, 5m or 1h30m (a bare number is seconds), got ";
  expect_bad({"erlang", "--calls", "10", "--aht", "m", "--asa", "20s"}, "--aht: " + duration + "'m'");
  expect_bad({"erlang", "--calls", "10", "--aht", "0s", "--asa", "20s"}, "--aht: must be longer than 0, got '0s'");
  expect_bad({"erlang", "--calls", "10", "--aht", "3m", "--interval", "0", "--asa", "20s"},
             "--interval: must be longer than 0, got '0'");
  expect_bad({"erlang", "--calls", "10", "--aht", "3m", "--interval", "half", "--asa", "20s"},
             "--interval: " + duration + "'half'");
  expect_bad({"erlang", "--calls", "10", "--aht", "3m", "--sl", "80%", "--within", "-5s"},
             "--within: " + duration + "'-5s'");
  expect_bad({"erlang", "--calls", "10", "--aht", "3m", "--asa", "0s"}, "--asa: must be longer than 0, got '0s'");
  expect_bad({"erlang", "--calls", "10", "--aht", "3m", "--asa", "20s", "--model", "erlang_a", "--patience", "0"},
             "--patience: must be longer than 0, got '0'");
}

TEST(ErlangCli, FractionsOutOfRangeNameTheFlagAndValue) {
  expect_bad({"erlang", "--calls", "10", "--aht", "3m", "--sl", "abc", "--within", "20s"},
             "--sl: expected a fraction like 0.8 or 80%, got 'abc'");
  expect_bad({"erlang", "--calls", "10", "--aht", "3m", "--sl", "150%", "--within", "20s"},
             "--sl: must be in (0, 1] (0% to 100%), got '150%'");
  expect_bad({"erlang", "--calls", "10", "--aht", "3m", "--sl", "0", "--within", "20s"},
             "--sl: must be in (0, 1] (0% to 100%), got '0'");
  expect_bad({"erlang", "--calls", "10", "--aht", "3m", "--asa", "20s", "--shrinkage", "1"},
             "--shrinkage: must be in [0, 1) (0% to 100%, 100% excluded), got '1'");
  expect_bad({"erlang", "--calls", "10", "--aht", "3m", "--asa", "20s", "--shrinkage=-10%"},
             "--shrinkage: must be in [0, 1) (0% to 100%, 100% excluded), got '-10%'");
  expect_bad({"erlang", "--calls", "10", "--aht", "3m", "--asa", "20s", "--max-occupancy", "0%"},
             "--max-occupancy: must be in (0, 1] (0% to 100%), got '0%'");
  expect_bad({"erlang", "--calls", "10", "--aht", "3m", "--model", "erlang_a", "--patience", "1m", "--max-abandon",
              "100%"},
             "--max-abandon: must be in [0, 1) (0% to 100%, 100% excluded), got '100%'");
}

TEST(ErlangCli, InconsistentFlagsAreExplained) {
  expect_bad({"erlang", "--calls", "10", "--aht", "3m"},
             "give at least one goal (--sl, --asa or --max-abandon), or --agents N to evaluate a staffing");
  expect_bad({"erlang", "--calls", "10", "--aht", "3m", "--asa", "20s", "--model", "erlang_b"},
             "--model: expected erlang_c or erlang_a, got 'erlang_b'");
  expect_bad({"erlang", "--calls", "10", "--aht", "3m", "--asa", "20s", "--model", "erlang_a"},
             "--model erlang_a needs --patience (how long callers wait on average before hanging up, e.g. 2m)");
  expect_bad({"erlang", "--calls", "10", "--aht", "3m", "--asa", "20s", "--patience", "2m"},
             "--patience needs --model erlang_a (Erlang C callers never hang up)");
  expect_bad({"erlang", "--calls", "10", "--aht", "3m", "--max-abandon", "5%"},
             "--max-abandon needs --model erlang_a (Erlang C callers never hang up)");
}

TEST(ErlangCli, UnreachableGoalsAreBadInput) {
  expect_bad({"erlang", "--calls", "10", "--aht", "3m", "--sl", "100%", "--within", "1h"},
             "a service level of 100% cannot be met with any number of agents");
  expect_bad({"erlang", "--calls", "10", "--aht", "3m", "--model", "erlang_a", "--patience", "1m", "--max-abandon", "0"},
             "a max abandonment of 0% cannot be met with any number of agents");
}

TEST(ErlangCli, MissingRequiredFlag) {
  const CliRun run = run_staffplan({"erlang", "--aht", "3m", "--asa", "20s"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, "staffplan: error: --calls is required\nRun with --help for usage.\n");
}

TEST(ErlangCli, OutputFileHoldsTheResult) {
  const std::string dir = staffplan::testing::make_temp_dir();
  const std::string path = dir + "/result.csv";
  const CliRun run = run_staffplan(with(kClassic, {"-f", "csv", "-o", path}));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(staffplan::testing::read_file(path).substr(0, 6), "model,");
  std::remove(path.c_str());
}
