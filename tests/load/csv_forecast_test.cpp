// Forecasts from CSV files: values, relative paths, and errors that name the CSV
// file and line.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "plan_fixture.hpp"
#include "support/run_cli.hpp"

namespace staffplan::test {
namespace {

using ::testing::ElementsAre;
using staffplan::testing::make_temp_dir;
using staffplan::testing::write_file;

class CsvForecast : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = make_temp_dir(); }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // base_plan() with its forecast from `csv_name` (relative to the plan), the CSV holding `csv`.
  std::string write_plan(const std::string& csv, const std::string& csv_name = "f.csv") {
    std::filesystem::create_directories(std::filesystem::path(dir_ + "/" + csv_name).parent_path());
    write_file(dir_ + "/" + csv_name, csv);
    write_file(dir_ + "/plan.yaml", base_plan({{13, "      csv: " + csv_name}}));
    return dir_ + "/plan.yaml";
  }
  std::string dir_;
};

TEST_F(CsvForecast, ReadsCallsAndHandlingTimesRelativeToThePlanFile) {
  const std::string plan_path = write_plan(
      "start,calls,aht_s\r\n2026-11-23T08:00,120,280\r\n2026-11-23T09:00-05:00,90.5,\r\n\"2026-11-23T10:00:00\",7,310\r\n",
      "forecast/english.csv");
  const Plan plan = load::load_plan(plan_path);
  const Queue& q = plan.queues[0];
  EXPECT_EQ(q.calls[8], 120);
  EXPECT_EQ(q.aht_s_per_interval[8], 280);
  EXPECT_EQ(q.calls[9], 90.5);
  EXPECT_EQ(q.aht_s_per_interval[9], 300);  // empty aht_s: the queue's aht
  EXPECT_EQ(q.calls[10], 7);
  EXPECT_EQ(q.calls[11], 0);  // not listed
}

TEST_F(CsvForecast, TwoColumnsAndAByteOrderMark) {
  const Plan plan = load::load_plan(write_plan("\xEF\xBB\xBFstart,calls\n2026-11-23T23:00,4\n"));
  EXPECT_EQ(plan.queues[0].calls[23], 4);
}

TEST_F(CsvForecast, MissingFileIsReportedAtTheCsvKey) {
  write_file(dir_ + "/plan.yaml", base_plan({{13, "      csv: nowhere.csv"}}));
  EXPECT_THAT(file_errors_of(dir_ + "/plan.yaml"),
              ElementsAre(dir_ + "/plan.yaml:13:12: error: queues[english].forecast.csv: cannot read forecast file '" +
                          dir_ + "/nowhere.csv': no such file"));
}

TEST_F(CsvForecast, BadRowsNameTheCsvFileAndLine) {
  const std::string plan_path = write_plan(
      "start,calls,aht_s\n"
      "2026-11-23T08:00,120,280\n"   // line 2: fine
      "2026-11-23T08:00,5,280\n"     // line 3: duplicate
      "yesterday,5,280\n"            // line 4: bad timestamp
      "2026-11-23T09:00,-1,280\n"    // line 5: negative
      "2026-11-23T10:00,many,280\n"  // line 6: not a number
      "2026-11-23T11:00,5,0\n"       // line 7: aht 0
      "2026-11-23T12:00,5\n"         // line 8: too few fields
      "2026-11-23T12:15,5,300\n"     // line 9: off the grid
      "2026-12-01T12:00,5,300\n");   // line 10: after the horizon
  const std::string csv = dir_ + "/f.csv";
  EXPECT_THAT(
      file_errors_of(plan_path),
      ElementsAre(csv + ":3:1: error: a second row for 2026-11-23T08:00",
                  csv + ":4:1: error: start: expected a timestamp like 2026-11-23T08:30 (optionally with an offset like "
                        "-05:00), got 'yesterday'",
                  csv + ":5:18: error: calls must be in [0, 1000000000], got -1",
                  csv + ":6:18: error: calls: expected a finite number, got 'many'",
                  csv + ":7:20: error: aht_s must be in (0, inf), got 0",
                  csv + ":8:19: error: expected 3 fields, got 2",
                  csv + ":9:1: error: start: the time is not on the plan's 60m interval grid",
                  csv + ":10:1: error: start: the time is after the horizon (2026-11-23 for 1 day, America/New_York)"));
}

TEST_F(CsvForecast, WrongHeaderAndEmptyFile) {
  EXPECT_THAT(file_errors_of(write_plan("time,volume\n2026-11-23T08:00,1\n")),
              ElementsAre(dir_ + "/f.csv:1:1: error: expected the header 'start,calls' or 'start,calls,aht_s', got "
                                 "'time,volume'"));
  EXPECT_THAT(file_errors_of(write_plan("")),
              ElementsAre(dir_ + "/f.csv: error: the forecast file is empty (expected the header 'start,calls')"));
}

TEST_F(CsvForecast, ManyBadRowsAreCappedWithACount) {
  std::string csv = "start,calls\n";
  for (int i = 0; i < 15; ++i) csv += "bad,1\n";
  const auto errors = file_errors_of(write_plan(csv));
  ASSERT_EQ(errors.size(), 11u);
  EXPECT_EQ(errors.back(), dir_ + "/f.csv: error: 5 more bad rows not shown");
}

}  // namespace
}  // namespace staffplan::test
