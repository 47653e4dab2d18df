// `staffplan require` end to end. The expected CSV files under tests/data/plans/
// were written by tests/data/plans/reference_require.py, an independent Erlang C and
// Erlang A implementation (mpmath, 40 digits; Python zoneinfo for the clock) that
// shares no code with staffplan; it reproduces the published Erlang A case of
// tests/queueing (P(wait) 0.145260, P(abandon) 0.013984, SL 0.916792). Regenerate with:
//   python3 tests/data/plans/reference_require.py PLAN.yaml > tests/data/plans/NAME.expected.csv
#include <gtest/gtest.h>

#include <filesystem>

#include "support/run_cli.hpp"

namespace {

using namespace staffplan::testing;  // run_staffplan, source_path, temp files

struct Golden {
  const char* plan;
  const char* expected;
};

class RequireGolden : public ::testing::TestWithParam<Golden> {};

TEST_P(RequireGolden, CsvMatchesTheIndependentReference) {
  const auto run = run_staffplan({"require", source_path(GetParam().plan), "-f", "csv"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, read_file(source_path(GetParam().expected)));
}

INSTANTIATE_TEST_SUITE_P(
    Plans, RequireGolden,
    ::testing::Values(Golden{"tests/data/plans/published.yaml", "tests/data/plans/published.expected.csv"},
                      Golden{"configs/single-site.yaml", "tests/data/plans/single-site.expected.csv"},
                      Golden{"configs/forecast/rows.yaml", "tests/data/plans/rows.expected.csv"},
                      Golden{"configs/forecast/csv.yaml", "tests/data/plans/csv.expected.csv"},
                      Golden{"tests/data/plans/erlang-a.yaml", "tests/data/plans/erlang-a.expected.csv"},
                      Golden{"configs/follow-the-sun.yaml", "tests/data/plans/follow-the-sun.expected.csv"},
                      // Opening hours per weekday (min_agents only while open, overnight
                      // hours, a daylight-saving Sunday) and the shared multi-queue CSV.
                      Golden{"configs/forecast/weekday-hours.yaml", "tests/data/plans/weekday-hours.expected.csv"}));

TEST(RequireCli, PublishedCaseRowByHand) {
  // 100 calls in 30 min at 180 s = 10 Erlangs; 80 % in 20 s needs 14 agents
  // (Erlang C: 13 give 79.56 %, 14 give 88.84 %); 14 / 0.7 = 20 scheduled.
  const auto run = run_staffplan({"require", source_path("tests/data/plans/published.yaml"), "-f", "csv"});
  EXPECT_NE(run.out.find("\r\n2026-11-01T08:00:00-05:00,calls,100.00,180.0,10.000,14,20,0.8884,"),
            std::string::npos);
}

TEST(RequireCli, TableFitsEightyColumnsAndEndsWithTotals) {
  const auto run = run_staffplan({"require", source_path("configs/follow-the-sun.yaml")});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::size_t longest = 0, from = 0;
  while (from < run.out.size()) {
    const std::size_t end = run.out.find('\n', from);
    longest = std::max(longest, end - from);
    from = end + 1;
  }
  EXPECT_LE(longest, 80u);
  EXPECT_NE(run.out.find("Required agent-hours per day"), std::string::npos);
  EXPECT_NE(run.out.find("Required agent-hours per queue"), std::string::npos);
}

TEST(RequireCli, TableTotalsAreSumsOfTheIntervals) {
  // published.yaml: agents 14, 24, 14, 14, 1 in five half hours = 67 * 0.5 = 33.5
  // agent-hours; scheduled 20 + 35 + 20 + 20 + 2 = 97 * 0.5 = 48.5; calls 450.5.
  const auto run = run_staffplan({"require", source_path("tests/data/plans/published.yaml")});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("all           450.5     33.5     48.5    24"), std::string::npos) << run.out;
}

TEST(RequireCli, JsonCarriesPlanAndTotals) {
  const auto run = run_staffplan({"require", source_path("tests/data/plans/published.yaml"), "-f", "json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("\"plan\": \"Published cases\""), std::string::npos);
  EXPECT_NE(run.out.find("\"timezone\": \"America/New_York\""), std::string::npos);
  EXPECT_NE(run.out.find("\"interval_s\": 1800"), std::string::npos);
  EXPECT_NE(run.out.find("\"intervals_count\": 50"), std::string::npos);
  EXPECT_NE(run.out.find("\"agent_hours\": 33.5"), std::string::npos);
  EXPECT_NE(run.out.find("\"p_abandon\": null"), std::string::npos);
}

TEST(RequireCli, SameInputSameBytes) {
  const auto a = run_staffplan({"require", source_path("configs/follow-the-sun.yaml"), "-f", "json"});
  const auto b = run_staffplan({"require", source_path("configs/follow-the-sun.yaml"), "-f", "json"});
  EXPECT_EQ(a.out, b.out);
}

TEST(RequireCli, CallsOutsideOpeningHoursWarnOnStderr) {
  const std::string dir = make_temp_dir();
  write_file(dir + "/p.yaml", "version: 1\ntimezone: UTC\nstart: 2026-01-05\ndays: 1\ninterval: 60m\n"
                              "goal: { asa: 30s }\nqueues:\n  - name: q\n    aht: 300s\n    open: \"09:00-17:00\"\n"
                              "    forecast: { rows: [{ at: \"2026-01-05T20:00\", calls: 10 }] }\n");
  const auto run = run_staffplan({"require", dir + "/p.yaml", "-f", "csv"});
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.err, dir + "/p.yaml:8:5: warning: queue 'q' has calls in 1 interval outside its opening hours "
                           "09:00-17:00 (first at 2026-01-05T20:00:00+00:00); agents are computed for them anyway\n");
  EXPECT_NE(run.out.find("2026-01-05T20:00:00+00:00,q,10.00"), std::string::npos);
  const auto quiet = run_staffplan({"require", dir + "/p.yaml", "-q"});
  EXPECT_EQ(quiet.err, "");
  std::filesystem::remove_all(dir);
}

TEST(RequireCli, BadPlanWritesNothingAndLeavesOutputUntouched) {
  const std::string dir = make_temp_dir();
  write_file(dir + "/p.yaml", "version: 1\ntimezone: UTC\nstart: 2026-01-05\ndays: 1\ninterval: 60m\n"
                              "shrinkage: 1.5\nqueues: []\n");
  write_file(dir + "/out.csv", "previous result\n");
  const auto run = run_staffplan({"require", dir + "/p.yaml", "-f", "csv", "-o", dir + "/out.csv"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, dir + "/p.yaml:6:12: error: shrinkage must be in [0, 1), got 1.5\n" + dir +
                         "/p.yaml:7:9: error: queues must be a list with at least one queue\n");
  EXPECT_EQ(read_file(dir + "/out.csv"), "previous result\n");
  std::filesystem::remove_all(dir);
}

}  // namespace
