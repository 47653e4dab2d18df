// Loader limits found by the hostile inputs (issue 6), checked with their exact
// messages: a forecast CSV that never ends (/dev/zero) and finite-but-absurd numbers.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "load/load.hpp"
#include "model/errors.hpp"

using ::testing::ElementsAre;

namespace {

// "{ volumes: [0, <second>, 0, ...] }": 24 hourly values; <second> starts at column 30
// of line 11 ("    forecast: " is 14 characters, "{ volumes: [0, " 15 more).
std::string volumes(const std::string& second) {
  std::string list = "{ volumes: [0, " + second;
  for (int i = 2; i < 24; ++i) list += ", 0";
  return list + "] }";
}

// A valid 1-day plan whose one queue's forecast is `forecast` and site's cost `cost`.
std::string plan(const std::string& forecast, const std::string& cost = "20") {
  return "version: 1\nname: limits\ntimezone: UTC\nstart: 2026-11-23\ndays: 1\ninterval: 60m\n"
         "goal: { service_level: 80%, answer_within: 20s }\n"
         "queues:\n  - name: q\n    aht: 180s\n    forecast: " + forecast + "\n"
         "sites:\n  - name: s\n    timezone: UTC\n    hourly_cost: " + cost + "\n"
         "    shifts: [{ name: day, start: \"08:00\", length: 8h }]\n";
}

std::vector<std::string> errors_of(const std::string& text) {
  try {
    staffplan::load::load_plan_text(text, "/tmp/plan.yaml");
  } catch (const staffplan::InputError& e) {
    std::vector<std::string> lines;
    for (const auto& d : e.diagnostics()) lines.push_back(d.to_string());
    return lines;
  }
  return {};
}

// Line 11 holds the forecast, line 15 the site's hourly_cost (both values at the
// column after "key: ", counted by hand from the text above).

// Was a hang: the reader slurped /dev/zero until memory ran out.
TEST(LoaderLimits, EndlessCsvStopsAtTheSizeLimit) {
  EXPECT_THAT(errors_of(plan("{ csv: /dev/zero }")),
              ElementsAre("/tmp/plan.yaml:11:22: error: queues[q].forecast.csv: cannot read forecast file "
                          "'/dev/zero': the file is larger than the limit of 64 MiB"));
}

TEST(LoaderLimits, AbsurdCallsAreRejectedWithTheField) {
  EXPECT_THAT(errors_of(plan(volumes("1e308"))),
              ElementsAre("/tmp/plan.yaml:11:30: error: queues[q].forecast.volumes[1] must be in "
                                "[0, 1000000000], got 1e308"));
  EXPECT_THAT(errors_of(plan("{ rows: [{ at: \"2026-11-23T08:00\", calls: 1e10 }] }")),
              ElementsAre("/tmp/plan.yaml:11:57: error: queues[q].forecast.rows[0].calls must be in "
                          "[0, 1000000000], got 1e10"));
}

TEST(LoaderLimits, AbsurdHourlyCostIsRejectedWithTheField) {
  EXPECT_THAT(errors_of(plan(volumes("0"), "1e308")), ElementsAre(
      "/tmp/plan.yaml:15:18: error: sites[s].hourly_cost must be in [0, 1000000000], got 1e308"));
}

// Was a hang found by fuzzing: on text yaml-cpp cannot parse (here a leading ','),
// Parser::HandleNextDocument returns empty documents forever without moving on.
TEST(LoaderLimits, TextYamlCppCannotParseIsAnErrorNotAnEndlessLoop) {
  EXPECT_THAT(errors_of(",\n"), ElementsAre("/tmp/plan.yaml:1:1: error: not valid YAML: cannot parse the text from here on"));
  EXPECT_THAT(errors_of(plan(volumes("0")) + "---\n" + plan(volumes("0"))),
              ElementsAre("/tmp/plan.yaml:1:1: error: expected one YAML document, found several (separated by ---)"));
}

}  // namespace
