// `staffplan simulate` end to end: determinism across threads, --plan JSON from
// `plan -f json`, --strict, and every class of bad flag with its exact message.
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <string>

#include "support/run_cli.hpp"

namespace {

using namespace staffplan::testing;  // run_staffplan, source_path, temp files

// One UTC day of hourly intervals, 30 calls/h of 300 s (A = 2.5 Erlangs), goal 80/20.
const std::string one_day = source_path("tests/data/simulate/one-day.yaml");

TEST(SimulateCli, SameSeedSameBytesWithOneOrTwoThreads) {
  const auto one = run_staffplan({"simulate", one_day, "--replications", "6", "--seed", "11",
                                  "--threads", "1", "-f", "json"});
  const auto two = run_staffplan({"simulate", one_day, "--replications", "6", "--seed", "11",
                                  "--threads", "2", "-f", "json"});
  ASSERT_EQ(one.exit_code, 0) << one.err;
  ASSERT_EQ(two.exit_code, 0) << two.err;
  EXPECT_EQ(one.out, two.out);
  EXPECT_NE(one.out.find("\"summary\": {"), std::string::npos);
  const auto other_seed = run_staffplan({"simulate", one_day, "--replications", "6", "--seed", "12", "-f", "json"});
  EXPECT_NE(one.out, other_seed.out);
}

TEST(SimulateCli, PlanJsonGivesTheSameStaffingAsSolving) {
  const std::string dir = make_temp_dir();
  const auto plan = run_staffplan({"plan", one_day, "-f", "json", "-o", dir + "/plan.json"});
  ASSERT_EQ(plan.exit_code, 0) << plan.err;
  const auto from_json = run_staffplan({"simulate", one_day, "--plan", dir + "/plan.json",
                                        "--replications", "3", "-f", "csv"});
  const auto solved = run_staffplan({"simulate", one_day, "--replications", "3", "-f", "csv"});
  ASSERT_EQ(from_json.exit_code, 0) << from_json.err;
  EXPECT_EQ(from_json.out, solved.out);
  // Header plus 24 hourly rows.
  EXPECT_EQ(std::count(from_json.out.begin(), from_json.out.end(), '\n'), 25);
}

// A --plan JSON with `productive` agents in each of the 24 hours.
std::string staffing_json(double productive) {
  std::string rows;
  for (int h = 0; h < 24; ++h)
    rows += (h ? ",\n" : "") + std::string("{\"start\": \"2026-11-23T") + (h < 10 ? "0" : "") +
            std::to_string(h) + ":00:00+00:00\", \"queue\": \"q\", \"productive\": " +
            std::to_string(productive) + "}";
  return "{\"intervals\": [\n" + rows + "\n]}\n";
}

TEST(SimulateCli, StrictExitsOneWhenTheGoalIsSurelyMissed) {
  // One agent for 2.5 Erlangs: the queue is overloaded all day, SL near 0.
  const std::string dir = make_temp_dir();
  write_file(dir + "/one.json", staffing_json(1));
  const auto run = run_staffplan({"simulate", one_day, "--plan", dir + "/one.json", "--replications", "5",
                                  "--strict", "-f", "csv", "--view", "summary"});
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_TRUE(std::regex_match(run.err, std::regex("staffplan: --strict: queue 'q' service level [0-9.]+% "
                                                   "\\(upper bound [0-9.]+%\\) is below its goal 80.0%\n")))
      << run.err;
  // The report is still written: it shows how far off the plan is.
  EXPECT_EQ(run.out.substr(0, 12), "queue,calls,");
}

TEST(SimulateCli, StrictPassesWithAmpleStaffing) {
  // Ten agents for 2.5 Erlangs: Erlang C gives SL(20 s) > 99.9 %.
  const std::string dir = make_temp_dir();
  write_file(dir + "/ten.json", staffing_json(10.4));
  const auto run = run_staffplan({"simulate", one_day, "--plan", dir + "/ten.json", "--replications", "5",
                                  "--strict", "-q"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.err, "");
}

TEST(SimulateCli, AhtCvOneIsExponential) {
  // SPEC §3: "1 = exponential". --aht-cv 1 must draw exactly what the default
  // (exponential) draws; another CV changes the handling times and the result.
  const std::vector<std::string> base{"simulate", one_day, "--replications", "3", "-f", "csv"};
  auto with = [&](std::vector<std::string> extra) {
    auto args = base;
    args.insert(args.end(), extra.begin(), extra.end());
    return run_staffplan(args);
  };
  const auto plain = with({});
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_EQ(with({"--aht-cv", "1"}).out, plain.out);
  EXPECT_NE(with({"--aht-cv", "0.5"}).out, plain.out);
}

struct BadFlag {
  std::vector<std::string> args;
  std::string message;
};

class SimulateBadFlag : public ::testing::TestWithParam<BadFlag> {};

TEST_P(SimulateBadFlag, ExitsTwoWithTheMessage) {
  std::vector<std::string> args{"simulate", one_day};
  for (const auto& a : GetParam().args) args.push_back(a);
  const auto run = run_staffplan(args);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err.substr(0, run.err.find('\n')), GetParam().message);
}

INSTANTIATE_TEST_SUITE_P(
    Flags, SimulateBadFlag,
    ::testing::Values(
        BadFlag{{"--replications", "0"}, "staffplan: error: --replications: Value 0 not in range 1 to 100000"},
        BadFlag{{"--seed", "-3"},
                "staffplan: error: --seed: expected a whole number from 0 to 18446744073709551615, got '-3'"},
        BadFlag{{"--seed", "99999999999999999999"},
                "staffplan: error: --seed: expected a whole number from 0 to 18446744073709551615, got "
                "'99999999999999999999'"},
        BadFlag{{"--aht-cv", "-1"}, "staffplan: error: --aht-cv: must be in [0, 100], got '-1'"},
        BadFlag{{"--aht-cv", "abc"}, "staffplan: error: --aht-cv: expected a finite number, got 'abc'"},
        BadFlag{{"--threads", "-1"}, "staffplan: error: --threads: Value -1 not in range 0 to 1024"},
        BadFlag{{"--view", "shifts"}, "staffplan: error: --view: shifts not in {intervals,summary,periods,groups}"}));

TEST(SimulateCli, MissingPlanJsonIsBadInputAndLeavesOutputUntouched) {
  const std::string dir = make_temp_dir();
  write_file(dir + "/out.csv", "previous\n");
  const auto run = run_staffplan({"simulate", one_day, "--plan", dir + "/none.json", "-o", dir + "/out.csv"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err, dir + "/none.json: error: cannot open the plan JSON file: no such file\n");
  EXPECT_EQ(read_file(dir + "/out.csv"), "previous\n");
}

TEST(SimulateCli, PlanJsonForAnotherPlanNamesFileLineAndColumn) {
  const std::string dir = make_temp_dir();
  std::string json = staffing_json(3);
  json.replace(json.find("\"queue\": \"q\""), 12, "\"queue\": \"x\"");
  write_file(dir + "/other.json", json);
  const auto run = run_staffplan({"simulate", one_day, "--plan", dir + "/other.json"});
  EXPECT_EQ(run.exit_code, 2);
  // Row 1 is line 2: {"start": "2026-11-23T00:00:00+00:00", "queue": "x", ... puts "x" at column 49.
  EXPECT_EQ(run.err.substr(0, run.err.find('\n')),
            dir + "/other.json:2:49: error: unknown queue 'x' (not in " + one_day + ")");
}

}  // namespace
