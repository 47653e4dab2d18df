// load::load_staffing_json: reading `plan -f json` output back, and every class of
// bad input with its exact message.
#include <gtest/gtest.h>

#include "load/load.hpp"
#include "plan_fixture.hpp"
#include "support/run_cli.hpp"

namespace staffplan::testing {
namespace {

// Two half-hour intervals from 2026-11-23 00:00 New York time (UTC−5), queues a and b.
Plan two_queue_plan() {
  Plan plan = make_plan({{.name = "a", .calls = {1, 1}}, {.name = "b", .calls = {1, 1}}}, 1800);
  plan.file = "week.yaml";
  plan.horizon.timezone = "America/New_York";
  plan.horizon.start_utc = 1795392000 + 5 * 3600;
  plan.horizon.utc_offset_s.assign(3, -5 * 3600);
  return plan;
}

std::string write_json(const std::string& text) {
  const std::string path = make_temp_dir() + "/plan.json";
  write_file(path, text);
  return path;
}

const char* kGood = R"({
  "summary": {"status": "optimal"},
  "shifts": [],
  "intervals": [
    {"start": "2026-11-23T00:00:00-05:00", "queue": "a", "productive": 7.5},
    {"start": "2026-11-23T00:30:00-05:00", "queue": "a", "productive": 3},
    {"start": "2026-11-23T05:00:00+00:00", "queue": "b", "productive": 0.75},
    {"start": "2026-11-23T00:30:00-05:00", "queue": "b", "productive": 11.9999999}
  ]
}
)";

TEST(StaffingJson, ReadsFloorOfProductivePerQueueAndInterval) {
  const Staffing staffing = load::load_staffing_json(write_json(kGood), two_queue_plan());
  // floor(7.5) = 7, floor(3) = 3, floor(0.75) = 0; 11.9999999 is 12 written with rounding noise.
  // The third row names the same instant in UTC: offsets are honoured.
  EXPECT_EQ(staffing.agents, (std::vector<std::vector<int>>{{7, 3}, {0, 12}}));
}

std::string error_of(const std::string& json) {
  const std::string path = write_json(json);
  try {
    load::load_staffing_json(path, two_queue_plan());
  } catch (const InputError& e) {
    std::string text = e.what();
    // Messages start with the path; make them comparable.
    for (std::size_t at; (at = text.find(path)) != std::string::npos;) text.replace(at, path.size(), "plan.json");
    return text;
  }
  return "no error";
}

TEST(StaffingJson, UnknownQueue) {
  EXPECT_EQ(error_of(R"({"intervals": [
  {"start": "2026-11-23T00:00:00-05:00", "queue": "c", "productive": 1}]})"),
            "plan.json:2:51: error: unknown queue 'c' (not in week.yaml)");
}

TEST(StaffingJson, StartOutsideTheHorizon) {
  EXPECT_EQ(error_of(R"({"intervals": [
  {"start": "2026-11-23T01:00:00-05:00", "queue": "a", "productive": 1}]})"),
            "plan.json:2:13: error: start 2026-11-23T01:00:00-05:00 is not the start of an interval "
            "of the plan horizon");
}

TEST(StaffingJson, StartNotOnTheGrid) {
  EXPECT_EQ(error_of(R"({"intervals": [
  {"start": "2026-11-23T00:15:00-05:00", "queue": "a", "productive": 1}]})"),
            "plan.json:2:13: error: start 2026-11-23T00:15:00-05:00 is not the start of an interval "
            "of the plan horizon");
}

TEST(StaffingJson, StartWithoutOffset) {
  EXPECT_EQ(error_of(R"({"intervals": [
  {"start": "2026-11-23T00:00:00", "queue": "a", "productive": 1}]})"),
            "plan.json:2:13: error: start must be an ISO 8601 timestamp with offset like "
            "2026-11-23T08:30:00-05:00, got '2026-11-23T00:00:00'");
}

TEST(StaffingJson, BadProductive) {
  EXPECT_EQ(error_of(R"({"intervals": [
  {"start": "2026-11-23T00:00:00-05:00", "queue": "a", "productive": -2}]})"),
            "plan.json:2:70: error: productive must be a number from 0 to 1000000 (agents), got '-2'");
}

TEST(StaffingJson, MissingKey) {
  EXPECT_EQ(error_of(R"({"intervals": [
  {"start": "2026-11-23T00:00:00-05:00", "productive": 2}]})"),
            "plan.json:2:3: error: interval row without \"queue\"");
}

TEST(StaffingJson, DuplicateRow) {
  EXPECT_EQ(error_of(R"({"intervals": [
  {"start": "2026-11-23T00:00:00-05:00", "queue": "a", "productive": 1},
  {"start": "2026-11-23T05:00:00Z", "queue": "a", "productive": 1}]})"),
            "plan.json:3:3: error: interval 2026-11-23T05:00:00Z of queue 'a' appears twice");
}

TEST(StaffingJson, MissingIntervals) {
  EXPECT_EQ(error_of(R"({"intervals": [
  {"start": "2026-11-23T00:00:00-05:00", "queue": "a", "productive": 1},
  {"start": "2026-11-23T00:30:00-05:00", "queue": "a", "productive": 1},
  {"start": "2026-11-23T00:30:00-05:00", "queue": "b", "productive": 1}]})"),
            "plan.json:1:15: error: queue 'b' has no row for 1 interval(s) of the plan, the first at "
            "2026-11-23T00:00:00-05:00");
}

TEST(StaffingJson, NotTheRightDocument) {
  EXPECT_EQ(error_of(R"({"queues": []})"),
            "plan.json:1:1: error: expected the JSON written by 'staffplan plan -f json' (an object "
            "with an \"intervals\" array)");
}

TEST(StaffingJson, NotJsonAtAll) {
  // The array is never closed; yaml-cpp reports it where the text ends.
  EXPECT_EQ(error_of("{\"intervals\": [\n  {\"start\": 1}"),
            "plan.json:2:1: error: not valid JSON: end of sequence flow not found");
}

TEST(StaffingJson, MissingFile) {
  try {
    load::load_staffing_json("/nonexistent/plan.json", two_queue_plan());
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "/nonexistent/plan.json: error: cannot open the plan JSON file: no such file");
  }
}

TEST(StaffingJson, ReportsEveryBadRow) {
  const std::string text = error_of(R"({"intervals": [
  {"start": "x", "queue": "a", "productive": 1},
  {"start": "2026-11-23T00:00:00-05:00", "queue": "zz", "productive": 1}]})");
  EXPECT_NE(text.find("plan.json:2:13: error: start must be"), std::string::npos) << text;
  EXPECT_NE(text.find("\nplan.json:3:51: error: unknown queue 'zz'"), std::string::npos) << text;
}

}  // namespace
}  // namespace staffplan::testing
