// Issue 9: text from a staffing JSON (simulate --plan) that is quoted in an error is
// escaped and cut like every foreign text, so a JSON file cannot drive the terminal.
// Expected messages are written by hand from the JSON text in each test.
#include <gtest/gtest.h>

#include "load/load.hpp"
#include "plan_fixture.hpp"
#include "support/run_cli.hpp"

namespace staffplan::testing {
namespace {

Plan one_queue_plan() {
  Plan plan = make_plan({{.name = "a", .calls = {1, 1}}}, 1800);
  plan.file = "week.yaml";
  return plan;
}

std::string error_of(const std::string& json) {
  const std::string path = make_temp_dir() + "/plan.json";
  write_file(path, json);
  try {
    load::load_staffing_json(path, one_queue_plan());
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(StaffingJsonText, QueueNameWithEscapesIsQuotedEscaped) {
  const std::string text = error_of(R"({"intervals": [{"start": "x", "queue": "\u001b[2Jz", "productive": 1}]})");
  EXPECT_NE(text.find("unknown queue '\\x1B[2Jz' (not in week.yaml)"), std::string::npos) << text;
  EXPECT_EQ(text.find('\x1B'), std::string::npos);
}

TEST(StaffingJsonText, LongTimestampIsCut) {
  const std::string text =
      error_of(R"({"intervals": [{"start": ")" + std::string(300, '9') + R"(", "queue": "a", "productive": 1}]})");
  EXPECT_NE(text.find("got '" + std::string(80, '9') + "...'"), std::string::npos) << text;
}

}  // namespace
}  // namespace staffplan::testing
