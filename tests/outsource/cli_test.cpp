// `staffplan plan` and `simulate` with outsourcers, through the binary: the
// outsourced rows rebuilt independently, the cost split, kept-only simulation,
// bad input.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "make_or_buy.hpp"
#include "support/run_cli.hpp"

namespace staffplan {
namespace {

using ::testing::HasSubstr;
using testing::make_temp_dir;
using testing::run_staffplan;
using testing::write_file;

// 02:00 (5 calls), 08:00 (100) and 14:00 (40 calls of aht 240 s given per row).
const std::string rows = "        - { at: \"2026-11-23T02:00\", calls: 5 }\n"
                         "        - { at: \"2026-11-23T08:00\", calls: 100 }\n"
                         "        - { at: \"2026-11-23T14:00\", calls: 40, aht: 240s }\n";

std::string plan_file(const std::string& outsourcers) {
  const std::string dir = make_temp_dir();
  write_file(dir + "/plan.yaml", test::make_or_buy_plan(rows, 20, "", outsourcers));
  return dir + "/plan.yaml";
}

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> cells;
  std::stringstream in(line);
  for (std::string cell; std::getline(in, cell, ',');) cells.push_back(cell);
  return cells;
}

std::vector<std::vector<std::string>> csv_rows(const std::string& text) {
  std::vector<std::vector<std::string>> out;
  std::stringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    out.push_back(split(line));
  }
  return out;
}

TEST(OutsourceCli, OutsourcedRowsRebuildFromCallsAhtAndPrice) {
  // 25 % of every interval at $0.40/min (shares offered: only 25 %): the rows must
  // say calls = 0.25 × forecast, minutes = calls × aht / 60, cost = minutes × 0.40.
  const std::string plan = plan_file(
      "outsourcers:\n  - { name: bpo, price_per_minute: 0.40, queues: [english], mode: share, shares: [25%] }\n");
  const auto run = run_staffplan({"plan", plan, "--view", "outsourced", "-f", "csv"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto table = csv_rows(run.out);
  ASSERT_EQ(table.size(), 2u);
  EXPECT_EQ(table[0], (std::vector<std::string>{"outsourcer", "queue", "day", "calls", "minutes", "cost"}));
  const double calls = 0.25 * (5 + 100 + 40);
  const double minutes = 0.25 * (5 * 3 + 100 * 3 + 40 * 4);
  EXPECT_EQ(table[1][0], "bpo");
  EXPECT_EQ(table[1][2], "2026-11-23");
  EXPECT_NEAR(std::stod(table[1][3]), calls, 0.05);
  EXPECT_NEAR(std::stod(table[1][4]), minutes, 0.05);
  EXPECT_NEAR(std::stod(table[1][5]), minutes * 0.40, 0.005);

  // Summary: cost = in-house + outsourced, the outsourced part as rebuilt above.
  const auto summary = run_staffplan({"plan", plan, "--view", "summary", "-f", "csv"});
  ASSERT_EQ(summary.exit_code, 0) << summary.err;
  const auto s = csv_rows(summary.out);
  EXPECT_EQ(s[0][3], "cost");
  EXPECT_EQ(s[0][4], "inhouse_cost");
  EXPECT_EQ(s[0][5], "outsourced_cost");
  const auto& total = s.back();
  EXPECT_EQ(total[0], "total");
  EXPECT_NEAR(std::stod(total[5]), minutes * 0.40, 0.005);
  EXPECT_NEAR(std::stod(total[3]), std::stod(total[4]) + std::stod(total[5]), 0.006);

  // JSON: the same rows as `outsourced`, and the split in the summary.
  const auto json = run_staffplan({"plan", plan, "-f", "json"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_THAT(json.out, HasSubstr("\"inhouse_cost\": "));
  EXPECT_THAT(json.out, HasSubstr("\"outsourced_cost\": 47"));  // 118.75 min × 0.40 = 47.5
  EXPECT_THAT(json.out, HasSubstr("\"outsourced\": ["));
  EXPECT_THAT(json.out, HasSubstr("\"minutes\": 118.8"));
}

TEST(OutsourceCli, IntervalsModeRowsPerDayAndRequiredAfterOutsourcing) {
  // Open 20:00-08:00 at $1/min: 02:00 goes out (5 × 3 = $15 < 2 agents × $20).
  const std::string plan = plan_file("outsourcers:\n  - { name: night, price_per_minute: 1, queues: [english], "
                                     "mode: intervals, open: \"20:00-08:00\" }\n");
  const auto out = run_staffplan({"plan", plan, "--view", "outsourced", "-f", "csv"});
  ASSERT_EQ(out.exit_code, 0) << out.err;
  const auto t = csv_rows(out.out);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[1], (std::vector<std::string>{"night", "english", "2026-11-23", "5.0", "15.0", "15.00"}));
  const auto iv = run_staffplan({"plan", plan, "--view", "intervals", "-f", "csv"});
  ASSERT_EQ(iv.exit_code, 0) << iv.err;
  const auto r = csv_rows(iv.out);
  EXPECT_EQ(r[0][3], "outsourced_calls");
  // Row 3 is 02:00: nothing kept, 5 out, nothing required in-house.
  EXPECT_EQ(r[3][2], "0.0");
  EXPECT_EQ(r[3][3], "5.0");
  EXPECT_EQ(r[3][4], "0");
  // 08:00 stays: N(100) = 8 from the Erlang C formula.
  EXPECT_EQ(r[9][4], std::to_string(test::erlang_c_agents(100, 180)));
}

TEST(OutsourceCli, SimulateRunsTheKeptCallsOnlyAndSaysSo) {
  const std::string plan = plan_file(
      "outsourcers:\n  - { name: bpo, price_per_minute: 0.40, queues: [english], mode: share, shares: [50%] }\n");
  const auto run = run_staffplan({"simulate", plan, "--replications", "3", "--threads", "1", "-f", "json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.err, HasSubstr("simulating the calls kept in-house only; 72.5 calls go to outsourcers"));
  EXPECT_THAT(run.out, HasSubstr("\"simulated_calls\": \"inhouse\""));
  EXPECT_THAT(run.out, HasSubstr("\"outsourced_calls\": 72.5"));
  // The simulated queue's calls are the kept half: (5 + 100 + 40) / 2.
  EXPECT_THAT(run.out, HasSubstr("\"calls\": 72.5"));
  const auto table = run_staffplan({"simulate", plan, "--replications", "3", "--threads", "1", "-q"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_THAT(table.out, HasSubstr("in-house calls only: the 72.5 calls sent to outsourcers are not simulated"));
  // From a plan JSON too.
  const std::string dir = make_temp_dir();
  const auto json = run_staffplan({"plan", plan, "-f", "json", "-o", dir + "/p.json"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const auto from_json = run_staffplan(
      {"simulate", plan, "--plan", dir + "/p.json", "--replications", "3", "--threads", "1", "-f", "json", "-q"});
  ASSERT_EQ(from_json.exit_code, 0) << from_json.err;
  EXPECT_THAT(from_json.out, HasSubstr("\"outsourced_calls\": 72.5"));
}

TEST(OutsourceCli, BadOutsourcerExitsTwoAndWritesNothing) {
  const std::string plan = plan_file(
      "outsourcers:\n  - { name: bpo, price_per_minute: 0.40, queues: [english], mode: sometimes }\n");
  const std::string dir = make_temp_dir();
  const auto run = run_staffplan({"plan", plan, "-o", dir + "/out.csv"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("plan.yaml:24:67: error: outsourcers[bpo].mode: unknown mode 'sometimes' (expected share or intervals)"));
  EXPECT_FALSE(std::ifstream(dir + "/out.csv").good());
}

}  // namespace
}  // namespace staffplan

namespace staffplan {
namespace {

TEST(OutsourceCli, ExampleConfigsAreValid) {
  for (const char* config : {"configs/make-or-buy.yaml", "configs/make-or-buy-intervals.yaml"}) {
    const auto run = testing::run_staffplan({"validate", testing::source_path(config)});
    EXPECT_EQ(run.exit_code, 0) << config << "\n" << run.err;
    EXPECT_EQ(run.out, "ok\n") << config;
  }
}

TEST(OutsourceCli, RequireJsonCarriesTheShareCurves) {
  const std::string dir = testing::make_temp_dir();
  testing::write_file(dir + "/plan.yaml",
                      test::make_or_buy_plan("        - { at: \"2026-11-23T08:00\", calls: 100 }\n", 20, "",
                                             "outsourcers:\n  - { name: bpo, price_per_minute: 1, queues: [english], "
                                             "mode: share, shares: [0%, 50%] }\n"));
  const auto run = testing::run_staffplan({"require", dir + "/plan.yaml", "-f", "json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("\"outsourcing\": ["));
  // 50 % of 100 calls: N(50) = 5 agents for one hour (Erlang C formula in the test).
  EXPECT_EQ(test::erlang_c_agents(50, 180), 5);
  EXPECT_THAT(run.out, HasSubstr("\"share\": 0.5,\n      \"agent_hours\": 5,"));
}

}  // namespace
}  // namespace staffplan
