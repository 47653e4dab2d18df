// `--set PATH=VALUE` end to end (SPEC §12): on every command that reads a plan, an
// override gives byte for byte the output of the same plan edited by hand, and each
// class of bad override exits 2 with a message naming the argument, writing nothing.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "support/run_cli.hpp"

namespace {

using namespace staffplan::testing;  // run_staffplan, source_path, temp files

const std::string dst = source_path("tests/data/optimize/dst-week.yaml");

// The dst-week plan with `from` replaced by `to` (once), written to a temp folder.
std::string edited_copy(const std::string& from, const std::string& to) {
  std::string text = read_file(dst);
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  text.replace(at, from.size(), to);
  const std::string path = make_temp_dir() + "/dst-week.yaml";
  write_file(path, text);
  return path;
}

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& more) {
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

TEST(SetCli, PlanCostFollowsTheOverriddenHourlyCost) {
  // By hand (see PlanCli.DstWeekShiftsCsvByHand): 2 agents × 8 h each day, 2 days;
  // at 25 an hour: 2 × 8 × 25 × 2 = 800.
  const auto run = run_staffplan({"plan", dst, "--set", "sites.boston.hourly_cost=25", "-f", "csv", "--view",
                                  "summary"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out,
            "site,agents,paid_hours,cost,service_level,status,lower_bound,gap\r\n"
            "boston,4,32.00,800.00,,,,\r\n"
            "total,4,32.00,800.00,0.9154,optimal,800.00,0.000000\r\n");
}

TEST(SetCli, EveryCommandGivesTheOutputOfTheEditedFile) {
  struct Case {
    std::string set, from, to;
  };
  const std::vector<Case> cases = {
      {"sites.boston.hourly_cost=25", "hourly_cost: 20", "hourly_cost: 25"},
      {"goal.service_level=95%", "service_level: 80%", "service_level: 95%"},
      {"queues.english.aht=300s", "aht: 180s", "aht: 300s"},
      {"queues.english.forecast.rows.1.calls=30", "\"2026-11-01T09:00\", calls: 10", "\"2026-11-01T09:00\", calls: 30"},
      {"sites.0.shifts.day.length=9h", "length: 8h", "length: 9h"},
  };
  for (const Case& c : cases) {
    const std::string edited = edited_copy(c.from, c.to);
    const std::vector<std::vector<std::string>> commands = {
        {"require", "-f", "csv"},
        {"plan", "-f", "csv"},
        {"plan", "-f", "csv", "--view", "intervals"},
        {"simulate", "-f", "csv", "--replications", "3", "--threads", "1"},
        {"validate"},
    };
    for (const auto& command : commands) {
      std::vector<std::string> by_set = {command[0], dst, "--set", c.set};
      std::vector<std::string> by_edit = {command[0], edited};
      by_set = with(by_set, {command.begin() + 1, command.end()});
      by_edit = with(by_edit, {command.begin() + 1, command.end()});
      const auto a = run_staffplan(by_set);
      const auto b = run_staffplan(by_edit);
      ASSERT_EQ(a.exit_code, 0) << c.set << " " << command[0] << ": " << a.err;
      ASSERT_EQ(b.exit_code, 0) << c.set << " " << command[0] << ": " << b.err;
      EXPECT_EQ(a.out, b.out) << c.set << " " << command[0];
      EXPECT_FALSE(a.out.empty());
    }
    std::filesystem::remove_all(std::filesystem::path(edited).parent_path());
  }
}

TEST(SetCli, SeveralOverridesAndTheFlagBeforeThePlan) {
  const std::string edited = edited_copy("hourly_cost: 20", "hourly_cost: 30");
  const auto a = run_staffplan({"plan", "--set", "sites.boston.hourly_cost=25", "--set=sites.boston.hourly_cost=30",
                                dst, "-f", "csv"});
  const auto b = run_staffplan({"plan", edited, "-f", "csv"});
  ASSERT_EQ(a.exit_code, 0) << a.err;
  EXPECT_EQ(a.out, b.out);  // the later override of the same path wins
}

struct BadSet {
  std::string argument;
  std::string message;  // the whole stderr line
};

TEST(SetCli, EachClassOfBadOverrideExits2WithoutOutput) {
  const std::vector<BadSet> cases = {
      {"sites.boston.hourly_cost", "--set sites.boston.hourly_cost: error: expected PATH=VALUE, e.g. --set "
                                   "sites.manila.hourly_cost=11"},
      {"sites.bostn.hourly_cost=25", "--set sites.bostn.hourly_cost=25: error: sites has no item named 'bostn'; did "
                                     "you mean 'boston'?"},
      {"sites.boston.hourly_cots=25", "--set sites.boston.hourly_cots=25: error: unknown key 'hourly_cots' in "
                                      "sites[0]; did you mean 'hourly_cost'?"},
      {"queues.english.aht.mean=3m", "--set queues.english.aht.mean=3m: error: queues.english.aht is a single "
                                     "value ('180s'), so it has no part 'mean'"},
      {"sites.boston.hourly_cost=abc", "--set sites.boston.hourly_cost=abc: error: sites[boston].hourly_cost: "
                                       "expected a finite number, got 'abc'"},
      {"sites.2.hourly_cost=25", "--set sites.2.hourly_cost=25: error: sites has 1 item (0 to 0), so it has no "
                                 "item 2"},
  };
  const std::string dir = make_temp_dir();
  const std::string out = dir + "/out.csv";
  write_file(out, "before\n");
  for (const BadSet& c : cases) {
    for (const std::string command : {"require", "plan", "simulate", "validate"}) {
      std::vector<std::string> args = {command, dst, "--set", c.argument};
      if (command != "validate") args = with(args, {"-o", out});
      const auto run = run_staffplan(args);
      EXPECT_EQ(run.exit_code, 2) << command << " " << c.argument;
      EXPECT_EQ(run.out, "") << command;
      EXPECT_EQ(run.err, c.message + "\n") << command;
      EXPECT_EQ(read_file(out), "before\n") << command;
    }
  }
  std::filesystem::remove_all(dir);
}

TEST(SetCli, MissingValueIsAFlagError) {
  const auto run = run_staffplan({"plan", dst, "--set"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("--set needs a value"), std::string::npos) << run.err;
}

}  // namespace
