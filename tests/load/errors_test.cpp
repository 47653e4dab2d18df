// Every class of bad plan input: exact message text and line:column.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "plan_fixture.hpp"

namespace staffplan::test {
namespace {

using ::testing::ElementsAre;

TEST(LoadErrors, BasePlanIsValid) { EXPECT_THAT(errors_of(base_plan()), ElementsAre()); }

TEST(LoadErrors, FractionOfOneOrMoreWhereBelowOneIsRequired) {
  EXPECT_THAT(errors_of(base_plan({{7, "shrinkage: 1.5"}})),
              ElementsAre("plan.yaml:7:12: error: shrinkage must be in [0, 1), got 1.5"));
  EXPECT_THAT(errors_of(base_plan({{7, "shrinkage: 100%"}})),
              ElementsAre("plan.yaml:7:12: error: shrinkage must be in [0, 1), got 100%"));
}

TEST(LoadErrors, WrongTypes) {
  EXPECT_THAT(errors_of(base_plan({{7, "shrinkage: lots"}})),
              ElementsAre("plan.yaml:7:12: error: shrinkage: expected a fraction like 0.8 or 80%, got 'lots'"));
  EXPECT_THAT(errors_of(base_plan({{5, "days: [1, 2]"}})),
              ElementsAre("plan.yaml:5:7: error: days must be a single value, got a list"));
  EXPECT_THAT(errors_of(base_plan({{8, "goal: 80%"}})),
              ElementsAre("plan.yaml:8:7: error: goal must be a mapping of keys, got a value"));
  EXPECT_THAT(errors_of(base_plan({{5, "days: seven"}})),
              ElementsAre("plan.yaml:5:7: error: days: expected a whole number from 0 to 2147483647, got 'seven'"));
}

TEST(LoadErrors, NegativeNanInfiniteAndHexNumbers) {
  EXPECT_THAT(errors_of(base_plan({{11, "    aht: -300s"}})),
              ElementsAre("plan.yaml:11:10: error: queues[english].aht: expected a duration like 20s, 5m or "
                          "1h30m (a bare number is seconds), got '-300s'"));
  EXPECT_THAT(errors_of(base_plan({{11, "    aht: .nan"}})),
              ElementsAre("plan.yaml:11:10: error: queues[english].aht: expected a duration like 20s, 5m or "
                          "1h30m (a bare number is seconds), got '.nan'"));
  EXPECT_THAT(errors_of(base_plan({{11, "    aht: 0"}})),
              ElementsAre("plan.yaml:11:10: error: queues[english].aht must be in (0, inf), got 0"));
  EXPECT_THAT(errors_of(base_plan({{11, "    aht: 1e-7s"}})),
              ElementsAre("plan.yaml:11:10: error: queues[english].aht must be at least 0.000001s (1 microsecond, "
                          "the finest duration staffplan reads), got 1e-7s"));
  EXPECT_THAT(errors_of(base_plan({{5, "days: 0x10"}})),
              ElementsAre("plan.yaml:5:7: error: days: expected a whole number from 0 to 2147483647, got '0x10'"));
  EXPECT_THAT(errors_of(base_plan({{13, "      volumes: [1, 2, .inf]"}})),
              ElementsAre("plan.yaml:13:16: error: queues[english].forecast.volumes: expected 24 values (1 day "
                          "of 60m intervals), got 3"));
}

TEST(LoadErrors, IntegerOverflowInCounts) {
  EXPECT_THAT(errors_of(base_plan({{5, "days: 99999999999"}})),
              ElementsAre("plan.yaml:5:7: error: days: expected a whole number from 0 to 2147483647, got "
                          "'99999999999'"));
  EXPECT_THAT(errors_of(base_plan({{5, "days: 3661"}})),
              ElementsAre("plan.yaml:5:7: error: days must be from 1 to 3660, got 3661"));
}

// Issue 6: a finite but absurd 1e308 is rejected like a non-finite 1e400 (it would
// overflow the cost sums); a large plausible cost (1e6 an hour) is fine.
TEST(LoadErrors, NonFiniteAndAbsurdCostsAreRejected) {
  const std::string site = R"(sites:
  - name: ny
    hourly_cost: {}
    shifts: [{ name: day, start: "08:00", length: 8h }]
)";
  std::string large = site, huge = site, overflow = site;
  large.replace(large.find("{}"), 2, "1000000");
  huge.replace(huge.find("{}"), 2, "1e308");
  overflow.replace(overflow.find("{}"), 2, "1e400");
  EXPECT_THAT(errors_of(base_plan({}, large)), ElementsAre());
  EXPECT_THAT(errors_of(base_plan({}, huge)),
              ElementsAre("plan.yaml:16:18: error: sites[ny].hourly_cost must be in [0, 1000000000], got 1e308"));
  EXPECT_THAT(errors_of(base_plan({}, overflow)),
              ElementsAre("plan.yaml:16:18: error: sites[ny].hourly_cost: expected a finite number, got '1e400'"));
}

TEST(LoadErrors, UnknownKeysSuggestTheClosestKey) {
  EXPECT_THAT(errors_of(base_plan({{7, "shrinkge: 30%"}})),
              ElementsAre("plan.yaml:7:1: error: unknown key 'shrinkge' in plan; did you mean 'shrinkage'?"));
  EXPECT_THAT(errors_of(base_plan({{11, "    aht: 300s\n    colour: blue"}})),
              ElementsAre("plan.yaml:12:5: error: unknown key 'colour' in queues[0] (expected one of: name, "
                          "aht, aht_cv, goal, open, min_agents, forecast)"));
}

TEST(LoadErrors, MissingRequiredKeys) {
  EXPECT_THAT(errors_of(base_plan({{3, "# no timezone"}})),
              ElementsAre("plan.yaml:1:1: error: missing required key 'timezone' in plan"));
}

TEST(LoadErrors, UnknownTimeZone) {
  EXPECT_THAT(errors_of(base_plan({{3, "timezone: America/New_Yrok"}})),
              ElementsAre("plan.yaml:3:11: error: unknown time zone 'America/New_Yrok' (expected an IANA name "
                          "like America/New_York)"));
}

TEST(LoadErrors, IntervalMustBe15Or30Or60Minutes) {
  EXPECT_THAT(errors_of(base_plan({{6, "interval: 45m"}})),
              ElementsAre("plan.yaml:6:11: error: interval must be 15m, 30m or 60m, got 45m"));
}

TEST(LoadErrors, DuplicateQueueSiteAndShiftNames) {
  const std::string second_queue = "  - name: english\n    aht: 200s\n    forecast: { rows: [] }\n";
  EXPECT_THAT(errors_of(base_plan({}, second_queue)),
              ElementsAre("plan.yaml:14:11: error: duplicate queue name 'english'"));
  const std::string sites = R"(sites:
  - name: ny
    hourly_cost: 20
    shifts:
      - { name: day, start: "08:00", length: 8h }
      - { name: day, start: "09:00", length: 8h }
  - name: ny
    hourly_cost: 20
    shifts: [{ name: day, start: "08:00", length: 8h }]
)";
  EXPECT_THAT(errors_of(base_plan({}, sites)),
              ElementsAre("plan.yaml:19:17: error: duplicate shift name 'day' in sites[ny]",
                          "plan.yaml:20:11: error: duplicate site name 'ny'"));
}

TEST(LoadErrors, SiteServingAnUnknownQueue) {
  const std::string sites = R"(sites:
  - name: ny
    hourly_cost: 20
    queues: [englsh, french]
    shifts: [{ name: day, start: "08:00", length: 8h }]
)";
  EXPECT_THAT(errors_of(base_plan({}, sites)),
              ElementsAre("plan.yaml:17:14: error: sites[ny].queues: unknown queue 'englsh'; did you mean 'english'?",
                          "plan.yaml:17:22: error: sites[ny].queues: unknown queue 'french'"));
}

TEST(LoadErrors, ForecastOfTheWrongLengthCountsDaylightSaving) {
  // 2026-03-08 in New York has 23 hours: 46 half hours.
  std::string volumes = "      volumes: [";
  for (int i = 0; i < 48; ++i) volumes += i ? ", 1" : "1";
  volumes += "]";
  EXPECT_THAT(errors_of(base_plan({{4, "start: 2026-03-08"}, {6, "interval: 30m"}, {13, volumes}})),
              ElementsAre("plan.yaml:13:16: error: queues[english].forecast.volumes: expected 46 values (1 day "
                          "of 30m intervals, daylight-saving change included), got 48"));
}

TEST(LoadErrors, ForecastNeedsExactlyOneSource) {
  EXPECT_THAT(errors_of(base_plan({{13, "      rows: []\n      volumes: []"}})),
              ElementsAre("plan.yaml:13:7: error: queues[english].forecast needs exactly one of volumes, rows or "
                          "csv, got 2"));
}

TEST(LoadErrors, UnparsableOrMisplacedRowTimestamps) {
  EXPECT_THAT(errors_of(base_plan({{13, "      rows: [{ at: \"2026-11-23 8am\", calls: 5 }]"}})),
              ElementsAre("plan.yaml:13:20: error: queues[english].forecast.rows[0].at: expected a timestamp like "
                          "2026-11-23T08:30 (optionally with an offset like -05:00), got '2026-11-23 8am'"));
  EXPECT_THAT(errors_of(base_plan({{13, "      rows: [{ at: \"2026-11-23T08:30\", calls: 5 }]"}})),
              ElementsAre("plan.yaml:13:20: error: queues[english].forecast.rows[0].at: the time is not on the "
                          "plan's 60m interval grid"));
  EXPECT_THAT(errors_of(base_plan({{13, "      rows: [{ at: \"2026-11-24T00:00\", calls: 5 }]"}})),
              ElementsAre("plan.yaml:13:20: error: queues[english].forecast.rows[0].at: the time is after the "
                          "horizon (2026-11-23 for 1 day, America/New_York)"));
  EXPECT_THAT(errors_of(base_plan({{13, "      rows: [{ at: \"2026-02-30T08:00\", calls: 5 }]"}})),
              ElementsAre("plan.yaml:13:20: error: queues[english].forecast.rows[0].at: expected a timestamp like "
                          "2026-11-23T08:30 (optionally with an offset like -05:00), got '2026-02-30T08:00'"));
}

TEST(LoadErrors, NonexistentLocalTimeInRows) {
  EXPECT_THAT(
      errors_of(base_plan({{4, "start: 2026-03-08"}, {13, "      rows: [{ at: \"2026-03-08T02:00\", calls: 5 }]"}})),
      ElementsAre("plan.yaml:13:20: error: queues[english].forecast.rows[0].at: local time '2026-03-08T02:00' does "
                  "not exist in America/New_York (clocks spring forward)"));
}

const char* shift_site = R"(sites:
  - name: ny
    hourly_cost: 20
    shifts:
      - name: day
        start: "08:00"
        length: {length}
        breaks:
          - { length: 1h, window: [{from}, {to}] }
)";

std::string site_with(const std::string& length, const std::string& from, const std::string& to) {
  std::string text = shift_site;
  text.replace(text.find("{length}"), 8, length);
  text.replace(text.find("{from}"), 6, from);
  text.replace(text.find("{to}"), 4, to);
  return text;
}

TEST(LoadErrors, BreakWindowOutsideItsShift) {
  EXPECT_THAT(errors_of(base_plan({}, site_with("8h", "3h", "8h"))),
              ElementsAre("plan.yaml:22:35: error: sites[ny].shifts[day].breaks[0].window: a 1h break starting "
                          "as late as 8h ends after the 8h shift"));
  EXPECT_THAT(errors_of(base_plan({}, site_with("8h", "5h", "3h"))),
              ElementsAre("plan.yaml:22:35: error: sites[ny].shifts[day].breaks[0].window: the window's start 5h "
                          "is after its end 3h"));
  EXPECT_THAT(errors_of(base_plan({}, site_with("8h", "3h10m", "4h"))),
              ElementsAre("plan.yaml:22:36: error: sites[ny].shifts[day].breaks[0].window[0] must be a multiple "
                          "of the plan's 60m interval, got 3h10m"));
}

TEST(LoadErrors, ShiftLongerThanADayOrOffTheGrid) {
  EXPECT_THAT(errors_of(base_plan({}, site_with("25h", "3h", "4h"))),
              ElementsAre("plan.yaml:20:17: error: sites[ny].shifts[day].length must be at most 24h, got 25h"));
  EXPECT_THAT(errors_of(base_plan({}, site_with("7h30m", "3h", "4h"))),
              ElementsAre("plan.yaml:20:17: error: sites[ny].shifts[day].length must be a multiple of the plan's "
                          "60m interval, got 7h30m"));
}

TEST(LoadErrors, BreaksThatCannotAllBePlacedWithoutOverlap) {
  const std::string sites = R"(sites:
  - name: ny
    hourly_cost: 20
    shifts:
      - name: day
        start: "08:00"
        length: 8h
        breaks:
          - { length: 1h, window: [3h, 3h] }
          - { length: 1h, window: [3h, 3h] }
)";
  EXPECT_THAT(errors_of(base_plan({}, sites)),
              ElementsAre("plan.yaml:22:11: error: sites[ny].shifts[day].breaks: the break windows do not leave "
                          "room to place every break without overlapping"));
}

TEST(LoadErrors, EmptyFileAndNotYaml) {
  EXPECT_THAT(errors_of(""), ElementsAre("plan.yaml:1:1: error: the plan file is empty (expected a mapping "
                                         "starting with 'version: 1')"));
  EXPECT_THAT(errors_of("# only a comment\n"),
              ElementsAre("plan.yaml:1:1: error: the plan file is empty (expected a mapping starting with "
                          "'version: 1')"));
  EXPECT_THAT(errors_of("version: 1\nqueues: [a, b\n"),
              ElementsAre("plan.yaml:3:1: error: not valid YAML: end of sequence flow not found"));
  EXPECT_THAT(errors_of("just some words\n"),
              ElementsAre("plan.yaml:1:1: error: expected a mapping of plan keys (version, timezone, queues, ...) "
                          "at the top level"));
}

TEST(LoadErrors, AliasesAndDeepNestingAreRefused) {
  EXPECT_THAT(errors_of(base_plan({{7, "shrinkage: &s 30%"}, {8, "goal: { service_level: *s, answer_within: 20s }"}})),
              ElementsAre("plan.yaml:8:24: error: YAML aliases (*name) are not allowed in plan files"));
  const std::string deep = "version: " + std::string(40, '[') + std::string(40, ']') + "\n";
  EXPECT_THAT(errors_of(deep),
              ElementsAre("plan.yaml:1:41: error: YAML nested more than 32 levels deep; a plan needs far fewer"));
}

TEST(LoadErrors, EveryErrorIsReportedNotOnlyTheFirst) {
  const auto errors = errors_of(base_plan({{5, "days: 0"}, {7, "shrinkage: 2"}, {11, "    aht: fast"}}));
  EXPECT_THAT(errors,
              ElementsAre("plan.yaml:5:7: error: days must be from 1 to 3660, got 0",
                          "plan.yaml:7:12: error: shrinkage must be in [0, 1), got 2",
                          "plan.yaml:11:10: error: queues[english].aht: expected a duration like 20s, 5m or 1h30m (a "
                          "bare number is seconds), got 'fast'"));
}

TEST(LoadErrors, ErlangANeedsPatienceAndAGoal) {
  EXPECT_THAT(errors_of(base_plan({{2, "model: erlang_a"}})),
              ElementsAre("plan.yaml:2:8: error: model erlang_a needs patience (mean time callers wait before "
                          "hanging up, e.g. patience: 2m)"));
  EXPECT_THAT(errors_of(base_plan({{2, "model: erlang_b"}})),
              ElementsAre("plan.yaml:2:8: error: unknown model 'erlang_b'; did you mean 'erlang_c'?"));
}

}  // namespace
}  // namespace staffplan::test
