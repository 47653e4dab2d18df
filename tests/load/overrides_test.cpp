// `--set PATH=VALUE` in the loader (SPEC §12): the overridden value lands in the plan
// exactly as if the file held it, and every class of bad override is reported at the
// `--set` argument, not at a file line.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "plan_fixture.hpp"

namespace staffplan::test {
namespace {

using ::testing::ElementsAre;

// base_plan() plus one site (lines 14-20) with two shifts.
std::string site_plan() {
  return base_plan({}, "sites:\n"
                       "  - name: manila\n"
                       "    timezone: Asia/Manila\n"
                       "    hourly_cost: 9\n"
                       "    shifts:\n"
                       "      - { name: day, start: \"08:00\", length: 8h }\n"
                       "      - { name: late, start: \"13:00\", length: 8h, days: [mon, tue] }\n");
}

Plan load_with(const std::string& text, const std::vector<std::string>& overrides,
               std::vector<Diagnostic>* warnings = nullptr) {
  return load::load_plan_text(text, "plan.yaml", warnings, overrides);
}

std::vector<std::string> errors_with(const std::string& text, const std::vector<std::string>& overrides) {
  std::vector<std::string> out;
  try {
    load_with(text, overrides);
  } catch (const InputError& e) {
    for (const auto& d : e.diagnostics()) out.push_back(d.to_string());
  }
  return out;
}

TEST(Overrides, ScalarByNameAndByIndex) {
  const Plan plan = load_with(site_plan(), {"sites.manila.hourly_cost=11", "queues.0.aht=4m",
                                            "goal.service_level=85%", "shrinkage=0.25"});
  ASSERT_EQ(plan.sites.size(), 1u);
  EXPECT_DOUBLE_EQ(plan.sites[0].hourly_cost, 11);
  EXPECT_DOUBLE_EQ(plan.queues[0].aht_s, 240);
  EXPECT_DOUBLE_EQ(*plan.queues[0].goal.service_level, 0.85);
  EXPECT_DOUBLE_EQ(plan.shrinkage, 0.25);
}

TEST(Overrides, LaterOverrideOfTheSamePathWins) {
  const Plan plan = load_with(site_plan(), {"sites.manila.hourly_cost=11", "sites.manila.hourly_cost=12"});
  EXPECT_DOUBLE_EQ(plan.sites[0].hourly_cost, 12);
}

TEST(Overrides, FlowListAndNestedNames) {
  // The late shift runs on mon and tue in the file; the override gives it every weekday.
  const Plan edited = load_with(site_plan(), {"sites.manila.shifts.late.days=[mon, tue, wed, thu, fri]"});
  std::string text = site_plan();
  text.replace(text.find("days: [mon, tue]"), 16, "days: [mon, tue, wed, thu, fri]");
  const Plan by_hand = load::load_plan_text(text, "plan.yaml");
  EXPECT_EQ(edited.sites[0].shifts[1].weekdays, (std::array<bool, 7>{true, true, true, true, true, false, false}));
  EXPECT_EQ(edited.sites[0].shifts[1].weekdays, by_hand.sites[0].shifts[1].weekdays);
  EXPECT_EQ(edited.sites[0].shifts[1].starts.size(), by_hand.sites[0].shifts[1].starts.size());
}

TEST(Overrides, MissingKeyIsCreatedWithTheMappingsOnTheWay) {
  // No queue has a goal of its own: queues.english.goal is created.
  const Plan plan = load_with(site_plan(), {"queues.english.goal.service_level=90%", "sites.manila.seats=12"});
  EXPECT_DOUBLE_EQ(*plan.queues[0].goal.service_level, 0.9);
  EXPECT_DOUBLE_EQ(*plan.queues[0].goal.answer_within_s, 20);  // still merged over the top-level goal
  ASSERT_TRUE(plan.sites[0].seats.has_value());
  EXPECT_EQ(*plan.sites[0].seats, 12);
}

TEST(Overrides, Malformed) {
  EXPECT_THAT(errors_with(site_plan(), {"sites.manila.hourly_cost"}),
              ElementsAre("--set sites.manila.hourly_cost: error: expected PATH=VALUE, e.g. --set "
                          "sites.manila.hourly_cost=11"));
  EXPECT_THAT(errors_with(site_plan(), {"=11"}),
              ElementsAre("--set =11: error: the path before '=' is empty (expected PATH=VALUE)"));
  EXPECT_THAT(errors_with(site_plan(), {"shrinkage="}),
              ElementsAre("--set shrinkage=: error: the value after '=' is empty; give the value shrinkage "
                          "should take"));
  EXPECT_THAT(errors_with(site_plan(), {"sites..hourly_cost=1"}),
              ElementsAre("--set sites..hourly_cost=1: error: the path 'sites..hourly_cost' has an empty part "
                          "(two dots, or a dot at an end)"));
  EXPECT_THAT(errors_with(site_plan(), {"name=a\x1b[2Jb"}),
              ElementsAre("--set name=a\\x1B[2Jb: error: this text contains ESC (U+001B) "
                          "at character 7; a --set argument must be valid UTF-8 without control characters"));
}

TEST(Overrides, UnknownKeyGetsTheLoadersDidYouMean) {
  EXPECT_THAT(errors_with(site_plan(), {"sites.manila.hourly_cots=11"}),
              ElementsAre("--set sites.manila.hourly_cots=11: error: unknown key 'hourly_cots' in "
                          "sites[0]; did you mean 'hourly_cost'?"));
  EXPECT_THAT(errors_with(site_plan(), {"gaol.service_level=85%"}),
              ElementsAre("--set gaol.service_level=85%: error: unknown key 'gaol' in plan; did you mean 'goal'?"));
}

TEST(Overrides, PathThroughASingleValue) {
  EXPECT_THAT(errors_with(site_plan(), {"queues.english.aht.mean=300s"}),
              ElementsAre("--set queues.english.aht.mean=300s: error: queues.english.aht is a single value "
                          "('300s'), so it has no part 'mean'"));
}

TEST(Overrides, NoItemWithThatName) {
  EXPECT_THAT(errors_with(site_plan(), {"sites.manilla.hourly_cost=11"}),
              ElementsAre("--set sites.manilla.hourly_cost=11: error: sites has no item named 'manilla'; "
                          "did you mean 'manila'?"));
  EXPECT_THAT(errors_with(site_plan(), {"sites.london.hourly_cost=11"}),
              ElementsAre("--set sites.london.hourly_cost=11: error: sites has no item named 'london' "
                          "(it has: manila)"));
  EXPECT_THAT(errors_with(site_plan(), {"sites.manila.shifts.late.days.mon=x"}),
              ElementsAre("--set sites.manila.shifts.late.days.mon=x: error: sites.manila.shifts.late.days is a "
                          "list without names; select an item by its 0-based index, not 'mon'"));
}

TEST(Overrides, IndexOutOfRange) {
  EXPECT_THAT(errors_with(site_plan(), {"sites.3.hourly_cost=11"}),
              ElementsAre("--set sites.3.hourly_cost=11: error: sites has 1 item (0 to 0), so it has no item 3"));
  EXPECT_THAT(errors_with(site_plan(), {"queues.english.forecast.rows.0.calls=5"}),
              ElementsAre("--set queues.english.forecast.rows.0.calls=5: error: queues.english.forecast.rows is "
                          "an empty list, so it has no item 0"));
}

TEST(Overrides, BadValueIsTheLoadersFieldError) {
  EXPECT_THAT(errors_with(site_plan(), {"sites.manila.hourly_cost=abc"}),
              ElementsAre("--set sites.manila.hourly_cost=abc: error: sites[manila].hourly_cost: expected a "
                          "finite number, got 'abc'"));
  EXPECT_THAT(errors_with(site_plan(), {"goal.service_level=150%"}),
              ElementsAre("--set goal.service_level=150%: error: goal.service_level must be in (0, 1], got 150%"));
  EXPECT_THAT(errors_with(site_plan(), {"sites.manila.shifts.day.days=[mon, tux]"}),
              ElementsAre("--set sites.manila.shifts.day.days=[mon, tux]: error: sites[manila].shifts[day].days: "
                          "unknown weekday 'tux'; did you mean 'tue'?"));
  EXPECT_THAT(errors_with(site_plan(), {"sites.manila.shifts.day.days=[mon,"}),
              ElementsAre("--set sites.manila.shifts.day.days=[mon,: error: a value starting with '[' is read as a "
                          "YAML flow list, and this one is not valid: not valid YAML: end of sequence flow not "
                          "found"));
}

TEST(Overrides, EveryBadOverrideAndEveryFileErrorReportedTogether) {
  // validate reports all problems: both overrides and the file's own error, in the
  // order the loader meets them (path errors first, then the plan's keys in read order).
  const std::string text = site_plan() + "cyclic: maybe\n";
  EXPECT_THAT(errors_with(text, {"sites.nowhere.seats=1", "shrinkage=lots"}),
              ElementsAre("--set sites.nowhere.seats=1: error: sites has no item named 'nowhere' (it has: manila)",
                          "plan.yaml:21:9: error: cyclic must be true or false, got 'maybe'",
                          "--set shrinkage=lots: error: shrinkage: expected a fraction like 0.8 or 80%, got 'lots'"));
}

TEST(Overrides, WarningAboutAnOverriddenValuePointsAtTheArgument) {
  std::vector<Diagnostic> warnings;
  load_with(site_plan(), {"queues.english.aht=5"}, &warnings);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].to_string(),
            "--set queues.english.aht=5: warning: queues[english].aht: 5 is read as 5 seconds (a bare number is "
            "seconds); write 5m for minutes, or 5s to say seconds");
}

}  // namespace
}  // namespace staffplan::test
