// The plan's shared multi-queue forecast (top-level `csv`, columns
// start,queue,calls[,aht_s]): rows reach the queue they name; unknown queues, a
// queue given twice or not at all are errors naming the row, column and queue.
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

// A one-day 60-minute plan (UTC) reading forecast/all.csv; `queues` replaces the queue list.
//  1 version: 1
//  2 timezone: UTC
//  3 start: 2026-11-23
//  4 days: 1
//  5 interval: 60m
//  6 goal: { asa: 30s }
//  7 csv: forecast/all.csv
//  8 queues:
//  9   - name: english
// 10     aht: 300s
// 11   - name: spanish
// 12     aht: 240s
std::string shared_plan(const std::string& queues = "  - name: english\n    aht: 300s\n"
                                                    "  - name: spanish\n    aht: 240s\n") {
  return "version: 1\ntimezone: UTC\nstart: 2026-11-23\ndays: 1\ninterval: 60m\ngoal: { asa: 30s }\n"
         "csv: forecast/all.csv\nqueues:\n" + queues;
}

class SharedCsv : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = make_temp_dir();
    std::filesystem::create_directories(dir_ + "/forecast");
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string write(const std::string& csv, const std::string& plan = shared_plan()) {
    write_file(dir_ + "/forecast/all.csv", csv);
    write_file(dir_ + "/plan.yaml", plan);
    return dir_ + "/plan.yaml";
  }
  std::string csv() const { return dir_ + "/forecast/all.csv"; }
  std::string dir_;
};

TEST_F(SharedCsv, RowsReachTheQueueTheyName) {
  const Plan plan = load::load_plan(write(
      "start,queue,calls,aht_s\n"
      "2026-11-23T08:00,english,120,280\n"
      "2026-11-23T08:00,spanish,40,\n"   // empty aht_s: the queue's aht
      "2026-11-23T09:00Z,english,7.5,310\n"));
  ASSERT_EQ(plan.queues.size(), 2u);
  EXPECT_EQ(plan.queues[0].calls[8], 120);
  EXPECT_EQ(plan.queues[0].aht_s_per_interval[8], 280);
  EXPECT_EQ(plan.queues[0].calls[9], 7.5);
  EXPECT_EQ(plan.queues[0].aht_s_per_interval[9], 310);
  EXPECT_EQ(plan.queues[0].calls[10], 0);  // not listed
  EXPECT_EQ(plan.queues[0].aht_s_per_interval[10], 300);
  EXPECT_EQ(plan.queues[1].calls[8], 40);
  EXPECT_EQ(plan.queues[1].aht_s_per_interval[8], 240);
  EXPECT_EQ(plan.queues[1].calls[9], 0);
}

TEST_F(SharedCsv, ThreeColumnsAndAQueueWithItsOwnForecast) {
  const Plan plan = load::load_plan(write("start,queue,calls\n2026-11-23T08:00,english,12\n",
                                          shared_plan("  - name: english\n    aht: 300s\n"
                                                      "  - name: chat\n    aht: 600s\n"
                                                      "    forecast: { rows: [{ at: \"2026-11-23T10:00\", calls: 3 }] }\n")));
  EXPECT_EQ(plan.queues[0].calls[8], 12);
  EXPECT_EQ(plan.queues[1].calls[10], 3);
  EXPECT_EQ(plan.queues[1].calls[8], 0);
}

TEST_F(SharedCsv, UnknownQueueNamesTheRowTheColumnAndTheName) {
  EXPECT_THAT(file_errors_of(write("start,queue,calls\n"
                                   "2026-11-23T08:00,english,1\n"
                                   "2026-11-23T08:00,spanish,1\n"
                                   "2026-11-23T09:00,englsh,5\n"
                                   "2026-11-23T09:00,  french ,5\n")),
              ElementsAre(csv() + ":4:18: error: queue: unknown queue 'englsh'; did you mean 'english'?",
                          csv() + ":5:20: error: queue: unknown queue 'french' (the plan's queues: english, spanish)"));
}

TEST_F(SharedCsv, BadFieldsNameTheirColumn) {
  EXPECT_THAT(file_errors_of(write("start,queue,calls,aht_s\n"
                                   "2026-11-23T08:00,english,many,300\n"
                                   "2026-11-23T08:00,spanish,3,0\n"
                                   "2026-11-23T08:00,spanish,3,200\n"
                                   "2026-11-23T08:00,spanish,4,200\n"
                                   "2026-11-24T08:00,english,3,200\n"
                                   "2026-11-23T09:00,english\n")),
              ElementsAre(csv() + ":2:26: error: calls: expected a finite number, got 'many'",
                          csv() + ":3:28: error: aht_s must be in (0, inf), got 0",
                          csv() + ":5:1: error: a second row for queue 'spanish' at 2026-11-23T08:00",
                          csv() + ":6:1: error: start: the time is after the horizon (2026-11-23 for 1 day, UTC)",
                          csv() + ":7:25: error: expected 4 fields, got 2"));
}

TEST_F(SharedCsv, AQueueGivenTwiceOrNotAtAllIsAnError) {
  const std::string plan = shared_plan("  - name: english\n    aht: 300s\n"
                                       "    forecast: { volumes: [] }\n"
                                       "  - name: spanish\n    aht: 240s\n");
  EXPECT_THAT(file_errors_of(write("start,queue,calls\n2026-11-23T08:00,english,1\n", plan)),
              ::testing::Contains(dir_ + "/plan.yaml:11:15: error: queue 'english' has a forecast of its own and "
                                         "rows in the shared csv '" + csv() +
                                         "' (first at line 2); give its forecast in one place"));
  EXPECT_THAT(file_errors_of(write("start,queue,calls\n2026-11-23T08:00,english,1\n")),
              ElementsAre(dir_ + "/plan.yaml:11:5: error: queue 'spanish' has no forecast: no rows for it in the "
                                 "shared csv '" + csv() +
                                 "' and no forecast key of its own (for a queue without calls write forecast: "
                                 "{ rows: [] })"));
}

TEST_F(SharedCsv, WrongHeaderMissingFileAndNoSharedCsv) {
  EXPECT_THAT(file_errors_of(write("start,calls\n2026-11-23T08:00,1\n")),
              ElementsAre(csv() + ":1:1: error: expected the header 'start,queue,calls' or 'start,queue,calls,aht_s', "
                                  "got 'start,calls'"));
  std::filesystem::remove(csv());
  EXPECT_THAT(file_errors_of(dir_ + "/plan.yaml"),
              ElementsAre(dir_ + "/plan.yaml:7:6: error: csv: cannot read forecast file '" + csv() +
                          "': no such file"));
  // Without the shared csv, every queue still needs a forecast.
  EXPECT_THAT(errors_of("version: 1\ntimezone: UTC\nstart: 2026-11-23\ndays: 1\ninterval: 60m\ngoal: { asa: 30s }\n"
                        "queues:\n  - name: english\n    aht: 300s\n"),
              ElementsAre("plan.yaml:8:5: error: missing required key 'forecast' in queues[english]"));
}

TEST_F(SharedCsv, AQueueColumnInAQueuesOwnFileGetsAHint) {
  write_file(dir_ + "/q.csv", "start,queue,calls\n2026-11-23T08:00,english,1\n");
  write_file(dir_ + "/plan.yaml", base_plan({{13, "      csv: q.csv"}}));
  EXPECT_THAT(file_errors_of(dir_ + "/plan.yaml"),
              ElementsAre(dir_ + "/q.csv:1:1: error: expected the header 'start,calls' or 'start,calls,aht_s', got "
                                 "'start,queue,calls' (a file with a queue column is read from the plan's top-level "
                                 "csv key)"));
}

}  // namespace
}  // namespace staffplan::test
