// Issue 9, hostile input reaching the loader: text rules for names (valid UTF-8,
// no control characters), one cause reported once, time zones outside what the
// tz database lists, and the bare-number warning. Byte values and code points are
// written by hand from the UTF-8 definition (RFC 3629); offsets and instants come
// from Python's zoneinfo, e.g. ZoneInfo("America/New_York").utcoffset(datetime(1883,1,1))
// == -4:56:02 and the last transition of the installed New York file is
// datetime(2037,11,1,2,tzinfo=ZoneInfo("America/New_York")) == 2037-11-01 06:00 UTC.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "load/text_check.hpp"
#include "plan_fixture.hpp"

namespace staffplan::test {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

const std::string kRule = "; names and other text in a plan must be valid UTF-8 without control characters";

std::string queue_named(const std::string& yaml_value) { return base_plan({{10, "  - name: " + yaml_value}}); }

TEST(TextRules, InvalidUtf8InAQueueNameIsRefusedWithLineAndColumn) {
  EXPECT_THAT(errors_of(queue_named("q\xFF")),
              ElementsAre("plan.yaml:10:11: error: this text is not valid UTF-8 (byte 0xFF at character 2)" + kRule));
  // Overlong "/" (C0 AF), a UTF-16 surrogate (ED A0 80), a cut sequence (E6 97).
  EXPECT_THAT(errors_of(queue_named("\xC0\xAF")), ElementsAre(HasSubstr("byte 0xC0 at character 1")));
  EXPECT_THAT(errors_of(queue_named("a\xED\xA0\x80")), ElementsAre(HasSubstr("byte 0xED at character 2")));
  EXPECT_THAT(errors_of(queue_named("ab\xE6\x97")), ElementsAre(HasSubstr("byte 0xE6 at character 3")));
}

TEST(TextRules, ControlCharactersAreRefused) {
  // YAML double-quoted escapes: \e is ESC, \0 NUL, \r CR, \t tab, \x9b the C1 CSI.
  EXPECT_THAT(errors_of(queue_named("\"a\\e[31mred\"")),
              ElementsAre("plan.yaml:10:11: error: this text contains ESC (U+001B) at character 2" + kRule));
  EXPECT_THAT(errors_of(queue_named("\"\\0\"")), ElementsAre(HasSubstr("contains NUL (U+0000) at character 1")));
  EXPECT_THAT(errors_of(queue_named("\"en\\rglish\"")),
              ElementsAre(HasSubstr("contains carriage return (U+000D) at character 3")));
  EXPECT_THAT(errors_of(queue_named("\"a\\tb\"")), ElementsAre(HasSubstr("contains tab (U+0009) at character 2")));
  EXPECT_THAT(errors_of(queue_named("\"a\\x9bb\"")),
              ElementsAre(HasSubstr("contains a control character (U+009B) at character 2")));
  EXPECT_THAT(errors_of(queue_named("\"a\\x7f\"")), ElementsAre(HasSubstr("contains DEL (U+007F) at character 2")));
  // The plan name (line 2) and a literal block scalar (line break).
  EXPECT_THAT(errors_of(base_plan({{2, "name: \"week\\e]0;pwned\\a\""}})),
              ElementsAre("plan.yaml:2:7: error: this text contains ESC (U+001B) at character 5" + kRule));
  EXPECT_THAT(errors_of(base_plan({{2, "name: |\n  two\n  lines"}})),
              ElementsAre(HasSubstr("contains line break (U+000A) at character 4")));
}

TEST(TextRules, EveryBadTextIsReportedAndNothingElse) {
  // Two bad names, and a later error (days: 0) that is not reported: the plan stops
  // at the texts, so no later message quotes them.
  const auto errors = errors_of(base_plan({{2, "name: \"\\e\"", }, {5, "days: 0"}, {10, "  - name: \"\\0\""}}));
  EXPECT_THAT(errors, ElementsAre(HasSubstr("plan.yaml:2:7: error: this text contains ESC"),
                                  HasSubstr("plan.yaml:10:11: error: this text contains NUL")));
}

TEST(TextRules, PrintableUnicodeIsAccepted) {
  // CJK, a precomposed accent, a combining accent (e + U+0301), a zero-width space.
  for (const std::string name : {"日本語サポート", "Caf\xC3\xA9", "Cafe\xCC\x81", "a\xE2\x80\x8B" "b", "😀 VIP"}) {
    const Plan plan = load::load_plan_text(queue_named("\"" + name + "\""), "plan.yaml");
    EXPECT_EQ(plan.queues.at(0).name, name);
  }
}

TEST(TextRules, QuotedExcerptsAreCutAndEscaped) {
  EXPECT_EQ(load::quote_excerpt(std::string(200, 'a')), std::string(80, 'a') + "...");
  EXPECT_EQ(load::quote_excerpt(std::string(80, 'a')), std::string(80, 'a'));
  EXPECT_EQ(load::quote_excerpt("\x1B[31mred\r"), "\\x1B[31mred\\x0D");
  EXPECT_EQ(load::quote_excerpt("q\xFFz"), "q\\xFFz");
  // Characters, not bytes: 81 two-byte characters are cut after 80.
  std::string accents;
  for (int i = 0; i < 81; ++i) accents += "\xC3\xA9";
  EXPECT_EQ(load::quote_excerpt(accents), accents.substr(0, 160) + "...");
}

TEST(OneCauseOnce, ServiceLevelOutOfRangeIsNotAlsoAMissingGoal) {
  EXPECT_THAT(errors_of(base_plan({{8, "goal: { service_level: 80, answer_within: 20s }"}})),
              ElementsAre("plan.yaml:8:24: error: goal.service_level must be in (0, 1], got 80"));
  // In the queue's own goal, and a bad answer_within is not also "needs answer_within".
  EXPECT_THAT(errors_of(base_plan({{8, "goal: { service_level: 80%, answer_within: 20s }"},
                                   {11, "    aht: 300s\n    goal: { asa: -5s }"}})),
              ElementsAre(HasSubstr("plan.yaml:12:18: error: queues[english].goal.asa")));
  EXPECT_THAT(errors_of(base_plan({{8, "goal: { service_level: 80%, answer_within: soon }"}})),
              ElementsAre(HasSubstr("plan.yaml:8:44: error: goal.answer_within: expected a duration")));
}

TEST(OneCauseOnce, AQueueWithABadNameIsNotAlsoUnknownToSites) {
  const std::string site = "sites:\n  - name: ny\n    hourly_cost: 10\n    queues: [english]\n"
                           "    shifts:\n      - { name: day, start: \"08:00\", length: 8h }\n";
  EXPECT_THAT(errors_of(base_plan({{10, "  - name: \"\""}}, site)),
              ElementsAre("plan.yaml:10:11: error: queues[0].name must not be empty"));
  // With every queue name readable, an unknown one is still reported.
  EXPECT_THAT(errors_of(base_plan({}, site + "  - name: la\n    hourly_cost: 10\n    queues: [englsh]\n"
                                            "    shifts:\n      - { name: day, start: \"08:00\", length: 8h }\n")),
              ElementsAre(HasSubstr("unknown queue 'englsh'; did you mean 'english'?")));
}

Plan plan_in(const std::string& zone, const std::string& date, const std::string& sites = "") {
  return load::load_plan_text(base_plan({{3, "timezone: " + zone}, {4, "start: " + date}}, sites), "plan.yaml");
}

TEST(TimeZoneRange, NewYorkAfterTheLastListedTransitionIsRefused) {
  EXPECT_THAT(errors_of(base_plan({{4, "start: 2038-07-01"}})),
              ElementsAre("plan.yaml:3:11: error: timezone: the time-zone database of this machine lists the clock "
                          "changes of America/New_York only up to 2037-11-01 06:00 UTC; later ones follow a yearly "
                          "rule that staffplan does not compute, so the horizon must end by then (it ends "
                          "2038-07-02 00:00 local time)"));
  EXPECT_THAT(errors_of(base_plan({{3, "timezone: Europe/London"}, {4, "start: 2040-01-06"}})),
              ElementsAre(HasSubstr("clock changes of Europe/London only up to 2037-10-25 01:00 UTC")));
}

TEST(TimeZoneRange, ZonesWithoutDaylightSavingAreFineForEver) {
  EXPECT_EQ(plan_in("Asia/Tokyo", "2045-07-01").horizon.utc_offset_s.at(0), 9 * 3600);
  EXPECT_EQ(plan_in("UTC", "2099-12-30").horizon.utc_offset_s.at(0), 0);
  // Before the last listed transition New York is still exact: July 2037 is EDT.
  EXPECT_EQ(plan_in("America/New_York", "2037-07-01").horizon.utc_offset_s.at(0), -4 * 3600);
}

TEST(TimeZoneRange, SiteZonesAreCheckedToo) {
  const std::string site =
      "sites:\n  - name: ny\n    timezone: America/New_York\n    hourly_cost: 10\n"
      "    shifts:\n      - { name: day, start: \"08:00\", length: 8h }\n";
  EXPECT_THAT(errors_of(base_plan({{3, "timezone: UTC"}, {4, "start: 2038-07-01"}}, site)),
              ElementsAre(HasSubstr("plan.yaml:16:15: error: sites[ny].timezone: the time-zone database of this "
                                    "machine lists the clock changes of America/New_York only up to")));
}

TEST(TimeZoneRange, LocalMeanTimeWithSecondsIsRefused) {
  EXPECT_THAT(errors_of(base_plan({{4, "start: 1883-01-01"}})),
              ElementsAre("plan.yaml:3:11: error: timezone: America/New_York has the UTC offset -04:56:02 at "
                          "1883-01-01 04:56 UTC (a local mean time from before time zones); staffplan needs "
                          "offsets in whole minutes, which every zone has used since 1972"));
}

TEST(BareSeconds, SmallBareAhtAndPatienceWarn) {
  std::vector<Diagnostic> warnings;
  load::load_plan_text(base_plan({{11, "    aht: 4"}}), "plan.yaml", &warnings);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].to_string(),
            "plan.yaml:11:10: warning: queues[english].aht: 4 is read as 4 seconds (a bare number is seconds); "
            "write 4m for minutes, or 4s to say seconds");
  warnings.clear();
  load::load_plan_text(base_plan({{7, "shrinkage: 30%\nmodel: erlang_a\npatience: 2"}}), "plan.yaml", &warnings);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_THAT(warnings[0].to_string(), HasSubstr("plan.yaml:9:11: warning: patience: 2 is read as 2 seconds"));
  // With a unit, or 60 and more, nothing to warn about.
  for (const std::string aht : {"4s", "4m", "300", "60"}) {
    warnings.clear();
    load::load_plan_text(base_plan({{11, "    aht: " + aht}}), "plan.yaml", &warnings);
    EXPECT_TRUE(warnings.empty()) << aht;
  }
}

}  // namespace
}  // namespace staffplan::test
